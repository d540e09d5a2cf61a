/** Per-unit caps and floors, tiered deductions, bonus and penalty scopes, instances, reset. */
import { item, miniRubric, score } from './helpers';

describe('grid governance (seed 001)', () => {
  const ID = 'grid-governance';

  test('proportional: max × rate, rounded down to 0.01', () => {
    expect(item(score(ID, { terminalLoginRate: { num: 2, den: 3 } }), 'terminalLogin').score).toBe(4);
    expect(item(score(ID, { patrolVisitRate: { num: 873, den: 1000 } }), 'patrolVisit').score).toBe(5.23);
    expect(item(score(ID, { awarenessRate: { num: 1, den: 1 } }), 'awareness').score).toBe(15);
  });

  test('per unit with a floor: 每1个扣0.1分 stops at 0', () => {
    expect(item(score(ID, { falseDataCount: 3 }), 'falseData').score).toBe(1.7);
    expect(item(score(ID, { falseDataCount: 20 }), 'falseData').score).toBe(0);
    expect(item(score(ID, { falseDataCount: 25 }), 'falseData').score).toBe(0);
    expect(item(score(ID, { gridsBelowCollectionQuota: 0 }), 'dataCollection').score).toBe(3);
  });

  test.each([
    [{ num: 95, den: 100 }, 2],
    [{ num: 9, den: 10 }, 2],
    [{ num: 899, den: 1000 }, 1.5],
    [{ num: 8, den: 10 }, 1.5],
    [{ num: 799, den: 1000 }, 1],
    [{ num: 7, den: 10 }, 1],
    [{ num: 699, den: 1000 }, 0.5],
    [{ num: 6, den: 10 }, 0.5],
    [{ num: 599, den: 1000 }, 0],
  ])('tiered deduction 数据缺项 at %o → %s', (rate, expected) => {
    expect(item(score(ID, { coreDataCompletenessRate: rate }), 'dataGaps').score).toBe(expected);
  });

  test('数据关联: three tiered sub-items of 2 each', () => {
    const r = score(ID, { idMatchRate: { percent: 89.9 }, gridDataMatchRate: { percent: 85 }, taskNumberLinkRate: { percent: 60 } });
    expect(item(r, 'dataLinkage.idMatch').score).toBe(0);
    expect(item(r, 'dataLinkage.gridMatch').score).toBe(1);
    expect(item(r, 'dataLinkage.taskLink').score).toBe(1);
    expect(item(r, 'dataLinkage').score).toBe(2);
  });

  test('penalties are capped per item (累计扣分不超过) and reduce the total', () => {
    const r = score(ID, { keyPersonsOutOfControl: 3, majorCriminalCases: 2, especiallyMajorCriminalCases: 2, massIncidentsOver500: 1, massIncidentsMajorImpact: 1 });
    expect(item(r, 'keyPersons').score).toBe(-1.5);
    expect(item(r, 'violentCrime').score).toBe(-6);
    expect(item(r, 'massIncidents').score).toBe(-5);
    expect(r.totals.penalty).toBe(-12.5);
    expect(r.totals.total).toBe(r.totals.main - 12.5);
    expect(item(score(ID, { keyPersonsOutOfControl: 11 }), 'keyPersons').score).toBe(-5);
  });

  test('bonuses count outside the 100 and are not capped', () => {
    const r = score(ID, { fieldMeetingsProvince: 1, experienceAdoptedJingjiang: 2, newsAdoptedTaizhou: 3, newsAdoptedJingjiang: 4 });
    expect(item(r, 'innovationRecognition').score).toBe(9);
    expect(item(r, 'newsAdopted').score).toBe(13);
    expect(r.totals).toMatchObject({ bonus: 22, main: 0, total: 22 });
  });

  test('a perfect street scores 100 before bonuses and penalties', () => {
    const full = { num: 1, den: 1 };
    const yes = true;
    const r = score(
      ID,
      {
        partyBuildingCoverageRate: full, terminalLoginRate: full, personHouseLinkRate: full, patrolVisitRate: full, eventClosureRate: full,
        falseDataCount: 0, coreDataCompletenessRate: full, idMatchRate: full, gridDataMatchRate: full, taskNumberLinkRate: full,
        linkageFeedbackRate: full, gridsBelowCollectionQuota: 0, publicNoticeMechanism: yes, weeklyMeetingMechanism: yes,
        patrolMechanism: yes, reportingMechanism: yes, consultationMechanism: yes, awarenessRate: full, satisfactionRate: full,
      },
      { venue: { score: 3, reason: '规范', evidence: ['照片'] }, staffing: { score: 3, reason: '齐全', evidence: ['名单'] }, safetyReporting: { score: 8, reason: '检查打分', evidence: ['公示'] } },
    );
    expect(r.totals.main).toBe(100);
    expect(r.levels.find((l) => l.id === 'baseData')).toMatchObject({ score: 46, max: 46 });
  });
});

