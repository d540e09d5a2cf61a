/**
 * metrics through the real path (runner → bundle → SDK → local cloud) on a district whose every
 * value is worked out by hand in test/unit/metrics/dataset.ts: values and scores, window edges,
 * exclusions, snapshot idempotence and immutability, assessor entries, hints, authorisation.
 */
import { addExclusion, assess, compute, getSnapshot, listAssessments, listExclusions, listSnapshots, revokeExclusion, runDistrict } from '../../shared/contracts/metrics';
import { ok, useTestCloud } from '../support/local-cloud';
import { A, B, C, district, E, EXPECTED, FROM, OPENID, otherDistrict, record, S1, S2, TO, writeDataset } from '../unit/metrics/dataset';

jest.setTimeout(60_000);

const t = useTestCloud({ demo: false, prepare: (cloud) => writeDataset(cloud.db) });

const fail = (code: string) => ({ ok: false, error: { code } });
const districtScope = { level: 'district' as const, id: district._id };
const DL = OPENID.districtLiaison;
const evidence = ['cloud://test-env.7465/metrics/evidence.pdf'];

async function computeDistrict() {
  const out = ok(await t.call(DL, compute, { scope: districtScope, from: FROM }));
  if (out.status !== 'done') throw new Error(out.message);
  return out;
}
const rawSnapshot = async (id: string) => (await t.db.collection('metrics_snapshots').doc(id).get()).data[0];
const snapshotCount = async () => (await t.db.collection('metrics_snapshots').count()).total;

let firstId = '';
let excludedId = '';

describe('who may compute', () => {
  it('refuses residents, committee staff and callers without a WeChat identity', async () => {
    expect(await t.call(OPENID.resident, compute, { scope: districtScope, from: FROM })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.staffA, compute, { scope: districtScope, from: FROM })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call('', compute, { scope: districtScope, from: FROM })).toMatchObject(fail('UNAUTHENTICATED'));
  });

  it('keeps a street liaison to their own street, and a district liaison to their district', async () => {
    expect(await t.call(OPENID.streetLiaison1, compute, { scope: districtScope, from: FROM })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.streetLiaison1, compute, { scope: { level: 'street', id: S2._id }, from: FROM })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.otherDistrictLiaison, compute, { scope: districtScope, from: FROM })).toMatchObject(fail('FORBIDDEN'));
    const own = ok(await t.call(OPENID.streetLiaison1, compute, { scope: { level: 'street', id: S1._id }, from: FROM }));
    expect(own).toMatchObject({ status: 'done', snapshot: { scope: { level: 'street', id: S1._id, districtId: district._id } } });
  });

  it('refuses bad input and windows that have not started', async () => {
    expect(await t.call(DL, compute, { scope: districtScope, from: '2026-13-01' })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(DL, compute, { scope: { level: 'city', id: 'x' } })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(DL, compute, { scope: districtScope, from: '2099-01-01' })).toMatchObject(fail('METRICS_WINDOW_IN_FUTURE'));
    expect(await t.call(DL, compute, { scope: { level: 'district', id: 'district-nope' }, from: FROM })).toMatchObject(fail('NOT_FOUND'));
  });

  it('answers runDistrict only to the function itself, never to a user', async () => {
    expect(await t.call(DL, runDistrict, { districtId: district._id, from: FROM })).toMatchObject(fail('FORBIDDEN'));
  });
});

describe('exclusions leave numerator and denominator', () => {
  it('counts every committee before any exclusion', async () => {
    const out = await computeDistrict();
    firstId = out.snapshot.id;
    const view = ok(await t.call(DL, getSnapshot, { id: firstId }));
    expect(view.values).toMatchObject(EXPECTED.valuesWithE);
    expect(view).toMatchObject({ counted: 4, excluded: 0, window: { from: FROM, to: TO } });
  });

  it('is entered by the district liaison with reason and who confirmed it', async () => {
    const input = { committeeId: E._id, kind: 'codeOrBoundaryError', reason: '居村代码有误，人口数据缺失', confirmedBy: '区公安分局', confirmedAt: '2026-10-05', evidence };
    expect(await t.call(OPENID.streetLiaison1, addExclusion, input)).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.staffE, addExclusion, input)).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(DL, addExclusion, { ...input, reason: ' ' })).toMatchObject(fail('INVALID_INPUT'));
    const e = ok(await t.call(DL, addExclusion, input, 'req-exclude-e-1'));
    expect(e).toMatchObject({ committeeId: E._id, kind: 'codeOrBoundaryError', confirmedBy: '区公安分局', confirmedAt: '2026-10-05', revokedAt: null });
    excludedId = e.id;
    // a retry is the same record; a second exclusion of the same committee is refused
    expect(ok(await t.call(DL, addExclusion, input, 'req-exclude-e-1')).id).toBe(e.id);
    expect(await t.call(DL, addExclusion, input, 'req-exclude-e-2')).toMatchObject(fail('METRICS_ALREADY_EXCLUDED'));
    expect(ok(await t.call(DL, listExclusions, { districtId: district._id })).items.map((x) => x.committeeId)).toEqual([E._id]);
  });
});

