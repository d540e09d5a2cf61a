/**
 * MongoDB's sort for find(): values compare across types in BSON order (null and missing equal,
 * numbers < strings < objects < arrays < ObjectId < booleans < dates < regexes), strings by
 * UTF-8 bytes, and an array field sorts by its smallest element ascending or its largest
 * descending, an empty array below null. mingo's cursor sort compares arrays and objects
 * differently, so find() sorts here.
 */
import { ObjectId } from 'bson';

type Doc = Record<string, unknown>;

const EMPTY_ARRAY = Symbol('empty array');

function bracket(v: unknown): number {
  if (v === EMPTY_ARRAY) return 0;
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number' || typeof v === 'bigint') return 2;
  if (typeof v === 'string') return 3;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 10;
  if (v instanceof ObjectId) return 7;
  if (Array.isArray(v)) return 5;
  if (v instanceof Uint8Array) return 6;
  return 4;
}

export function compareBson(a: unknown, b: unknown): number {
  const ba = bracket(a);
  const bb = bracket(b);
  if (ba !== bb) return ba - bb;
  switch (ba) {
    case 2: {
      const x = Number(a);
      const y = Number(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
    case 4: {
      const ea = Object.entries(a as Doc);
      const eb = Object.entries(b as Doc);
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        const [ka, va] = ea[i]!;
        const [kb, vb] = eb[i]!;
        const c = bracket(va) - bracket(vb) || compareBson(ka, kb) || compareBson(va, vb);
        if (c) return c;
      }
      return ea.length - eb.length;
    }
    case 5: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareBson(xa[i], xb[i]);
        if (c) return c;
      }
      return xa.length - xb.length;
    }
    case 7:
      return compareBson((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    case 10:
      return compareBson((a as RegExp).source, (b as RegExp).source) || compareBson((a as RegExp).flags, (b as RegExp).flags);
    default:
      return 0;
  }
}

/** Values a dotted path reaches, descending through arrays of sub-documents. */
function reach(v: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) return [v];
  if (Array.isArray(v)) return v.flatMap((el) => (el !== null && typeof el === 'object' && !Array.isArray(el) ? reach(el, parts) : []));
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) {
    const [head, ...rest] = parts;
    return reach((v as Doc)[head!], rest);
  }
  return [undefined];
}

function sortKey(doc: Doc, path: string, dir: 1 | -1): unknown {
  const reached = reach(doc, path.split('.'));
  const values = reached.flatMap((v) => (Array.isArray(v) ? (v.length ? v : [EMPTY_ARRAY]) : [v]));
  if (values.length === 0) return undefined;
  let best = values[0];
  for (const v of values.slice(1)) if (compareBson(v, best) * dir < 0) best = v;
  return best;
}

export function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  const fields = Object.entries(order);
  const keyed = docs.map((doc, i) => ({ doc, i, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }));
  keyed.sort((x, y) => {
    for (let f = 0; f < fields.length; f++) {
      const c = compareBson(x.keys[f], y.keys[f]) * fields[f]![1];
      if (c) return c;
    }
    return x.i - y.i;
  });
  return keyed.map((k) => k.doc);
}
