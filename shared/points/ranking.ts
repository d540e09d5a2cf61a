/**
 * The street's yearly ranking (seed 004 积分规则说明 2: 根据年度得分累计情况，形成各街镇的
 * “居民区社工积分排行榜”，榜单排名在前 20% 的社区工作者才有资格参与…优秀等次的推荐).
 *
 * - A year's total is the sum of its signed monthly cards (a corrected month counts its latest
 *   correction). Unsigned months count nothing: only a card the 书记 has filled in and signed is
 *   a card (说明 1).
 * - 前 20%: rank ≤ 20% of the staff ranked, so the cut is floor(20% × N) (7 staff → 1; 10 → 2;
 *   fewer than 5 → nobody). "前 20%" is a qualification threshold, so a rank past it does not
 *   qualify by rounding up.
 * - Equal totals share a rank (1, 2, 2, 4): a tie at the cut qualifies everyone in it, since no
 *   fair rule separates equal scores; rows of a tie are listed by staff id only for a stable order.
 * Totals are summed exactly (rationals), so 0.1 + 0.2 ties with 0.3.
 */
import * as R from '../rubric/rational';

export interface MonthTotal {
  month: string;
  total: number;
  corrected: boolean;
}

export interface RankCandidate {
  staffId: string;
  name: string;
  committeeId: string | null;
  months: MonthTotal[];
}

export interface RankedRow {
  rank: number;
  staffId: string;
  name: string;
  committeeId: string | null;
  total: number;
  signedMonths: string[];
  correctedMonths: string[];
  eligible: boolean;
}

export function topCut(ranked: number, topShare: number): number {
  return Number(R.floorInt(R.mul(R.q(ranked), R.fromDecimal(topShare))));
}

export function rankStreet(candidates: readonly RankCandidate[], topShare: number): { ranked: number; cut: number; items: RankedRow[] } {
  const rows = candidates.map((c) => ({ c, total: R.sum(c.months.map((m) => R.fromDecimal(m.total))) }));
  rows.sort((a, b) => R.cmp(b.total, a.total) || (a.c.staffId < b.c.staffId ? -1 : a.c.staffId > b.c.staffId ? 1 : 0));
  const cut = topCut(rows.length, topShare);
  const items: RankedRow[] = [];
  rows.forEach((r, i) => {
    const prev = items[i - 1];
    const rank = prev && R.eq(rows[i - 1]!.total, r.total) ? prev.rank : i + 1;
    const months = [...r.c.months].sort((a, b) => a.month.localeCompare(b.month));
    items.push({
      rank,
      staffId: r.c.staffId,
      name: r.c.name,
      committeeId: r.c.committeeId,
      total: R.toNumber(r.total),
      signedMonths: months.map((m) => m.month),
      correctedMonths: months.filter((m) => m.corrected).map((m) => m.month),
      eligible: rank <= cut,
    });
  });
  return { ranked: rows.length, cut, items };
}
