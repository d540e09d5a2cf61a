/**
 * audit_log entries of the points card: sign-offs, corrections and every refused attempt to
 * change a signed card. Ids and codes only, no personal data.
 */
import { POINTS_CODES } from '@shared/contracts/points';
import { AppError } from '@shared/errors';
import { newId } from '../_kit/idempotent';
import type { ActionContext } from '../_kit/runtime';

export type PointsAuditAction = 'points.sign' | 'points.correct' | 'points.refused';

export interface PointsAuditEntry {
  _id: string;
  at: Date;
  actorId: string;
  action: PointsAuditAction;
  subjectType: 'points_card';
  subjectId: string;
  committeeId: string;
  details: Record<string, unknown>;
}

interface Adder {
  collection(name: string): { add(doc: object): Promise<unknown> };
}

export function auditEntry(ctx: Pick<ActionContext, 'now'>, actorId: string, action: PointsAuditAction, cardId: string, committeeId: string, details: Record<string, unknown>): PointsAuditEntry {
  return { _id: newId(), at: ctx.now(), actorId, action, subjectType: 'points_card', subjectId: cardId, committeeId, details };
}

export async function writeAudit(db: Adder, entry: PointsAuditEntry): Promise<void> {
  await db.collection('audit_log').add(entry);
}

/** A signed card is never changed: the attempt is recorded, then refused. */
export async function refuseSigned(ctx: ActionContext, actorId: string, cardId: string, committeeId: string, attempted: string): Promise<never> {
  await writeAudit(ctx.db, auditEntry(ctx, actorId, 'points.refused', cardId, committeeId, { attempted, code: POINTS_CODES.signed }));
  throw new AppError(POINTS_CODES.signed, '该月积分卡已签名，不能再修改；如需更正请另行登记更正');
}