describe('the district on the hand-worked dataset', () => {
  let id = '';
  beforeAll(async () => {
    const out = await computeDistrict();
    expect(out.created).toBe(true);
    id = out.snapshot.id;
  });

  it('computes every value exactly as worked out by hand', async () => {
    const view = ok(await t.call(DL, getSnapshot, { id }));
    expect(view.values).toEqual(EXPECTED.values);
    expect(view).toMatchObject({ counted: 3, excluded: 1, grid: { eventClosureRate: EXPECTED.eventClosureRate } });
  });

  it('breaks the district down by street, each over its own counted committees', async () => {
    const view = ok(await t.call(DL, getSnapshot, { id }));
    expect(view.streets.map((x) => [x.name, x.counted, x.values])).toEqual([
      [
        S1.name,
        2,
        {
          initCompletionRate: { num: 1, den: 2 },
          residentInfoCompletenessRate: { num: 7, den: 8 },
          visitsPerCommittee: { num: 6, den: 2 },
          meetingsPerCommittee: { num: 3, den: 2 },
          activitiesPerCommittee: { num: 1, den: 2 },
          issuesHandledPerCommittee: { num: 3, den: 2 },
          householdCloudRate: { num: 2, den: 7 },
          interactiveUsage: 'allWithOutcome',
          opsTeamDesignated: true,
        },
      ],
      [
        S2.name,
        1,
        {
          initCompletionRate: { num: 0, den: 1 },
          residentInfoCompletenessRate: { num: 1, den: 2 },
          visitsPerCommittee: { num: 0, den: 1 },
          meetingsPerCommittee: { num: 0, den: 1 },
          activitiesPerCommittee: { num: 2, den: 1 },
          issuesHandledPerCommittee: { num: 0, den: 1 },
          householdCloudRate: { num: 1, den: 2 },
          interactiveUsage: 'twoOrMoreMissing',
          opsTeamDesignated: false,
        },
      ],
    ]);
    // 甲街道 by hand: init 50% → 0–9 band: 50/60 × 10 = 8.3 → 8; 87.5% → 15 + 7.5/10 × 5 = 18.75 → 18;
    // visits 3 → 3/5 × 2 = 1.2 → 1; meetings 1.5 → 1.5/2 × 2 = 1.5 → 1; activities 0.5 → 0.5/2 × 2 = 0.5 → 0; issues 1.5 → 1;
    // 上云 28.6% → 10; usage 4; liaisons 2: 8 + 18 + 1 + 1 + 0 + 1 + 10 + 4 + 2 = 45
    expect(view.streets[0]!.total).toBe(45);
  });

  it('scores through the rubric engine, with the rubric id and version', async () => {
    const view = ok(await t.call(DL, getSnapshot, { id }));
    expect(Object.fromEntries(view.indicators.map((i) => [i.path, i.score]))).toEqual(EXPECTED.scores);
    expect(view).toMatchObject({ total: EXPECTED.total, max: 100, rubric: { id: 'shequyun-acceptance', version: '1.0.0' }, complete: false });
  });

  it('names the committees that hold each indicator back, excluded ones never', async () => {
    const view = ok(await t.call(DL, getSnapshot, { id }));
    const names = (path: string) => view.holdingBack[path]!.map((l) => l.name);
    expect(view.holdingBack.initCompletion).toEqual([
      { committeeId: B._id, name: B.name, shortfall: 1, detail: '未完成：楼栋与网格已设置' },
      { committeeId: C._id, name: C.name, shortfall: 1, detail: '未完成：工作人员已绑定' },
    ]);
    // 10 visits a month is the top band: A 4 → 6 short, B 2 → 8, C 0 → 10
    expect(view.holdingBack.visits!.map((l) => [l.name, l.shortfall])).toEqual([
      [C.name, 10],
      [B.name, 8],
      [A.name, 6],
    ]);
    // 90%: A 4/5 needs 1 more (4.5 → 5), C 1/2 needs 1 (1.8 → 2), B 3/3 is there
    expect(names('residentInfoCompleteness').sort()).toEqual([A.name, C.name].sort());
    expect(view.holdingBack.columnUsage!.map((l) => [l.name, l.detail])).toEqual([
      [C.name, '无使用记录：党建园地、议事厅、社区公告'],
      [B.name, '无使用记录：党建园地、议事厅'],
    ]);
    expect(Object.values(view.holdingBack).flat().some((l) => l.committeeId === E._id)).toBe(false);
  });

  it('says exactly what it takes to reach the next band', async () => {
    const view = ok(await t.call(DL, getSnapshot, { id }));
    const hint = (path: string) => view.hints.find((h) => h.path === path);
    expect(hint('initCompletion')).toMatchObject({ need: 1, text: expect.stringMatching(/^还需 1 个居委完成初始化，可达到“60% ≤ 初始化完成率 < 80%（10–19分）”$/) });
    expect(hint('residentInfoCompleteness')).toMatchObject({ need: 1, text: expect.stringMatching(/^还需 1 名居民的信息完善/) });
    expect(hint('visits')).toMatchObject({ need: 9, text: expect.stringMatching(/^还需 9 次走访接待记录/) });
    expect(hint('meetings')?.need).toBe(3);
    expect(hint('activities')?.need).toBe(3);
    expect(hint('issuesHandled')?.need).toBe(3);
    expect(hint('opsTeam')).toMatchObject({ text: '还需指定：乙镇联络员' });
    // already in the top band: no hint
    expect(hint('householdRegistration')).toBeUndefined();
    expect(hint('columnUsage')).toBeUndefined();
  });

  it('returns the stored snapshot when nothing changed (same input hash)', async () => {
    const before = await snapshotCount();
    const again = await computeDistrict();
    expect(again).toMatchObject({ created: false, snapshot: { id } });
    expect(await snapshotCount()).toBe(before);
  });

  it('shows committee staff their own row only, and a street liaison nothing of the district', async () => {
    const mine = ok(await t.call(OPENID.staffA, getSnapshot, { id }));
    expect(mine).toMatchObject({ viewer: 'committee', total: null, indicators: [], hints: [], holdingBack: {}, values: {} });
    expect(mine.rows.map((r) => r.committeeId)).toEqual([A._id]);
    expect(mine.rows[0]).toMatchObject({ visits: 4, meetings: 2, activities: 1, issuesHandled: 2, completeness: { num: 4, den: 5 }, cloud: { num: 2, den: 4 } });
    expect(await t.call(OPENID.streetLiaison1, getSnapshot, { id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call(OPENID.otherDistrictLiaison, getSnapshot, { id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call(OPENID.resident, getSnapshot, { id })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.streetLiaison1, listSnapshots, { scope: districtScope })).toMatchObject(fail('FORBIDDEN'));
  });

  it('keeps a street liaison out of another street’s snapshots', async () => {
    const s2 = ok(await t.call(DL, compute, { scope: { level: 'street', id: S2._id }, from: FROM }));
    if (s2.status !== 'done') throw new Error('partial');
    expect(await t.call(OPENID.streetLiaison1, getSnapshot, { id: s2.snapshot.id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call(OPENID.streetLiaison1, listSnapshots, { scope: { level: 'street', id: S2._id } })).toMatchObject(fail('FORBIDDEN'));
    // the district liaison reads it; it counts 乙镇's committees only, E still excluded
    expect(ok(await t.call(DL, getSnapshot, { id: s2.snapshot.id }))).toMatchObject({ counted: 1, excluded: 1, values: { visitsPerCommittee: { num: 0, den: 1 }, opsTeamDesignated: false } });
  });

  it('lists a scope’s snapshots newest first (the trend)', async () => {
    const list = ok(await t.call(DL, listSnapshots, { scope: districtScope }));
    expect(list.items.map((s) => s.id)).toEqual([id, firstId]);
    expect(list.items[0]).toMatchObject({ total: EXPECTED.total, window: { from: FROM, to: TO } });
    const street = ok(await t.call(OPENID.streetLiaison1, listSnapshots, { scope: { level: 'street', id: S1._id } }));
    expect(street.items).toHaveLength(1);
  });
});

describe('snapshots are immutable', () => {
  it('a recomputation after new data writes a new snapshot and leaves the old one as it was', async () => {
    const list = ok(await t.call(DL, listSnapshots, { scope: districtScope }));
    const oldId = list.items[0]!.id;
    const before = await rawSnapshot(oldId);
    await t.db.collection('worklog_records').add(record(A, 'visit', '2026-10-25T10:00:00') as never);
    const next = await computeDistrict();
    expect(next.created).toBe(true);
    expect(next.snapshot.id).not.toBe(oldId);
    expect(next.snapshot.inputHash).not.toBe(list.items[0]!.inputHash);
    expect(ok(await t.call(DL, getSnapshot, { id: next.snapshot.id })).values.visitsPerCommittee).toEqual({ num: 7, den: 3 });
    // no action has changed the old one
    expect(await rawSnapshot(oldId)).toEqual(before);
    expect(ok(await t.call(DL, getSnapshot, { id: oldId })).values.visitsPerCommittee).toEqual({ num: 6, den: 3 });
  });
});

describe('assessor entries', () => {
  it('are refused outside the rubric, above the maximum, without evidence for judged items, or from others', async () => {
    const base = { districtId: district._id, reason: '核对材料', evidence };
    expect(await t.call(DL, assess, { ...base, path: 'nope', score: 1 })).toMatchObject(fail('METRICS_ASSESSMENT_INVALID'));
    expect(await t.call(DL, assess, { ...base, path: 'innovation', score: 11 })).toMatchObject(fail('METRICS_ASSESSMENT_INVALID'));
    expect(await t.call(DL, assess, { ...base, path: 'innovation', score: 8, evidence: [] })).toMatchObject(fail('METRICS_ASSESSMENT_INVALID'));
    expect(await t.call(DL, assess, { ...base, path: 'innovation', score: 8.5 })).toMatchObject(fail('METRICS_ASSESSMENT_INVALID'));
    expect(await t.call(OPENID.streetLiaison1, assess, { ...base, path: 'innovation', score: 8 })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(OPENID.otherDistrictLiaison, assess, { ...base, path: 'innovation', score: 8 })).toMatchObject(fail('FORBIDDEN'));
  });

  it('feed the engine: a judged score, a yes/no the assessor decides, a score inside the band; one that no longer fits is reported', async () => {
    const base = { districtId: district._id, reason: '核对材料', evidence };
    ok(await t.call(DL, assess, { ...base, path: 'innovation', score: 6 }));
    // the latest entry per indicator applies
    ok(await t.call(DL, assess, { ...base, path: 'innovation', score: 8 }));
    ok(await t.call(DL, assess, { ...base, path: 'opsRegulations', score: 3 }));
    ok(await t.call(DL, assess, { ...base, path: 'initCompletion', score: 7, reason: '余下两个居委已导入人口库' }));
    ok(await t.call(DL, assess, { ...base, path: 'visits', score: 3 }));
    const current = ok(await t.call(DL, listAssessments, { districtId: district._id })).items;
    expect(current.map((a) => [a.path, a.score]).sort()).toEqual([
      ['initCompletion', 7],
      ['innovation', 8],
      ['opsRegulations', 3],
      ['visits', 3],
    ]);
    const out = await computeDistrict();
    const view = ok(await t.call(DL, getSnapshot, { id: out.snapshot.id }));
    const score = (p: string) => view.indicators.find((i) => i.path === p)!;
    expect(score('innovation')).toMatchObject({ score: 8, assessed: { score: 8, evidence } });
    expect(score('opsRegulations').score).toBe(3);
    expect(score('initCompletion')).toMatchObject({ score: 7, proposed: 5 });
    expect(score('visits').score).toBe(0);
    expect(view.ignoredAssessments).toEqual([expect.objectContaining({ path: 'visits', why: expect.stringContaining('0–1') })]);
    // 37 with the extra visit (still 0 points), −5 + 7 for initialisation, +8, +3
    expect(view.total).toBe(EXPECTED.total + 2 + 8 + 3);
  });
});

describe('withdrawing an exclusion', () => {
  it('counts the committee again in the next snapshot and keeps the record', async () => {
    expect(await t.call(OPENID.otherDistrictLiaison, revokeExclusion, { id: excludedId })).toMatchObject(fail('FORBIDDEN'));
    const r = ok(await t.call(DL, revokeExclusion, { id: excludedId }));
    expect(r.revokedAt).not.toBeNull();
    expect(ok(await t.call(DL, listExclusions, { districtId: district._id })).items).toEqual([]);
    expect(ok(await t.call(DL, listExclusions, { districtId: district._id, includeRevoked: true })).items).toHaveLength(1);
    const out = await computeDistrict();
    const view = ok(await t.call(DL, getSnapshot, { id: out.snapshot.id }));
    expect(view).toMatchObject({ counted: 4, excluded: 0 });
    expect(view.values.initCompletionRate).toEqual({ num: 2, den: 4 });
  });

  it('is not visible to another district', async () => {
    expect(await t.call(OPENID.otherDistrictLiaison, listExclusions, { districtId: district._id })).toMatchObject(fail('FORBIDDEN'));
    expect(ok(await t.call(OPENID.otherDistrictLiaison, listSnapshots, { scope: { level: 'district', id: otherDistrict._id } })).items).toEqual([]);
  });
});
