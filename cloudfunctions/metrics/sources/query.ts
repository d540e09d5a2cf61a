/**
 * The group-by-committee count every source uses, with an explicit `$limit` (complete paginated
 * reads are `readAll` in _kit/paging). Committee ids go in chunks small enough for one `$in`.
 */
import type { Database } from '../../_kit/cloud';

/** committees per `$in` query */
export const CHUNK = 100;

export type Counts = Map<string, number>;

/** One `$group` row per committee (its `_id`) over the documents matching `match`. */
export async function groupByCommittee<R extends { _id: unknown }>(db: Database, collection: string, match: object, group: Record<string, unknown>, maxGroups: number): Promise<R[]> {
  const res = await db.collection(collection).aggregate().match(match).group(group).limit(maxGroups).end();
  return ((res as { data?: unknown }).data as R[] | undefined) ?? [];
}

export function countsOf(rows: { _id: unknown; n: number }[]): Counts {
  return new Map(rows.map((r) => [String(r._id), r.n]));
}
