/** Lists read one explicit page (never the SDK default of 100); counts read everything in batches of 1000. */
interface Pageable {
  skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown }> } };
}

export async function readPage<T>(query: Pageable, offset: number, limit: number): Promise<{ rows: T[]; nextOffset: number | null }> {
  // one extra row tells whether another page exists without a count query
  const res = await query.skip(offset).limit(limit + 1).get();
  const data = (res.data as T[] | undefined) ?? [];
  return { rows: data.slice(0, limit), nextOffset: data.length > limit ? offset + limit : null };
}

export const iso = (d: Date) => new Date(d).toISOString();
export const isoOrNull = (d: Date | null | undefined) => (d ? iso(d) : null);

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
