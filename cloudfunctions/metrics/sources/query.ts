/**
 * The two shapes every source read takes: a complete paginated read (≤ 1000 rows per get, the
 * CloudBase maximum: the worklog's `readAll`, reused rather than copied) and a group-by-committee
 * count with an explicit `$limit`. Committee ids go in chunks small enough for one `$in`.
 */
import type { Database } from '../../_kit/cloud';

export { readAll } from '../../worklog/paging';

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
