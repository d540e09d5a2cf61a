/** Yearly ranking rules (shared/points/ranking.ts): exact sums, shared ranks, floor(20% × N). */
import { rankStreet, topCut, type RankCandidate } from '../../../shared/points/ranking';

const staff = (id: string, ...totals: number[]): RankCandidate => ({ staffId: id, name: id, committeeId: 'c', months: totals.map((total, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, total, corrected: false })) });

describe('topCut: 前 20% as floor(0.2 × N)', () => {
  it.each([
    [10, 2],
    [7, 1], // 1.4: rank 2 of 7 is the top 28.6%, not the top 20%
    [5, 1],
    [4, 0], // nobody is within the top 20% of four
    [23, 4],
    [0, 0],
  ])('%i staff → %i', (n, cut) => expect(topCut(n, 0.2)).toBe(cut));
});

describe('rankStreet', () => {
  it('sums months exactly and shares ranks on ties', () => {
    const r = rankStreet([staff('a', 0.1, 0.2), staff('b', 0.3), staff('c', 5), staff('d', 1)], 0.2);
    // a = 0.1 + 0.2 = 0.3 exactly, tying b
    expect(r.items.map((i) => [i.staffId, i.rank, i.total])).toEqual([
      ['c', 1, 5],
      ['d', 2, 1],
      ['a', 3, 0.3],
      ['b', 3, 0.3],
    ]);
  });

  it('marks ranks 1…cut eligible and includes everyone tied at the cut', () => {
    // 10 staff → cut 2; second place is a three-way tie at 40
    const r = rankStreet([staff('s1', 50), staff('s2', 40), staff('s3', 40), staff('s4', 40), ...['s5', 's6', 's7', 's8', 's9', 's10'].map((id, i) => staff(id, 30 - i))], 0.2);
    expect(r.cut).toBe(2);
    expect(r.items.filter((i) => i.eligible).map((i) => i.staffId)).toEqual(['s1', 's2', 's3', 's4']);
    expect(r.items.find((i) => i.staffId === 's5')).toMatchObject({ rank: 5, eligible: false });
  });

  it('does not qualify a tie that starts after the cut', () => {
    // 10 staff → cut 2; ranks 1, 2 clear, 3 and 4 tied: neither qualifies
    const r = rankStreet([staff('a', 9), staff('b', 8), staff('c', 7), staff('d', 7), ...[1, 2, 3, 4, 5, 6].map((n) => staff(`z${n}`, 1))], 0.2);
    expect(r.items.filter((i) => i.eligible).map((i) => i.staffId)).toEqual(['a', 'b']);
  });

  it('ranks a staff member without signed months at 0', () => {
    const r = rankStreet([staff('a'), staff('b', 2)], 0.2);
    expect(r.items[1]).toMatchObject({ staffId: 'a', total: 0, rank: 2, signedMonths: [] });
  });
});
