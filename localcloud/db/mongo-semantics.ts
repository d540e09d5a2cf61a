/**
 * MongoDB semantics for queries, updates, sorting, projection and aggregation, delegated to
 * mingo (strict mode) so that the local cloud does not hand-write operators.
 */
import 'mingo/init/system';
import { Aggregator, Query } from 'mingo';
import { find } from 'mingo';
import { update as applyUpdateExpr, type UpdateExpression } from 'mingo/updater';
import type { Options } from 'mingo/core';
import { requestFailed, unsupported } from './errors';
import { sortDocs } from './sort-order';

export type Doc = Record<string, unknown>;

const GEO_OPERATORS = new Set(['$geoNear', '$geoWithin', '$geoIntersects', '$near', '$nearSphere', '$center', '$centerSphere', '$box', '$polygon']);

/** Geo queries are out of scope: say so clearly instead of silently matching nothing. */
export function rejectGeo(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach(rejectGeo);
  for (const [k, v] of Object.entries(value)) {
    if (GEO_OPERATORS.has(k)) throw unsupported(`geo operator ${k}`);
    rejectGeo(v);
  }
}

function wrap<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && e.name === 'CloudError') throw e;
    throw requestFailed(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A compiled query; construction throws DATABASE_REQUEST_FAILED for an invalid query. */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  rejectGeo(query);
  const q = wrap('invalid query', () => new Query(query));
  return (doc) => wrap('invalid query', () => q.test(doc));
}

export interface FindShape {
  order?: Record<string, 1 | -1>;
  offset: number;
  limit: number;
  projection?: Doc;
}

/** Sort, skip, limit and project documents that already match. */
export function shapeResults(docs: Doc[], shape: FindShape): Doc[] {
  return wrap('invalid query options', () => {
    const sorted = shape.order && Object.keys(shape.order).length ? sortDocs(docs, shape.order) : docs;
    const page = sorted.slice(shape.offset, shape.offset + shape.limit);
    const projection = shape.projection && Object.keys(shape.projection).length ? shape.projection : undefined;
    return projection ? (find(page, {}, projection).all() as Doc[]) : page;
  });
}

/** Applies update operators in place; MongoDB rejects an update that touches `_id`. */
export function applyUpdate(doc: Doc, update: Doc): void {
  rejectGeo(update);
  const ops = Object.keys(update);
  if (ops.length === 0) throw requestFailed('update document is empty');
  for (const op of ops) {
    if (!op.startsWith('$')) throw requestFailed(`update operators expected, got field ${op}`);
    const fields = update[op];
    if (fields && typeof fields === 'object' && Object.keys(fields).some((f) => f === '_id' || f.startsWith('_id.')))
      throw requestFailed('Performing an update on the path \'_id\' would modify the immutable field \'_id\'');
  }
  rejectConflictingPaths(update);
  wrap('invalid update', () => {
    for (const op of ops) applyUpdateExpr(doc, { [op]: update[op] } as UpdateExpression);
  });
}

/** MongoDB refuses one update that names a path twice or a path and its parent. */
function rejectConflictingPaths(update: Doc): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!fields || typeof fields !== 'object') continue;
    for (const [f, v] of Object.entries(fields)) {
      paths.push(f);
      if (op === '$rename' && typeof v === 'string') paths.push(v);
    }
  }
  for (let i = 0; i < paths.length; i++)
    for (let j = 0; j < paths.length; j++) {
      const a = paths[i]!;
      const b = paths[j]!;
      if (i !== j && (a === b || b.startsWith(`${a}.`)))
        throw requestFailed(`Updating the path '${b}' would create a conflict at '${a}'`);
    }
}

/**
 * $bucket as MongoDB defines it (a $group on a $switch over [lower, upper) ranges, then a sort
 * on _id); mingo's own $bucket puts a value equal to an inner boundary in the lower bucket.
 */
function bucketAsGroup(spec: Doc): Doc[] {
  const { groupBy, boundaries, default: otherwise, output } = spec as { groupBy: unknown; boundaries: unknown[]; default?: unknown; output?: Doc };
  if (!Array.isArray(boundaries) || boundaries.length < 2) throw requestFailed("$bucket needs at least two 'boundaries'");
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [groupBy, lower] }, { $lt: [groupBy, boundaries[i + 1]] }] },
    then: lower,
  }));
  const id = { $switch: otherwise === undefined ? { branches } : { branches, default: otherwise } };
  return [{ $group: { _id: id, ...(output ?? { count: { $sum: 1 } }) } }, { $sort: { _id: 1 } }];
}

export function runPipeline(docs: Iterable<Doc> | Doc[], stages: Doc[], resolveCollection: (name: string) => Doc[]): Doc[] {
  rejectGeo(stages);
  const pipeline = stages.flatMap((s) => (s.$bucket && typeof s.$bucket === 'object' ? bucketAsGroup(s.$bucket as Doc) : [s]));
  const options: Partial<Options> = { collectionResolver: (name: string) => resolveCollection(name) };
  return wrap('invalid aggregation', () => new Aggregator(pipeline, options).run(docs as Doc[]) as Doc[]);
}
