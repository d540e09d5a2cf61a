/** Every list reads one explicit page (never the SDK's default 100) and says where the next starts. */
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
