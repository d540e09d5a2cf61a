/** "What it takes to reach the next band": exact counts from the band edges (seed 000 rubric). */
import { holdingBack, nextBandHints, unitsToReach } from '../../../shared/metrics/hints';
import { committeeRow } from '../../../shared/metrics/indicators';
import { getRubric } from '../../../shared/rubric/registry';
import type { Rubric } from '../../../shared/rubric/schema';
import { facts } from './facts';

const rubric = getRubric('shequyun-acceptance');
const hint = (values: object, path: string) => nextBandHints(rubric, values, [], [], 1).find((h) => h.path === path);

describe('next band for 初始化完成率', () => {
  it('117 of 120 needs the last 3 for 100% (the = 100% band)', () => {
    expect(hint({ initCompletionRate: { num: 117, den: 120 } }, 'initCompletion')).toMatchObject({ need: 3, text: '还需 3 个居委完成初始化，可达到“初始化完成率 = 100%（30分）”' });
  });
  it('70 of 120 (58.3%) needs 2 for 60% (72 of 120)', () => {
    expect(hint({ initCompletionRate: { num: 70, den: 120 } }, 'initCompletion')).toMatchObject({ need: 2, toBand: { index: 2 } });
  });
  it('exactly 60% is already in the 60% band: the next is 80%, 96 of 120', () => {
    expect(hint({ initCompletionRate: { num: 72, den: 120 } }, 'initCompletion')?.need).toBe(24);
  });
  it('at 100% there is no next band', () => {
    expect(hint({ initCompletionRate: { num: 120, den: 120 } }, 'initCompletion')).toBeUndefined();
  });
});

describe('next band for rates and per-committee averages', () => {
  it('rounds a fractional target up: 8 of 11 (72.7%) needs 9 of 11 for 80% (8.8 → 9)', () => {
    expect(hint({ residentInfoCompletenessRate: { num: 8, den: 11 } }, 'residentInfoCompleteness')).toMatchObject({ need: 1, text: expect.stringMatching(/^还需 1 名居民的信息完善，可达到“80% ≤ 居民信息完善率 < 90%（15–19分）”$/) });
  });
  it('counts district-wide records: 49 visits for 10 committees needs 1 more for 5 per committee', () => {
    expect(hint({ visitsPerCommittee: { num: 49, den: 10 } }, 'visits')).toMatchObject({ need: 1, text: expect.stringMatching(/^还需 1 次走访接待记录/) });
    expect(hint({ visitsPerCommittee: { num: 50, den: 10 } }, 'visits')?.need).toBe(50);
  });
  it('上云率: 0 of 1000 households needs 10 for 1%', () => {
    expect(hint({ householdCloudRate: { num: 0, den: 1000 } }, 'householdRegistration')).toMatchObject({ need: 10, text: expect.stringMatching(/^还需 10 户家庭上云/) });
  });
  it('a strict lower edge (> 2) needs the next unit above it', () => {
    const r = { inputs: { x: { type: 'number' } } } as unknown as Rubric;
    expect(unitsToReach(r, 'x', { num: 4, den: 2 }, { gt: 2, score: 1 })).toBe(1);
    expect(unitsToReach(r, 'x', { num: 4, den: 2 }, { gte: 2, score: 1 })).toBe(0);
  });
});

describe('column usage and liaisons', () => {
  it('names what is missing for the top option', () => {
    const rows = [committeeRow(facts({ partyUse: 0, outcomes: 0, noticeInteractions: 0 }), null)];
    const h = nextBandHints(rubric, { interactiveUsage: 'oneMissing' }, rows, [], 1).find((x) => x.path === 'columnUsage');
    expect(h).toMatchObject({ need: 3, text: '还需：党建园地有使用记录；议事厅有成果；社区公告有查阅或留言' });
  });
  it('names the district and streets without a liaison', () => {
    const h = nextBandHints(rubric, { opsTeamDesignated: false }, [], [{ id: 's1', name: '甲街道', liaisons: 1 }, { id: 's2', name: '乙镇', liaisons: 0 }], 0).find((x) => x.path === 'opsTeam');
    expect(h?.text).toBe('还需指定：区联络员、乙镇联络员');
  });
});

describe('committees holding an indicator back', () => {
  it('measures each committee against the top band and skips excluded ones', () => {
    const rows = [
      committeeRow(facts({ committeeId: 'a', name: '甲', visits: 7, receptionsConfirmed: 1, personsComplete: 17 }), null),
      committeeRow(facts({ committeeId: 'b', name: '乙', visits: 12, persons: 0, personsComplete: 0 }), null),
      committeeRow(facts({ committeeId: 'x', name: '丙', visits: 0 }), { id: 'e', committeeId: 'x', kind: 'otherSpecial', reason: '空壳村', confirmedBy: '市级验收工作小组', confirmedAt: '2026-10-01' }),
    ];
    const back = holdingBack(rubric, rows);
    // 甲 has 7 + 1 = 8 visits: 2 short of 10; 丙 is excluded
    expect(back.visits).toEqual([{ committeeId: 'a', name: '甲', shortfall: 2, detail: '还需 2 次走访接待记录' }]);
    // 17 of 20 is 85%: 18 is 90%; 乙 has no persons at all
    expect(back.residentInfoCompleteness).toEqual([
      { committeeId: 'a', name: '甲', shortfall: 1, detail: '还需 1 名居民的信息完善' },
      { committeeId: 'b', name: '乙', shortfall: 0, detail: '暂无数据' },
    ]);
    expect(back.initCompletion).toEqual([]);
  });
});
