/**
 * What `npm run deploy` must change so that a collection's indexes in CloudBase match
 * `config/database.ts`. CloudBase cannot alter an index, so one whose keys or uniqueness differ
 * from the declaration is dropped and created again. Indexes CloudBase has but nobody declares
 * are reported, never dropped: removing one is a decision for a person.
 */
import { z } from 'zod';

export interface DeclaredIndex {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
}

/** The part of manager-node's describeCollection answer that is read (validated: it is input). */
export const describedIndexes = z.object({
  Indexes: z
    .array(
      z.object({
        Name: z.string(),
        Keys: z.array(z.object({ Name: z.string(), Direction: z.union([z.string(), z.number()]).transform(String) })).default([]),
        Unique: z.boolean().optional(),
      }),
    )
    .default([]),
});
export type DescribedIndexes = z.infer<typeof describedIndexes>;

export interface IndexChanges {
  create: DeclaredIndex[];
  /** declared with other keys or uniqueness than CloudBase has: drop, then create */
  replace: DeclaredIndex[];
  /** in CloudBase, not declared: left in place */
  undeclared: string[];
}

/** MongoDB's own index on `_id`, which every collection has and nobody declares. */
const BUILT_IN = '_id_';

const sameKeys = (a: { Name: string; Direction: string }[], b: { Name: string; Direction: string }[]) =>
  a.length === b.length && a.every((k, i) => k.Name === b[i]!.Name && k.Direction === b[i]!.Direction);

export function indexChanges(declared: DeclaredIndex[], existing: DescribedIndexes): IndexChanges {
  const have = new Map(existing.Indexes.map((i) => [i.Name, i]));
  const changes: IndexChanges = { create: [], replace: [], undeclared: [] };
  for (const index of declared) {
    const current = have.get(index.IndexName);
    if (!current) changes.create.push(index);
    else if (!sameKeys(index.MgoKeySchema.MgoIndexKeys, current.Keys) || index.MgoKeySchema.MgoIsUnique !== Boolean(current.Unique)) changes.replace.push(index);
  }
  const names = new Set(declared.map((i) => i.IndexName));
  changes.undeclared = existing.Indexes.map((i) => i.Name).filter((n) => n !== BUILT_IN && !names.has(n));
  return changes;
}
