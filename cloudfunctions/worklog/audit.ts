/** Staff reads of a resident's personal data in work records leave a trace in audit_log. */
import { writeAudit } from '../_kit/audit';
import type { ActionContext } from '../_kit/runtime';

export async function auditRead(ctx: ActionContext, actorId: string, committeeId: string, subjectType: string, subjectId: string): Promise<void> {
  await writeAudit(ctx.db, { actorId, action: 'worklog.read', subjectType, subjectId, committeeId, count: 1, at: ctx.now() });
}
