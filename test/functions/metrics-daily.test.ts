/**
 * metrics · the daily timer run (CloudBase timer event, no OPENID) fanning out one invocation per
 * district, and the time budget: an invocation stops and reports progress instead of being killed.
 */
import { compute, dailyReport, getSnapshot, listSnapshots } from '../../shared/contracts/metrics';
import { defaultWindow } from '../../shared/metrics/window';
import { ok, useTestCloud } from '../support/local-cloud';
import { district, FROM, OPENID, otherDistrict, writeDataset } from '../unit/metrics/dataset';

jest.setTimeout(90_000);

const TIMER_EVENT = { Type: 'Timer', TriggerName: 'daily', Time: '2026-11-23T02:30:00Z' };

describe('the daily timer run', () => {
  const t = useTestCloud({ demo: false, prepare: (cloud) => writeDataset(cloud.db) });

  it('computes the default window for every district, one invocation each', async () => {
    const expected = defaultWindow(new Date());
    const env = (await t.cloud.callAs({ source: 'timer' }, 'metrics', TIMER_EVENT)) as { ok: boolean; data: unknown };
    expect(env.ok).toBe(true);
    const report = dailyReport.parse(env.data);
    expect(report.window).toEqual({ from: expected.from, to: expected.to });
    // districts in code order: 310198, 310199
    expect(report.districts.map((d) => [d.districtId, d.status, d.created])).toEqual([
      [otherDistrict._id, 'done', true],
      [district._id, 'done', true],
    ]);
    const snap = ok(await t.call(OPENID.districtLiaison, listSnapshots, { scope: { level: 'district', id: district._id } })).items;
    expect(snap).toHaveLength(1);
    expect(snap[0]).toMatchObject({ computedBy: 'timer', window: { from: expected.from, to: expected.to } });
    // a district without committees has nothing to divide by: its platform indicators are missing, not 0%
    const empty = report.districts.find((d) => d.districtId === otherDistrict._id)!;
    const view = ok(await t.call(OPENID.otherDistrictLiaison, getSnapshot, { id: empty.snapshotId! }));
    // (its district liaison is set and it has no streets: 组建运营工作团队 is met)
    expect(view.values).toEqual({ opsTeamDesignated: true });
    expect(view.indicators.find((i) => i.path === 'initCompletion')).toMatchObject({ status: 'missing', score: 0 });
  });

  it('is idempotent: a second run on the same data writes nothing new', async () => {
    const env = (await t.cloud.callAs({ source: 'timer' }, 'metrics', TIMER_EVENT)) as { ok: boolean; data: unknown };
    const report = dailyReport.parse(env.data);
    expect(report.districts.map((d) => d.created)).toEqual([false, false]);
    expect((await t.db.collection('metrics_snapshots').count()).total).toBe(2);
  });

  it('refuses a timer-shaped event that carries a WeChat identity', async () => {
    const env = await t.cloud.callAs({ openid: OPENID.districtLiaison, source: 'wx_client' }, 'metrics', TIMER_EVENT);
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers an event that is neither a timer nor an action with INVALID_INPUT', async () => {
    const env = await t.cloud.callAs({ source: 'timer' }, 'metrics', { Type: 'Cron' });
    expect(env).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the time budget', () => {
  const t = useTestCloud({ demo: false, cloud: { functionEnv: { METRICS_TIME_BUDGET_MS: '0' } }, prepare: (cloud) => writeDataset(cloud.db) });

  it('stops a computation that has no time left and reports its progress, writing no snapshot', async () => {
    const out = ok(await t.call(OPENID.districtLiaison, compute, { scope: { level: 'district', id: district._id }, from: FROM }));
    expect(out).toEqual({ status: 'partial', message: expect.stringContaining('0 / 4'), progress: { committeesDone: 0, committeesTotal: 4 } });
    expect((await t.db.collection('metrics_snapshots').count()).total).toBe(0);
  });

  it('reports the districts the daily run had no time to start', async () => {
    const env = (await t.cloud.callAs({ source: 'timer' }, 'metrics', TIMER_EVENT)) as { ok: boolean; data: unknown };
    expect(dailyReport.parse(env.data).districts.map((d) => d.status)).toEqual(['notStarted', 'notStarted']);
  });
});
