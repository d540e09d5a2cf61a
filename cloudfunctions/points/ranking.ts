/**
 * points.yearRanking: the street's yearly ranking from signed cards (shared/points/ranking.ts
 * holds the rules). A street liaison sees their street; a district liaison any street of their
 * district; a city administrator any street.
 */
import { yearRanking } from '@shared/contracts/points-ranking';
import type { StaffDoc } from '@shared/domain/people';
import type { PointsCardDoc, PointsCorrectionDoc } from '@shared/domain/points';
import type { StreetDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import { rankStreet, type RankCandidate } from '@shared/points/ranking';
import { pointsRubric } from '@shared/points/card';
import { requireRole } from '../_kit/principal';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { readAll } from '../_kit/paging';
import { CARDS, CORRECTIONS } from './store';

async function rankedStreet(ctx: ActionContext, requested: string | undefined): Promise<string> {
  const p = await ctx.principal();
  requireRole(p, 'street_liaison', 'district_liaison', 'city_admin');
  const me = p.staff!;
  if (p.roles.includes('street_liaison') && me.streetId && (!requested || requested === me.streetId)) return me.streetId;
  if (!requested) throw new AppError('INVALID_INPUT', '请选择街镇');
  const res = await ctx.db.collection('streets').doc(requested).get();
  const street = (res.data as StreetDoc[] | undefined)?.[0];
  if (!street) throw new AppError('NOT_FOUND', '街镇不存在');
  if (p.roles.includes('city_admin') || (p.roles.includes('district_liaison') && street.districtId === me.districtId)) return street._id;
  throw new AppError('FORBIDDEN', '只能查看本街镇（本区）的积分排行');
}

/** Active staff of the street's committees (staff are indexed by committee, not street). */
async function streetStaff(ctx: ActionContext, streetId: string): Promise<StaffDoc[]> {
  const committees = await readAll<{ _id: string }>(ctx.db.collection('committees').where({ streetId }).field({ _id: true }).orderBy('code', 'asc'));
  if (!committees.length) return [];
  const _ = ctx.db.command;
  return readAll<StaffDoc>(ctx.db.collection('staff').where({ committeeId: _.in(committees.map((c) => c._id)), active: true }).orderBy('_id', 'asc'));
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
      ctx.db.collection(CARDS).where({ streetId, year }).field({ staffId: true, staffName: true, committeeId: true, month: true, total: true }).orderBy('_id', 'asc'),
    ),
    readAll<Pick<PointsCorrectionDoc, 'cardId' | 'sequence' | 'total'>>(ctx.db.collection(CORRECTIONS).where({ streetId, year }).field({ cardId: true, sequence: true, total: true }).orderBy('_id', 'asc')),
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
