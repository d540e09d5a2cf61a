/** The reads of the points card's collections (config/database.ts) that every handler shares. */
import type { PointsCardDoc, PointsCorrectionDoc, PointsDecisionDoc, PointsEntryDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { POINTS_CODES } from '@shared/contracts/points';
import type { ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';

type Ctx = Pick<ActionContext, 'db'>;

export function signedCard(ctx: Ctx, id: string): Promise<PointsCardDoc | null> {
  return collection(ctx.db, 'points_cards').byId(id);
}

export function liveEntries(ctx: Ctx, staffId: string, month: string): Promise<PointsEntryDoc[]> {
  return collection(ctx.db, 'points_entries').all((ref) => ref.where({ staffId, month, removedAt: null }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
}

export function correctionsOf(ctx: Ctx, cardId: string): Promise<PointsCorrectionDoc[]> {
  return collection(ctx.db, 'points_corrections').all((ref) => ref.where({ cardId }).orderBy('sequence', 'asc'));
}

/**
 * The decisions a deduction cites: recorded by this committee and naming this staff member
 * (积分规则说明 3: 须经居委会班子成员集体讨论决定). Anything else is DECISION_REQUIRED.
 */
export async function citedDecisions(ctx: Ctx, ids: string[], committeeId: string, staffId: string): Promise<Map<string, PointsDecisionDoc>> {
  if (!ids.length) return new Map();
  const found = new Map((await collection(ctx.db, 'points_decisions').byIds(ids)).filter((d) => d.committeeId === committeeId).map((d) => [d._id, d]));
  for (const id of ids) {
    const d = found.get(id);
    if (!d) throw new AppError(POINTS_CODES.decisionRequired, '扣分须引用本居委会已记录的班子集体讨论决定');
    if (!d.staffIds.includes(staffId)) throw new AppError(POINTS_CODES.decisionRequired, '所引用的集体讨论决定不涉及该工作人员');
  }
  return found;
}
