/**
 * How declared indexes map onto SQLite, and which query conditions may be pushed down to them.
 *
 * Each row keeps `ix`, a small JSON object holding the scalar value of every indexed path, and
 * every declared index is an expression index over `json_extract(ix, '$."path"')`. Key encoding:
 *   string → TEXT, finite number → INTEGER/REAL, boolean → 1/0, Date → epoch ms,
 *   null or missing → NULL_KEY (so a unique index treats a missing field as null, like MongoDB).
 * A document whose value at an indexed path is an array (or passes through one), an embedded
 * document or any other non-scalar gets `multi = 1` and a SQL NULL key: it is then a candidate
 * for every pushed-down condition, because MongoDB's array and sub-document matching cannot be
 * expressed on one key. Unique indexes therefore do not police such documents.
 *
 * Push-down is only ever a filter that returns a SUPERSET of the true matches; the full query is
 * then evaluated exactly (mingo) on the candidates. SQLite orders NULL < numbers < TEXT, and the
 * encodings above were chosen so that every pushed comparison keeps every value MongoDB's type
 * bracketing could match (e.g. `$gt: 5` also returns TEXT rows, which mingo then drops).
 */
export const NULL_KEY = '\u0000null';

export type KeyValue = string | number | null;

/** SQL expression used both in CREATE INDEX and in WHERE, which must be textually identical. */
export function keyExpr(path: string): string {
  return `json_extract(ix, '$."${path}"')`;
}

/** By tag, not prototype: documents may come from another realm (Jest's vm contexts). */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';

/** Encodes a scalar for the key; undefined when the value has no scalar key. */
function scalarKey(v: unknown): KeyValue | undefined {
  if (v === null || v === undefined) return NULL_KEY;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  return undefined;
}

/** Resolves a dotted path; `multi` when the walk meets an array or ends on a non-scalar. */
function pathKey(doc: Record<string, unknown>, path: string): { key: KeyValue; multi: boolean } {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) return { key: null, multi: true };
    if (!isPlainObject(cur)) return { key: NULL_KEY, multi: false };
    cur = cur[part];
  }
  if (Array.isArray(cur)) return { key: null, multi: true };
  const key = scalarKey(cur);
  return key === undefined ? { key: null, multi: true } : { key, multi: false };
}

export function computeIndexKeys(doc: Record<string, unknown>, paths: readonly string[]): { ix: string; multi: 0 | 1 } {
  const ix: Record<string, KeyValue> = {};
  let multi = false;
  for (const p of paths) {
    const k = pathKey(doc, p);
    ix[p] = k.key;
    multi ||= k.multi;
  }
  return { ix: JSON.stringify(ix), multi: multi ? 1 : 0 };
}

export interface PushdownTerm {
  /** `_id` uses the primary key column; other paths the index expression */
  column: 'id' | 'key';
  path: string;
  sql: string;
  params: Array<string | number>;
}

/** Equality key for a query operand, or undefined if equality on it cannot be pushed down. */
function equalityKey(v: unknown): KeyValue | undefined {
  if (v instanceof RegExp || Array.isArray(v) || isPlainObject(v)) return undefined;
  return scalarKey(v);
}

/** Range operands: only numbers, strings and dates (booleans and null have bracket subtleties). */
function rangeKey(v: unknown): string | number | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v instanceof Date) return v.getTime();
  return undefined;
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Pushable conditions of `query` on `_id` (via `idKeyOf`) and on indexed paths. Conditions are
 * taken from the top level and from `$and`; anything else is simply not pushed (still a superset).
 */
export function pushdownTerms(
  query: Record<string, unknown>,
  indexedPaths: ReadonlySet<string>,
  idKeyOf: (id: unknown) => string | undefined,
): PushdownTerm[] {
  const terms: PushdownTerm[] = [];
  const visit = (q: Record<string, unknown>): void => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (field.startsWith('$')) continue;
      if (field === '_id') idTerms(field, cond);
      else if (indexedPaths.has(field)) keyTerms(field, cond);
    }
  };
  const operators = (cond: unknown): Record<string, unknown> | undefined =>
    isPlainObject(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$')) ? cond : undefined;

  const idTerms = (path: string, cond: unknown): void => {
    const ops = operators(cond) ?? (isPlainObject(cond) ? {} : { $eq: cond });
    for (const [op, operand] of Object.entries(ops)) {
      if (op === '$eq') {
        const k = typeof operand === 'string' || typeof operand === 'number' ? idKeyOf(operand) : undefined;
        if (k !== undefined) terms.push({ column: 'id', path, sql: 'id = ?', params: [k] });
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
        const keys = operand.map((o) => (typeof o === 'string' || typeof o === 'number' ? idKeyOf(o) : undefined));
        if (keys.every((k): k is string => k !== undefined))
          terms.push({ column: 'id', path, sql: `id IN (${keys.map(() => '?').join(',')})`, params: keys });
      } else if (op in RANGE_SQL && typeof operand === 'string') {
        // numeric ids are keyed with a leading NUL, below every string: still a superset
        terms.push({ column: 'id', path, sql: `id ${RANGE_SQL[op]} ?`, params: [operand] });
      }
    }
  };

  const keyTerms = (path: string, cond: unknown): void => {
    const expr = keyExpr(path);
    const ops = operators(cond) ?? (isPlainObject(cond) ? {} : { $eq: cond });
    for (const [op, operand] of Object.entries(ops)) {
      if (op === '$eq') {
        const k = equalityKey(operand);
        if (k !== undefined && k !== null) terms.push({ column: 'key', path, sql: `${expr} = ?`, params: [k] });
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
        const keys = operand.map(equalityKey);
        if (keys.every((k): k is string | number => k !== undefined && k !== null))
          terms.push({ column: 'key', path, sql: `${expr} IN (${keys.map(() => '?').join(',')})`, params: keys });
      } else if (op in RANGE_SQL) {
        const k = rangeKey(operand);
        if (k !== undefined) terms.push({ column: 'key', path, sql: `${expr} ${RANGE_SQL[op]} ?`, params: [k] });
      }
    }
  };

  visit(query);
  return terms;
}
