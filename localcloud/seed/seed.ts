/**
 * Writes the demo district into an empty database through the genuine SDK, exactly as the
 * functions will read it. Runs once: a database that already has districts is left alone.
 */
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { demoDistrict } from './demo-district';

export async function seedDemo(db: Database): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const existing = await db.collection('districts').count();
  if (existing.total > 0) return { seeded: false, counts: {} };
  const batches: [string, { _id: string }[]][] = [
    ['districts', [demoDistrict.district]],
    ['streets', demoDistrict.streets],
    ['committees', demoDistrict.committees],
    ['staff', demoDistrict.staff],
    ['users', demoDistrict.users],
  ];
  const counts: Record<string, number> = {};
  for (const [name, docs] of batches) {
    await db.collection(name).add(docs as object[]);
    counts[name] = docs.length;
  }
  return { seeded: true, counts };
}
