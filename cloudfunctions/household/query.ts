/** Reads every match of a query, 1000 at a time (CloudBase returns at most 1000 per get). */
import type { Database } from '../_kit/cloud';

const PAGE = 1000;

export async function readAll<T>(db: Database, collection: string, where: object): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const res = await db.collection(collection).where(where).orderBy('_id', 'asc').skip(offset).limit(PAGE).get();
    const page = res.data as T[];
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export async function readOne<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  return ((res.data as T[] | undefined)?.[0] as T | undefined) ?? null;
}
