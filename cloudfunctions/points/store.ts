/** Collections of the points card (config/database.ts) and the reads every handler shares. */
import type { PointsCardDoc, PointsCorrectionDoc, PointsDecisionDoc, PointsEntryDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { POINTS_CODES } from '@shared/contracts/points';
import type { ActionContext } from '../_kit/runtime';
import { readAll } from '../_kit/paging';

export const ENTRIES = 'points_entries';
export const DECISIONS = 'points_decisions';
export const CARDS = 'points_cards';
export const CORRECTIONS = 'points_corrections';

export async function signedCard(ctx: Pick<ActionContext, 'db'>, id: string): Promise<PointsCardDoc | null> {
  const res = await ctx.db.collection(CARDS).doc(id).get();
  return (res.data as PointsCardDoc[] | undefined)?.[0] ?? null;
}

export function liveEntries(ctx: ActionContext, staffId: string, month: string): Promise<PointsEntryDoc[]> {
  return readAll<PointsEntryDoc>(ctx.db.collection(ENTRIES).where({ staffId, month, removedAt: null }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
}

export function correctionsOf(ctx: ActionContext, cardId: string): Promise<PointsCorrectionDoc[]> {
  return readAll<PointsCorrectionDoc>(ctx.db.collection(CORRECTIONS).where({ cardId }).orderBy('sequence', 'asc'));
}

/**
 * The decisions a deduction cites: recorded by this committee and naming this staff member
 * (积分规则说明 3: 须经居委会班子成员集体讨论决定). Anything else is DECISION_REQUIRED.
 */
export async function citedDecisions(ctx: ActionContext, ids: string[], committeeId: string, staffId: string): Promise<Map<string, PointsDecisionDoc>> {
  if (!ids.length) return new Map();
  const _ = ctx.db.command;
  const res = await ctx.db.collection(DECISIONS).where({ _id: _.in(ids), committeeId }).limit(ids.length).get();
  const found = new Map((res.data as PointsDecisionDoc[]).map((d) => [d._id, d]));
  for (const id of ids) {
    const d = found.get(id);
    if (!d) throw new AppError(POINTS_CODES.decisionRequired, '扣分须引用本居委会已记录的班子集体讨论决定');
    if (!d.staffIds.includes(staffId)) throw new AppError(POINTS_CODES.decisionRequired, '所引用的集体讨论决定不涉及该工作人员');
  }
  return found;
}
