/**
 * audit_log entries of the points card: sign-offs, corrections and every refused attempt to
 * change a signed card. Ids and codes only, no personal data.
 */
import { POINTS_CODES } from '@shared/contracts/points';
import { AppError } from '@shared/errors';
import { writeAudit, type AuditSink } from '../_kit/audit';
import type { ActionContext } from '../_kit/runtime';

export type PointsAuditAction = 'points.sign' | 'points.correct' | 'points.refused';

export interface CardAudit {
  actorId: string;
  action: PointsAuditAction;
  cardId: string;
  committeeId: string;
  details: Record<string, unknown>;
}

/** Writes a card's entry to the database, or to a transaction with the change it records. */
export function auditCard(sink: AuditSink, ctx: Pick<ActionContext, 'now'>, a: CardAudit): Promise<void> {
  return writeAudit(sink, { at: ctx.now(), actorId: a.actorId, action: a.action, subjectType: 'points_card', subjectId: a.cardId, committeeId: a.committeeId, details: a.details });
}

/** A signed card is never changed: the attempt is recorded, then refused. */
export async function refuseSigned(ctx: ActionContext, actorId: string, cardId: string, committeeId: string, attempted: string): Promise<never> {
  await auditCard(ctx.db, ctx, { actorId, action: 'points.refused', cardId, committeeId, details: { attempted, code: POINTS_CODES.signed } });
  throw new AppError(POINTS_CODES.signed, '该月积分卡已签名，不能再修改；如需更正请另行登记更正');
}
