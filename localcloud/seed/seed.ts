/**
 * Writes the demo district into an empty database through the genuine SDK, exactly as the
 * functions will read it: regions, staff and users first, then each domain's demo data through
 * that domain's own code. Every step is idempotent (a step whose data exists is skipped), so
 * `npm start` runs the whole seed on every start and an interrupted first start completes later.
 */
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { demoDistrict } from './demo-district';
import { seedContent } from './content';
import { seedHousehold } from './household';
import { seedInbox } from './inbox';
import { seedPoints } from './points';
import { seedWorklog } from './worklog';

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

/**
 * The whole demo product. `functionEnv` is what the functions run with: the register import
 * hashes and encrypts with its PII keys, so a later sign-up claim matches.
 */
export async function seedDemoProduct(db: Database, functionEnv: Record<string, string | undefined>, now = new Date()): Promise<string[]> {
  const done: string[] = [];
  const note = (label: string, seeded: boolean) => seeded && done.push(label);
  note('regions, staff and users', (await seedDemo(db)).seeded);
  note('population register (sample)', (await seedHousehold(db, functionEnv)).seeded);
  note('党建园地 / 议事厅 / 社区公告', (await seedContent(db, now.getTime())).seeded);
  note('work records and duty roster', (await seedWorklog(db, now)).seeded);
  note('resident questions', (await seedInbox(db, now)).seeded);
  note('points cards', (await seedPoints(db, now)).seeded);
  return done;
}
