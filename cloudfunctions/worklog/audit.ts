/** Staff reads of a resident's personal data leave a trace in audit_log: ids only, no data. */
import { newId } from '../_kit/idempotent';
import type { ActionContext } from '../_kit/runtime';

export async function auditRead(ctx: ActionContext, actorId: string, committeeId: string, subjectType: string, subjectId: string): Promise<void> {
  await ctx.db.collection('audit_log').add({ _id: newId(), actorId, action: 'worklog.read', subjectType, subjectId, committeeId, count: 1, at: ctx.now() });
}
