/**
 * The 百事汇 card (seed 004 附件三) worked by hand: every expected number is derived in a comment
 * from the 计分标准 text, then checked against the rubric engine's result.
 */
import type { EntryPayload, RecordCounts } from '../../../shared/domain/points';
import { satisfiedAnswersByStaff } from '../../../shared/inbox/satisfied';
import { cardItems, scoreCard } from '../../../shared/points/card';
import { cardValuesFrom, emptyCounts, type DecisionRef } from '../../../shared/points/values';

const MONTH = '2026-10';
const counts = (c: Partial<RecordCounts>): RecordCounts => ({ ...emptyCounts(), ...c });
const score = (c: Partial<RecordCounts>, entries: EntryPayload[] = [], decisions = new Map<string, DecisionRef>()) => {
  const result = scoreCard(cardValuesFrom(counts(c), entries, decisions), MONTH);
  const item = (id: string) => cardItems(result).find((i) => i.id === id)!.score;
  return { result, item, total: result.totals.total };
};

describe('basic items (基础分)', () => {
  it('12 receptions, 7 satisfied of 9 answers, 27 households, 4 shifts, 2 days of 专项行动 → 17.4', () => {
    // 线上反馈 counts satisfied complete answers only: 9 answered, 7 rated satisfied, 2 not
    const at = new Date('2026-10-15T02:00:00Z');
    const answers = [...Array(9).keys()].map((i) => ({ answeredBy: 'staff-a', rating: { satisfied: i < 7, at } }));
    const satisfied = satisfiedAnswersByStaff(answers, MONTH).get('staff-a')!;
    expect(satisfied).toBe(7);
    const days: EntryPayload[] = [
      { kind: 'specialAction', date: '2026-10-08', title: '迎检环境整治' },
      { kind: 'specialAction', date: '2026-10-09', title: '迎检环境整治' },
    ];
    const card = score({ receptionsConfirmed: 12, satisfiedAnswers: satisfied, householdsVisited: 27, shiftsAttended: 4 }, days);
    expect(card.item('firstContact')).toBe(2.4); // 12 × 0.2
    expect(card.item('onlineFeedback')).toBe(3.5); // 7 × 0.5
    expect(card.item('communityVisits')).toBe(8.5); // 10 − (30 − 27) × 0.5
    expect(card.item('staggeredDuty')).toBe(2); // 4 × 0.5
    expect(card.item('specialActions')).toBe(1); // 2 days × 0.5
    expect(card.item('volunteering')).toBe(0);
    expect(card.total).toBe(17.4); // 2.4 + 3.5 + 8.5 + 2 + 1
  });

  it.each([
    [30, 10], // the task exactly: 10
    [29, 9.5], // one short: 10 − 0.5
    [31, 10.3], // one over: 10 + 0.3
    [40, 13], // ten over: 10 + 10 × 0.3
    [11, 0.5], // 19 short: 10 − 9.5
    [10, 0], // 20 short: 10 − 10
    [0, 0], // 30 short would be −5; the rubric floors 社区走访 at 0 (only 投诉扣分 may be negative)
  ])('社区走访 with %i households scores %d', (households, expected) => {
    expect(score({ householdsVisited: households }).item('communityVisits')).toBe(expected);
  });

  it('counts a day once however many entries it has (每参与1天)', () => {
    const e: EntryPayload[] = [
      { kind: 'volunteer', date: '2026-10-03', title: '敬老院' },
      { kind: 'volunteer', date: '2026-10-03', title: '社区义诊' },
      { kind: 'volunteer', date: '2026-10-04', title: '敬老院' },
    ];
    expect(score({}, e).item('volunteering')).toBe(1); // 2 distinct days × 0.5
  });
});

describe('entered items (绩效分, 能力加分)', () => {
  it('scores awards, publicity, inspections, training and competitions as 附件三 lists them', () => {
    const e: EntryPayload[] = [
      { kind: 'award', level: 'district', holder: 'personal', title: '区优秀社工' }, // 4
      { kind: 'award', level: 'street', holder: 'collective', title: '街道文明居委' }, // 1
      { kind: 'publicity', level: 'street', title: '稿件一' }, // 1 …
      { kind: 'publicity', level: 'district', title: '稿件二' }, // … once a month, not per article (rubric reading)
      { kind: 'inspection', holder: 'personal', title: '街道测评优秀' }, // 3
      { kind: 'inspection', holder: 'committee', title: '居委测评优秀' }, // 1
      { kind: 'training', level: 'district', date: '2026-10-10', title: '民政条线培训' }, // 0.5
      { kind: 'training', level: 'street', date: '2026-10-20', title: '岗位培训' }, // 0.5
      { kind: 'competition', title: '百事汇大擂台', prize: 'second' }, // 1 + 2
      { kind: 'competition', title: '百事汇线上考场', prize: 'none' }, // 1
    ];
    const card = score({}, e);
    expect(card.item('awards')).toBe(5); // 4 + 1
    expect(card.item('atmosphere')).toBe(1);
    expect(card.item('inspections')).toBe(4); // 3 + 1
    expect(card.item('training')).toBe(1); // 2 × 0.5
    expect(card.item('skills')).toBe(4); // (1 + 2) + 1
    expect(card.total).toBe(15); // 5 + 1 + 4 + 1 + 4
  });
});

describe('deductions (投诉扣分) and the 安全守纪 reset', () => {
  const decisions = new Map<string, DecisionRef>([['d1', { _id: 'd1', date: '2026-10-30', meeting: '10月班子会议' }]]);

  it('subtracts each deduction the committee decided, naming the meeting', () => {
    const e: EntryPayload[] = [
      { kind: 'complaint', points: -4, decisionId: 'd1', reason: '接待态度生硬' },
      { kind: 'dispute', points: -6, decisionId: 'd1', reason: '漏水纠纷未及时调处' },
    ];
    const card = score({ householdsVisited: 30, receptionsConfirmed: 5 }, e, decisions);
    expect(card.item('complaints')).toBe(-4);
    expect(card.item('disputes')).toBe(-6);
    expect(card.result.totals.penalty).toBe(-10);
    expect(card.total).toBe(1); // 10 (visits) + 5 × 0.2 − 4 − 6
    expect(card.result.indicators.find((i) => i.path === 'complaints')!.notes[0]).toContain('10月班子会议');
  });

  it('zeroes the month on a 安全守纪 breach, whatever else was earned', () => {
    const card = score({ householdsVisited: 35, receptionsConfirmed: 20 }, [{ kind: 'safetyBreach', decisionId: 'd1', reason: '值班期间擅离岗位' }], decisions);
    expect(card.result.totals.main).toBe(15.5); // 10 + 5 × 0.3 + 20 × 0.2
    expect(card.result.totals.reset).toBe(true);
    expect(card.total).toBe(0);
  });

  it('refuses a deduction that cites no known decision', () => {
    expect(() => cardValuesFrom(emptyCounts(), [{ kind: 'complaint', points: -3, decisionId: 'nope', reason: 'x' }], new Map())).toThrow(/unknown decision/);
  });
});
