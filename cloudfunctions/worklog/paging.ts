/**
 * Complete reads for counting (never the SDK's default 100 rows). Page reads for lists reuse
 * content's readPage (one explicit page plus one look-ahead row).
 */
export { readPage, iso, isoOrNull } from '../content/paging';

interface Pageable {
  skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown }> } };
}

const BATCH = 1000;
/** A month of one committee is at most a few thousand documents; beyond this something is wrong. */
const MAX_ROWS = 50_000;

/** Every row of a query, read in batches of 1000 (the SDK's maximum). The query must be ordered. */
export async function readAll<T>(query: Pageable): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const res = await query.skip(rows.length).limit(BATCH).get();
    const data = (res.data as T[] | undefined) ?? [];
    rows.push(...data);
    if (data.length < BATCH) return rows;
    if (rows.length >= MAX_ROWS) throw new Error(`readAll exceeded ${MAX_ROWS} rows`);
  }
}
