/** Corrections of a signed card start from its values and list every change (shared/points/correction.ts). */
import { CORRECTABLE_COUNTS } from '../../../shared/contracts/points-fields';
import { scoreCard } from '../../../shared/points/card';
import { applyCorrection } from '../../../shared/points/correction';
import { entryOutsideMonth, needsEvidence } from '../../../shared/points/entries';
import { cardValuesFrom, emptyCounts } from '../../../shared/points/values';
import { POINTS_CARD_INPUT_KEYS } from '../../../shared/rubric/keys';

const decisions = new Map([['d9', { _id: 'd9', date: '2026-11-05', meeting: '11月班子会议' }]]);
const signed = cardValuesFrom({ ...emptyCounts(), receptionsConfirmed: 12, householdsVisited: 27 }, [], new Map());

describe('applyCorrection', () => {
  it('replaces counts, adds a decided deduction, and never touches the original values', () => {
    const { values, changes } = applyCorrection(signed, { counts: { householdsVisited: 30, firstContactReceptions: 12 }, complaints: [{ points: -3, reason: '投诉属实', decisionId: 'd9' }], disputes: [] }, decisions);
    expect(changes.map((c) => [c.key, c.before])).toEqual([
      ['householdsVisited', 27],
      ['residentComplaints', []],
    ]); // receptions unchanged at 12: not a change
    expect(signed.householdsVisited).toBe(27);
    expect(signed.residentComplaints).toEqual([]);
    // 12 × 0.2 + 10 − 3 = 9.4
    expect(scoreCard(values, '2026-10').totals.total).toBe(9.4);
  });

  it('sets the reset once, citing a decision', () => {
    const { values, changes } = applyCorrection(signed, { counts: {}, complaints: [], disputes: [], safetyBreach: { decisionId: 'd9', reason: '严重违纪' } }, decisions);
    expect(changes).toEqual([{ key: 'safetyOrDisciplineBreach', before: false, after: true }]);
    expect(scoreCard(values, '2026-10').totals.total).toBe(0);
    expect(() => applyCorrection(signed, { counts: {}, complaints: [], disputes: [], safetyBreach: { decisionId: 'x', reason: 'r' } }, decisions)).toThrow();
  });
});

describe('card keys', () => {
  // both lists are derived from their parts (shared/rubric/keys.ts); pinned here so a regrouping cannot change them
  const countsBefore = ['firstContactReceptions', 'onlineRepliesSatisfied', 'householdsVisited', 'staggeredShiftsAttended', 'specialActionDays', 'volunteerServiceDays', 'personalAwardsCity', 'personalAwardsDistrict', 'personalAwardsStreet', 'collectiveAwardsCity', 'collectiveAwardsDistrict', 'collectiveAwardsStreet'];
  const countsAfter = ['personalExcellentRatings', 'committeeExcellentRatings', 'trainingsAttended', 'competitionsEntered', 'competitionFirstPrizes', 'competitionSecondPrizes', 'competitionThirdPrizes'];

  it('lists the rubric inputs in the card order, deductions last', () => {
    expect(POINTS_CARD_INPUT_KEYS).toEqual([...countsBefore, 'publicityAdopted', ...countsAfter, 'residentComplaints', 'disputeEscalations', 'safetyOrDisciplineBreach']);
  });

  it('lets a correction set every count but not the yes/no or the deductions', () => {
    expect(CORRECTABLE_COUNTS).toEqual([...countsBefore, ...countsAfter]);
  });
});

describe('entry rules', () => {
  it('keeps dated entries inside their month', () => {
    expect(entryOutsideMonth({ kind: 'volunteer', date: '2026-10-31', title: 't' }, '2026-10')).toBe(false);
    expect(entryOutsideMonth({ kind: 'volunteer', date: '2026-11-01', title: 't' }, '2026-10')).toBe(true);
    expect(entryOutsideMonth({ kind: 'award', level: 'city', holder: 'personal', title: 't' }, '2026-10')).toBe(false);
  });

  it('asks entered items for evidence, deductions for their decision instead', () => {
    const none = { fileIds: [], text: null };
    expect(needsEvidence({ kind: 'award', level: 'city', holder: 'personal', title: 't' }, none)).toBe(true);
    expect(needsEvidence({ kind: 'award', level: 'city', holder: 'personal', title: 't' }, { fileIds: [], text: '证书编号 2026-118' })).toBe(false);
    expect(needsEvidence({ kind: 'complaint', points: -3, decisionId: 'd', reason: 'r' }, none)).toBe(false);
  });
});