describe('百事汇 points card (seed 004)', () => {
  const ID = 'baishihui-points-card';

  test.each([
    [30, 10],
    [29, 9.5],
    [31, 10.3],
    [40, 13],
    [20, 5],
    [10, 0],
    [0, 0],
  ])('社区走访 %s households → %s', (households, expected) => {
    expect(item(score(ID, { householdsVisited: households }), 'communityVisits').score).toBe(expected);
  });

  test('basic items count per instance at the card rates', () => {
    const r = score(ID, { firstContactReceptions: 7, onlineRepliesSatisfied: 3, staggeredShiftsAttended: 4, specialActionDays: 2, volunteerServiceDays: 1 });
    expect(item(r, 'firstContact').score).toBe(1.4);
    expect(item(r, 'onlineFeedback').score).toBe(1.5);
    expect(item(r, 'staggeredDuty').score).toBe(2);
    expect(item(r, 'specialActions').score).toBe(1);
    expect(item(r, 'volunteering').score).toBe(0.5);
  });

  test('awards, ratings and competitions', () => {
    const r = score(ID, { personalAwardsDistrict: 1, collectiveAwardsCity: 1, publicityAdopted: true, committeeExcellentRatings: 2, trainingsAttended: 3, competitionsEntered: 2, competitionSecondPrizes: 1 });
    expect(item(r, 'awards').score).toBe(7);
    expect(item(r, 'atmosphere').score).toBe(1);
    expect(item(r, 'inspections').score).toBe(2);
    expect(item(r, 'training').score).toBe(1.5);
    expect(item(r, 'skills').score).toBe(4);
  });

  test('complaints are judged per instance within −5 to −3, each with a reason', () => {
    const r = score(ID, { householdsVisited: 30, residentComplaints: [{ points: -3, reason: '态度生硬' }, { points: -4.5, reason: '业务不熟致往返' }], disputeEscalations: [] });
    expect(item(r, 'complaints').score).toBe(-7.5);
    expect(r.totals).toMatchObject({ main: 10, penalty: -7.5, total: 2.5 });
    expect(() => score(ID, { residentComplaints: [{ points: -6, reason: 'x' }] })).toThrow(/-5 至 -3/);
    expect(() => score(ID, { residentComplaints: [{ points: -3 }] })).toThrow(/事由/);
  });

  test('安全守纪 zeroes the month but keeps every item visible', () => {
    const values = { householdsVisited: 35, firstContactReceptions: 10 };
    const before = score(ID, { ...values, safetyOrDisciplineBreach: false });
    const after = score(ID, { ...values, safetyOrDisciplineBreach: true });
    expect(before.totals).toMatchObject({ total: 13.5, reset: false });
    expect(after.totals).toMatchObject({ main: 13.5, total: 0, reset: true });
    expect(item(after, 'communityVisits').score).toBe(11.5);
  });
});

describe('rule mechanics on small rubrics', () => {
  const count = { n: { label: '次数', type: 'count', source: 'records', description: 'd' } };

  test('per-unit caps per unit and per item', () => {
    const r = miniRubric(
      { rule: { kind: 'perUnit', base: 0, max: 3, units: [{ id: 'a', label: 'a', input: 'n', points: 0.5, max: 2 }, { id: 'b', label: 'b', input: 'm', points: 1 }] } },
      { ...count, m: { label: '另一次数', type: 'count', source: 'records', description: 'd' } },
    );
    expect(score(r, { n: 10, m: 0 }).indicators[0]!.score).toBe(2);
    expect(score(r, { n: 10, m: 5 }).indicators[0]!.score).toBe(3);
  });

  test('per-unit units of several instances count complete units only unless prorated', () => {
    const floor = miniRubric({ rule: { kind: 'perUnit', base: 2, min: 0, units: [{ id: 'a', label: 'a', input: 'n', shortfallFrom: 4230, per: 500, points: -0.5 }] } }, count);
    expect(score(floor, { n: 3731 }).indicators[0]!.score).toBe(2);
    expect(score(floor, { n: 3730 }).indicators[0]!.score).toBe(1.5);
    const exact = miniRubric({ rule: { kind: 'perUnit', base: 2, min: 0, units: [{ id: 'a', label: 'a', input: 'n', shortfallFrom: 10, per: 4, points: -1, rounding: 'exact' }] } }, count);
    expect(score(exact, { n: 8 }).indicators[0]!.score).toBe(1.5);
  });

  test('a score step rounds down prorated results', () => {
    const r = miniRubric({ max: 6, rule: { kind: 'proportional', input: 'r' } }, { r: { label: '比率', type: 'rate', source: 'platform', description: 'd', max: 100 } }, { step: 1 });
    expect(score(r, { r: { num: 99, den: 100 } }).indicators[0]!.score).toBe(5);
  });

  test('a main indicator never leaves [0, max]', () => {
    const r = miniRubric({ max: 2, rule: { kind: 'sum', parts: [{ id: 'a', label: 'a', rule: { kind: 'perUnit', units: [{ id: 'a', label: 'a', input: 'n', points: -1 }] } }] } }, count);
    expect(score(r, { n: 5 }).indicators[0]!.score).toBe(0);
  });

  test('an assessment for an unknown indicator is refused', () => {
    const r = miniRubric({ max: 2, rule: { kind: 'manual' } }, {});
    expect(() => score(r, {}, { y: { score: 1, reason: 'x', evidence: ['e'] } })).toThrow(/不存在/);
  });

  test('scoring is deterministic', () => {
    const values = { householdsVisited: 33, residentComplaints: [{ points: -3, reason: 'r' }] };
    expect(JSON.stringify(score('baishihui-points-card', values))).toBe(JSON.stringify(score('baishihui-points-card', values)));
  });
});
