/**
 * Seed 000, every band edge of every indicator: exactly at, just below and just above each
 * threshold, and the proposed score inside each 评分区间 (the band split evenly among its scores).
 */
import { item, score } from './helpers';

const ID = 'shequyun-acceptance';
const rate = (num: number, den = 1000) => ({ num, den });
const per = (num: number, den = 10) => ({ num, den });
const one = (indicator: string, key: string, value: unknown) => item(score(ID, { [key]: value }), indicator);

type Case = [string, unknown, number, number]; // label, input, proposed score, band index

const TABLE: Record<string, { key: string; cases: Case[] }> = {
  initCompletion: {
    key: 'initCompletionRate',
    cases: [
      ['100% exactly', rate(1000), 30, 0],
      ['just below 100%', rate(999), 29, 1],
      ['90%: middle of 20–29', rate(900), 25, 1],
      ['just above 80%', rate(801), 20, 1],
      ['80% exactly', rate(800), 20, 1],
      ['just below 80%', rate(799), 19, 2],
      ['70%: middle of 10–19', rate(700), 15, 2],
      ['just above 60%', rate(601), 10, 2],
      ['60% exactly', rate(600), 10, 2],
      ['just below 60%', rate(599), 9, 3],
      ['30%: middle of 0–9', rate(300), 5, 3],
      ['0%', rate(0), 0, 3],
    ],
  },
  residentInfoCompleteness: {
    key: 'residentInfoCompletenessRate',
    cases: [
      ['100%', rate(1000), 20, 0],
      ['just above 90%', rate(901), 20, 0],
      ['90% exactly (9 of 10)', { num: 9, den: 10 }, 20, 0],
      ['just below 90%', rate(899), 19, 1],
      ['85%', rate(850), 17, 1],
      ['80% exactly', rate(800), 15, 1],
      ['just below 80%', rate(799), 14, 2],
      ['75%', rate(750), 12, 2],
      ['70% exactly', rate(700), 10, 2],
      ['just below 70%', rate(699), 9, 3],
      ['65%', rate(650), 7, 3],
      ['60% exactly', rate(600), 5, 3],
      ['just below 60%', rate(599), 4, 4],
      ['30%', rate(300), 2, 4],
      ['0%', rate(0), 0, 4],
    ],
  },
  visits: {
    key: 'visitsPerCommittee',
    cases: [
      ['just above 10', per(101), 4, 0],
      ['10 exactly', per(100), 4, 0],
      ['just below 10', per(99), 3, 1],
      ['7.5: upper half of 2–3', per(75), 3, 1],
      ['7.4: lower half of 2–3', per(74), 2, 1],
      ['just above 5', per(51), 2, 1],
      ['5 exactly', per(50), 2, 1],
      ['just below 5', per(49), 1, 2],
      ['2.5', per(25), 1, 2],
      ['2.4', per(24), 0, 2],
      ['none', per(0), 0, 2],
    ],
  },
  meetings: {
    key: 'meetingsPerCommittee',
    cases: [
      ['just above 5', per(51), 4, 0],
      ['5 exactly', per(50), 4, 0],
      ['just below 5', per(49), 3, 1],
      ['3.5', per(35), 3, 1],
      ['3.4', per(34), 2, 1],
      ['just above 2', per(21), 2, 1],
      ['2 exactly', per(20), 2, 1],
      ['just below 2', per(19), 1, 2],
      ['1', per(10), 1, 2],
      ['0.9', per(9), 0, 2],
    ],
  },
  activities: {
    key: 'activitiesPerCommittee',
    cases: [
      ['far above (saturated)', per(200), 4, 0],
      ['4: where the open band saturates', per(40), 4, 0],
      ['3.5', per(35), 4, 0],
      ['3', per(30), 3, 0],
      ['2.5', per(25), 2, 0],
      ['just above 2', per(21), 2, 0],
      ['2 exactly', per(20), 2, 0],
      ['just below 2', per(19), 1, 1],
      ['0.9', per(9), 0, 1],
      ['none', 0, 0, 1],
    ],
  },
  issuesHandled: {
    key: 'issuesHandledPerCommittee',
    cases: [
      ['4', per(40), 4, 0],
      ['3', per(30), 3, 0],
      ['2 exactly', per(20), 2, 0],
      ['just above 2', per(21), 2, 0],
      ['just below 2', per(19), 1, 1],
      ['1', per(10), 1, 1],
      ['0.5', 0.5, 0, 1],
    ],
  },
  householdRegistration: {
    key: 'householdCloudRate',
    cases: [
      ['100%', rate(1000), 10, 0],
      ['10%: where the open band saturates', rate(100), 10, 0],
      ['8.4%', rate(84), 10, 0],
      ['8.3%', rate(83), 9, 0],
      ['6.7%', rate(67), 9, 0],
      ['6.6%', rate(66), 8, 0],
      ['just above 5%', rate(51), 8, 0],
      ['5% exactly (1 of 20)', { num: 1, den: 20 }, 8, 0],
      ['just below 5%', rate(49), 7, 1],
      ['2.5%', rate(25), 5, 1],
      ['just above 1%', rate(11), 4, 1],
      ['1% exactly', rate(10), 4, 1],
      ['just below 1%', rate(9), 3, 2],
      ['0.5%', rate(5), 2, 2],
      ['0%', rate(0), 0, 2],
    ],
  },
};

