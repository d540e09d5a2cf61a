/**
 * The demo product seed that `npm start` and the e2e tests use: every domain's demo data written
 * through its own code, and a second run that changes nothing.
 */
import { me } from '../../shared/contracts/auth';
import { seedDemoProduct } from '../../localcloud/seed/seed';
import { ZHOU } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

// an empty cloud: the test seeds it
const t = useTestCloud({ demo: false });

it('seeds every domain once and leaves a second run alone', async () => {
  const first = await seedDemoProduct(t.db, t.functionEnv);
  expect(first).toEqual([
    'regions, staff and users',
    'population register (sample)',
    '党建园地 / 议事厅 / 社区公告',
    'work records and duty roster',
    'resident questions',
    'points cards',
  ]);
  const counts = async () =>
    Object.fromEntries(await Promise.all(['committees', 'households', 'persons', 'notices', 'worklog_records', 'inbox_questions'].map(async (c) => [c, (await t.db.collection(c).count()).total])));
  const before = await counts();
  expect(before.committees).toBe(10);
  expect(before.households).toBeGreaterThan(20);
  expect(before.notices).toBeGreaterThan(0);
  expect(await seedDemoProduct(t.db, t.functionEnv)).toEqual([]);
  expect(await counts()).toEqual(before);
}, 120_000);

it('makes the demo resident a verified member of a household in her committee', async () => {
  const res = ok(await t.call(ZHOU, me, {}));
  expect(res).toMatchObject({ signedIn: true, roles: ['resident'], committee: { name: '曹杨一村居民委员会' } });
});
