/**
 * The group-by-committee count every source uses, with an explicit `$limit` (complete paginated
 * reads are `readAll` in _kit/store). Committee ids go in chunks small enough for one `$in`.
 */
import type { Database } from '../../_kit/cloud';
import { aggregateRows, collection, type CollectionName } from '../../_kit/store';

/** committees per `$in` query */
export const CHUNK = 100;

export type Counts = Map<string, number>;

/** One `$group` row per committee (its `_id`) over the documents matching `match`. */
export function groupByCommittee<R extends { _id: unknown }>(db: Database, name: CollectionName, match: object, group: Record<string, unknown>, maxGroups: number): Promise<R[]> {
  return aggregateRows<R>(collection(db, name).ref.aggregate().match(match).group(group).limit(maxGroups));
}

export function countsOf(rows: { _id: unknown; n: number }[]): Counts {
  return new Map(rows.map((r) => [String(r._id), r.n]));
}