describe('seed 000 acceptance bands', () => {
  for (const [indicator, { key, cases }] of Object.entries(TABLE)) {
    test.each(cases)(`${indicator}: %s`, (_label, value, expected, band) => {
      const r = one(indicator, key, value);
      expect(r.proposed).toBe(expected);
      expect(r.score).toBe(expected);
      expect(r.band?.index).toBe(band);
    });
  }

  test('a rate given as counts is compared exactly at every threshold, whatever the denominator', () => {
    for (let den = 1; den <= 300; den++) {
      for (const [pct, lowest] of [[90, 20], [80, 15], [70, 10], [60, 5]] as const) {
        if ((pct * den) % 100 !== 0) continue;
        expect(one('residentInfoCompleteness', 'residentInfoCompletenessRate', { num: (pct * den) / 100, den }).proposed).toBe(lowest);
      }
    }
  });

  test('a percentage written as a decimal is exact too', () => {
    expect(one('residentInfoCompleteness', 'residentInfoCompletenessRate', { percent: 90 }).proposed).toBe(20);
    expect(one('residentInfoCompleteness', 'residentInfoCompletenessRate', { percent: '89.99' }).proposed).toBe(19);
  });

  test.each([
    ['allWithOutcome', 4, 'scored'],
    ['allUsed', 3, 'scored'],
    ['oneMissing', 2, 'scored'],
    ['twoOrMoreMissing', 0, 'pending'],
  ])('使用情况 %s → %s', (option, expected, status) => {
    const r = one('columnUsage', 'interactiveUsage', option);
    expect(r.score).toBe(expected);
    expect(r.status).toBe(status);
  });

  test('两个以上栏目无记录: the assessor picks 0 or 1', () => {
    const r = item(score(ID, { interactiveUsage: 'twoOrMoreMissing' }, { columnUsage: { score: 1, reason: '公告有少量查阅' } }), 'columnUsage');
    expect([r.proposed, r.score, r.status]).toEqual([0, 1, 'scored']);
    expect(() => score(ID, { interactiveUsage: 'twoOrMoreMissing' }, { columnUsage: { score: 2, reason: 'x' } })).toThrow(/0–1/);
  });

  test.each([
    ['opsTeam', 'opsTeamDesignated', true, 2],
    ['opsTeam', 'opsTeamDesignated', false, 0],
    ['opsRegulations', 'opsRegulationsEstablished', true, 3],
    ['opsRegulations', 'opsRegulationsEstablished', false, 0],
  ])('%s with %s = %s → %s', (indicator, key, value, expected) => {
    expect(one(indicator, key, value).score).toBe(expected);
  });

  describe('assessor scores inside a band', () => {
    const values = { initCompletionRate: rate(900) };

    test('another score in the same band is kept with the proposal and the reason', () => {
      const r = item(score(ID, values, { initCompletion: { score: 28, reason: '剩余居委已完成导入，待绑定', evidence: ['验收记录 3 页'] } }), 'initCompletion');
      expect(r.proposed).toBe(25);
      expect(r.score).toBe(28);
      expect(r.assessed).toMatchObject({ score: 28, reason: '剩余居委已完成导入，待绑定' });
      expect(r.adjustable).toEqual([20, 29]);
    });

    test.each([19, 30])('%s lies outside the band 20–29 and is refused', (s) => {
      expect(() => score(ID, values, { initCompletion: { score: s, reason: '不同意' } })).toThrow(/20–29/);
    });

    test('a fixed band cannot be adjusted', () => {
      expect(() => score(ID, { initCompletionRate: rate(1000) }, { initCompletion: { score: 29, reason: 'x' } })).toThrow(/不能人工调整/);
    });

    test('a reason is required', () => {
      expect(() => score(ID, values, { initCompletion: { score: 26, reason: ' ' } })).toThrow();
    });
  });

  describe('judged items', () => {
    test('stay pending and count 0 until assessed', () => {
      const r = score(ID, {});
      expect(item(r, 'innovation')).toMatchObject({ status: 'pending', score: 0, proposed: null, adjustable: [0, 10] });
      expect(r.pending).toEqual(expect.arrayContaining(['implementation', 'innovation']));
      expect(r.complete).toBe(false);
    });

    test('need evidence', () => {
      expect(() => score(ID, {}, { innovation: { score: 8, reason: '试点推进快' } })).toThrow(/证据/);
      expect(item(score(ID, {}, { innovation: { score: 8, reason: '试点推进快', evidence: ['试点总结.pdf'] } }), 'innovation').score).toBe(8);
    });

    test('cannot exceed the maximum', () => {
      expect(() => score(ID, {}, { implementation: { score: 6, reason: 'x', evidence: ['e'] } })).toThrow(/0–5/);
    });
  });

  test('a full district adds up per level and overall', () => {
    const r = score(
      ID,
      {
        initCompletionRate: rate(1000),
        residentInfoCompletenessRate: rate(950),
        visitsPerCommittee: per(120),
        meetingsPerCommittee: per(60),
        activitiesPerCommittee: per(40),
        issuesHandledPerCommittee: per(40),
        householdCloudRate: rate(120),
        interactiveUsage: 'allWithOutcome',
        opsTeamDesignated: true,
        opsRegulationsEstablished: true,
      },
      { implementation: { score: 5, reason: '要求传达到位', evidence: ['文件'] }, innovation: { score: 10, reason: '试点', evidence: ['总结'] } },
    );
    expect(r.totals).toMatchObject({ main: 100, total: 100, max: 100 });
    expect(r.complete).toBe(true);
    expect(r.levels.find((l) => l.id === 'governancePlatform')).toMatchObject({ score: 66, max: 66 });
    expect(r.levels.find((l) => l.id === 'residentPlatform')).toMatchObject({ score: 14, max: 14 });
  });

  test('missing platform inputs are listed, not guessed', () => {
    const r = score(ID, { initCompletionRate: rate(1000) });
    expect(item(r, 'visits')).toMatchObject({ status: 'missing', score: 0, missing: ['visitsPerCommittee'] });
    expect(r.missing).toContain('householdCloudRate');
  });

  test('bad inputs are refused with the key named', () => {
    expect(() => score(ID, { initCompletionRate: { num: 11, den: 10 } })).toThrow(/initCompletionRate.*不能大于 100/);
    expect(() => score(ID, { initCompletionRate: 0.9 })).toThrow(/initCompletionRate/);
    expect(() => score(ID, { initCompletionRatio: rate(1) })).toThrow(/initCompletionRatio/);
    expect(() => score(ID, { interactiveUsage: 'some' })).toThrow(/interactiveUsage/);
  });
});
