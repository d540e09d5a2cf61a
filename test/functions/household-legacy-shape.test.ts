/**
 * Issue 17, finding 4: persons stored before the minimisation (gender, birth date, a mask keeping
 * the first three characters) are brought to the current shape by the next import of the
 * committee's register, including persons no longer in the file.
 */
import fs from 'node:fs';
import { SAMPLE_REGISTER } from '../../localcloud/seed/household';
import { loadPiiKeys } from '../../cloudfunctions/_kit/pii';
import { collection } from '../../cloudfunctions/_kit/store';
import { runJob } from '../../cloudfunctions/household/import-job';
import { importRegisterBuffer } from '../../cloudfunctions/household/register-import';
import { useTestCloud } from '../support/local-cloud';
import { DEMO, LIQIANG } from '../support/demo-identities';

jest.setTimeout(60_000);

const t = useTestCloud();
const OTHER = DEMO.neighbour._id;
const committee = { _id: OTHER, code: '310107005002', name: '曹杨二村居民委员会', kind: 'urban' as const, streetId: 'street-310107005', districtId: 'district-310107' };
const sample = fs.readFileSync(SAMPLE_REGISTER);

async function importSample() {
  const deps = { db: t.db, now: () => new Date(), startedAt: Date.now(), keys: loadPiiKeys(t.functionEnv), budgetMs: Number.POSITIVE_INFINITY };
  const report = await importRegisterBuffer(deps, sample, { committee, actorId: DEMO.staffId(LIQIANG), mode: 'full' });
  let progress = report.job!;
  while (progress.status !== 'done') progress = await runJob(deps, progress.jobId);
  return progress;
}

const persons = () => collection(t.db, 'persons').all((c) => c.where({ committeeId: OTHER }).orderBy('_id', 'asc'));

it('an import rewrites old-shape persons: no gender, no birth date, only the last four characters', async () => {
  await importSample();
  const ref = t.db.collection('persons');
  // put every person back in the shape imports wrote before, and add one who moved out long ago
  for (const p of await persons()) {
    await ref.doc(p._id).update({ idMasked: p.idMasked ? `310${p.idMasked.slice(3)}` : null, gender: '男', birthDate: '1970-01-01' });
  }
  const [first] = await persons();
  await ref.add({ ...first!, _id: 'p-legacy-gone', householdDocId: 'h-gone', status: 'moved_out', idMasked: '310***********1234', gender: '女', birthDate: '1950-05-05' });

  const progress = await importSample();
  expect(progress.counts?.persons).toMatchObject({ created: 0, updated: 85 });
  const after = await persons();
  expect(after).toHaveLength(86);
  for (const p of after) {
    expect(p).not.toHaveProperty('gender');
    expect(p).not.toHaveProperty('birthDate');
    expect(p.idMasked === null || /^\*{14}[\dX]{4}$/.test(p.idMasked)).toBe(true);
  }
  expect(after.find((p) => p._id === 'p-legacy-gone')?.idMasked).toBe('**************1234');

  // a third import finds nothing to rewrite
  expect((await importSample()).counts?.persons).toMatchObject({ updated: 0, unchanged: 85 });
});
