/**
 * How declared indexes map onto SQLite, and which query conditions may be pushed down to them.
 *
 * Each row keeps `ix`, a small JSON object holding the key of every indexed path, and every
 * declared index is an expression index over `json_extract(ix, '$."path"')` (`_id` is the `id`
 * column itself). A key is TEXT: a one-character bracket in BSON's sort order, then the value in
 * a form whose bytes sort as MongoDB sorts the values (see sortKeyOf). SQLite compares TEXT
 * bytewise, so index order is MongoDB's sort order and a sort on indexed paths can stream from
 * the index. Null and missing share one key, so a unique index treats a missing field as null,
 * like MongoDB.
 * A document whose value at an indexed path is an array (or passes through one), an embedded
 * document or any other non-scalar gets `multi = 1` and a SQL NULL key: it is then a candidate
 * for every pushed-down condition, because MongoDB's array and sub-document matching cannot be
 * expressed on one key. Unique indexes therefore do not police such documents, and a sort does
 * not stream while the collection holds any.
 *
 * Push-down is only ever a filter that returns a SUPERSET of the true matches; the full query is
 * then evaluated exactly (mingo) on the candidates.
 */
export type KeyValue = string | null;

/** Brackets in BSON's cross-type order: null < numbers < strings < booleans < dates. */
const BRACKET = { null: '1', number: '2', string: '3', boolean: '8', date: '9' } as const;
type Bracket = (typeof BRACKET)[keyof typeof BRACKET];

export const NULL_KEY: string = BRACKET.null;

/** SQL expression used both in CREATE INDEX and in WHERE / ORDER BY, which must be textually identical. */
export function keyExpr(path: string): string {
  return path === '_id' ? 'id' : `json_extract(ix, '$."${path}"')`;
}

/**
 * A double as 16 hex digits whose byte order is numeric order: the IEEE 754 bits big-endian,
 * the sign bit flipped for positives and every bit flipped for negatives. -0 keys as 0, since
 * MongoDB finds them equal; an int and a double of the same value key the same.
 */
function orderedNumber(n: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleBE(n === 0 ? 0 : n);
  if (bytes[0]! & 0x80) for (let i = 0; i < 8; i++) bytes[i] = ~bytes[i]! & 0xff;
  else bytes[0] = bytes[0]! | 0x80;
  return bytes.toString('hex');
}

/** By tag, not prototype: documents may come from another realm (Jest's vm contexts). */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';

/** The key of a scalar; undefined when the value has none (NaN, ObjectId, binary, …). */
export function sortKeyOf(v: unknown): string | undefined {
  if (v === null || v === undefined) return NULL_KEY;
  if (typeof v === 'string') return BRACKET.string + v;
  if (typeof v === 'number') return Number.isFinite(v) ? BRACKET.number + orderedNumber(v) : undefined;
  if (typeof v === 'boolean') return BRACKET.boolean + (v ? '1' : '0');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : BRACKET.date + orderedNumber(v.getTime());
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
  const key = sortKeyOf(cur);
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
  params: string[];
  /** an equality with one value: every candidate then has this key */
  equality?: true;
  /** one side of a range */
  range?: true;
}

/** Equality key for a query operand, or undefined if equality on it cannot be pushed down. */
function equalityKey(v: unknown): string | undefined {
  if (v instanceof RegExp || Array.isArray(v) || isPlainObject(v)) return undefined;
  return sortKeyOf(v);
}

/**
 * A range operand's key and its bracket: MongoDB compares a range only within the operand's
 * type, so the key range is closed by the bracket's bounds. Numbers, strings and dates only
 * (booleans and null have bracket subtleties).
 */
function rangeKey(v: unknown): { key: string; bracket: Bracket } | undefined {
  const bracket = typeof v === 'string' ? BRACKET.string : typeof v === 'number' ? BRACKET.number : v instanceof Date ? BRACKET.date : undefined;
  const key = bracket && sortKeyOf(v);
  return bracket && key ? { key, bracket } : undefined;
}

const nextBracket = (b: Bracket): string => String.fromCharCode(b.charCodeAt(0) + 1);

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
        if (k !== undefined) terms.push({ column: 'key', path, sql: `${expr} = ?`, params: [k], equality: true });
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
        const keys = operand.map(equalityKey);
        if (keys.every((k): k is string => k !== undefined))
          terms.push({ column: 'key', path, sql: `${expr} IN (${keys.map(() => '?').join(',')})`, params: keys });
      } else if (op in RANGE_SQL) {
        const k = rangeKey(operand);
        if (!k) continue;
        // `$gt` keeps to the operand's bracket from above, `$lt` from below
        const bound = op.startsWith('$gt') ? `${expr} < ?` : `${expr} >= ?`;
        const boundKey = op.startsWith('$gt') ? nextBracket(k.bracket) : k.bracket;
        terms.push({ column: 'key', path, sql: `${expr} ${RANGE_SQL[op]} ?`, params: [k.key], range: true });
        terms.push({ column: 'key', path, sql: bound, params: [boundKey], range: true });
      }
    }
  };

  visit(query);
  return terms;
}
