/**
 * Demo register for `npm start`: imports docs/samples/register-sample.csv into 曹杨一村
 * (committee-310107005001) through the same code the household function runs (parse → validate
 * → protect → job → batches), as the committee's secretary, then makes the demo resident
 * 周阿姨 (dev-openid-resident-zhou, consented in the demo seed) the verified member 周雪梅 of
 * household 3101040510001. Runs once: a committee that already has households is left alone.
 *
 * `env` must hold the PII keys the functions get (PII_HASH_KEY, PII_ENC_KEY), or sign-up claims
 * would not match the stored hashes. After `seedDemo(db)`:
 *   await seedHousehold(db, functionEnv)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { collection } from '../../cloudfunctions/_kit/store';
import { loadPiiKeys } from '../../cloudfunctions/_kit/pii';
import { importRegisterBuffer } from '../../cloudfunctions/household/register-import';
import { runJob } from '../../cloudfunctions/household/import-job';
import { householdDocId } from '../../cloudfunctions/household/ids';
import { joinHousehold } from '../../cloudfunctions/household/membership';

export const SAMPLE_REGISTER = path.join(__dirname, '..', '..', 'docs', 'samples', 'register-sample.csv');
export const DEMO_REGISTER_COMMITTEE = 'committee-310107005001';
export const DEMO_MEMBER = { openid: 'dev-openid-resident-zhou', householdId: '3101040510001', name: '周雪梅' } as const;

export async function seedHousehold(db: Database, env: Record<string, string | undefined>): Promise<{ seeded: boolean; households: number; persons: number }> {
  const existing = await db.collection('households').where({ committeeId: DEMO_REGISTER_COMMITTEE }).count();
  if (existing.total > 0) return { seeded: false, households: 0, persons: 0 };
  const committee = await collection(db, 'committees').byId(DEMO_REGISTER_COMMITTEE);
  if (!committee) throw new Error(`seedHousehold: ${DEMO_REGISTER_COMMITTEE} is missing; run seedDemo first`);

  // no time budget: the seed is not a function call, it simply runs the job to the end
  const deps = { db, now: () => new Date(), startedAt: Date.now(), budgetMs: Number.POSITIVE_INFINITY };
  const report = await importRegisterBuffer({ ...deps, keys: loadPiiKeys(env) }, fs.readFileSync(SAMPLE_REGISTER), { committee, actorId: 'staff-wangli', mode: 'full', filename: path.basename(SAMPLE_REGISTER) });
  if (!report.accepted || !report.job) throw new Error(`seedHousehold: the sample register was refused (${report.summary.errors} errors)`);
  let progress = report.job;
  while (progress.status !== 'done') progress = await runJob(deps, progress.jobId);

  const user = await collection(db, 'users').first({ openid: DEMO_MEMBER.openid });
  const hid = householdDocId(committee._id, DEMO_MEMBER.householdId);
  const person = await collection(db, 'persons').first({ householdDocId: hid, name: DEMO_MEMBER.name });
  if (user && person) await joinHousehold(db, { user, householdDocId: hid, via: 'claim', personId: person._id, ticket: null, now: new Date() });
  return { seeded: true, households: progress.total, persons: progress.persons };
}
