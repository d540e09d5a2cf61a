/**
 * points.yearRanking: the street's yearly ranking from signed cards (shared/points/ranking.ts
 * holds the rules). A street liaison sees their street; a district liaison any street of their
 * district; a city administrator any street.
 */
import { yearRanking } from '@shared/contracts/points-ranking';
import type { StaffDoc } from '@shared/domain/people';
import type { PointsCardDoc, PointsCorrectionDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { rankStreet, type RankCandidate } from '@shared/points/ranking';
import { pointsRubric } from '@shared/points/card';
import { liaison } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { collection, readAll } from '../_kit/store';

/** A street liaison ranks their own street; a district liaison any street of the district, the city any. */
async function rankedStreet(ctx: ActionContext, requested: string | undefined): Promise<string> {
  const who = await liaison(ctx);
  const own = who.staff.roles.includes('street_liaison') ? who.staff.streetId : null;
  if (own && (!requested || requested === own)) return own;
  if (!requested) throw new AppError('INVALID_INPUT', '请选择街镇');
  const street = await collection(ctx.db, 'streets').byId(requested);
  if (!street) throw new AppError('NOT_FOUND', '街镇不存在');
  if (who.managesDistrict(street.districtId)) return street._id;
  throw new AppError('FORBIDDEN', '只能查看本街镇（本区）的积分排行');
}

/** Active staff of the street's committees (staff are indexed by committee, not street). */
async function streetStaff(ctx: ActionContext, streetId: string): Promise<StaffDoc[]> {
  const committees = await readAll<{ _id: string }>(collection(ctx.db, 'committees').ref.where({ streetId }).field({ _id: true }).orderBy('code', 'asc'));
  if (!committees.length) return [];
  const _ = ctx.db.command;
  return collection(ctx.db, 'staff').all((ref) => ref.where({ committeeId: _.in(committees.map((c) => c._id)), active: true }).orderBy('_id', 'asc'));
}

/** The topShare the rubric file states (definitions.yearlyRanking). */
function topShare(): number {
  const share = (pointsRubric().definitions?.yearlyRanking as { topShare?: unknown } | undefined)?.topShare;
  if (typeof share !== 'number') throw new Error('rubric 004 lacks definitions.yearlyRanking.topShare');
  return share;
}

export const yearRankingHandler = handle(yearRanking, async ({ year, streetId: requested }, ctx) => {
  const streetId = await rankedStreet(ctx, requested);
  const [cards, corrections, staff] = await Promise.all([
    readAll<Pick<PointsCardDoc, '_id' | 'staffId' | 'staffName' | 'committeeId' | 'month' | 'total'>>(
      collection(ctx.db, 'points_cards').ref.where({ streetId, year }).field({ staffId: true, staffName: true, committeeId: true, month: true, total: true }).orderBy('_id', 'asc'),
    ),
    readAll<Pick<PointsCorrectionDoc, 'cardId' | 'sequence' | 'total'>>(collection(ctx.db, 'points_corrections').ref.where({ streetId, year }).field({ cardId: true, sequence: true, total: true }).orderBy('_id', 'asc')),
    streetStaff(ctx, streetId),
  ]);
  const latest = new Map<string, { sequence: number; total: number }>();
  for (const c of corrections) if ((latest.get(c.cardId)?.sequence ?? 0) < c.sequence) latest.set(c.cardId, c);

  // 社区工作者 of the street now, plus anyone with a signed card here this year (since moved or left)
  const byStaff = new Map<string, RankCandidate>();
  for (const s of staff) if (s.roles.includes('staff')) byStaff.set(s._id, { staffId: s._id, name: s.name, committeeId: s.committeeId, months: [] });
  for (const c of cards) {
    const row = byStaff.get(c.staffId) ?? { staffId: c.staffId, name: c.staffName, committeeId: c.committeeId, months: [] };
    const fix = latest.get(c._id);
    row.months.push({ month: c.month, total: fix ? fix.total : c.total, corrected: Boolean(fix) });
    byStaff.set(c.staffId, row);
  }
  return { year, streetId, ...rankStreet([...byStaff.values()], topShare()) };
});
