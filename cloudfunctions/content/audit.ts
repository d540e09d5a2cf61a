/** Staff reads of residents' personal data leave a trace in audit_log (ids and counts, no data). */
import type { ActionContext } from '../_kit/runtime';
import { newId } from '../_kit/idempotent';

export interface AuditEntry {
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  committeeId: string;
  /** how many people's data the read showed */
  count: number;
}

export async function audit(ctx: ActionContext, entry: AuditEntry): Promise<void> {
  await ctx.db.collection('audit_log').add({ _id: newId(), ...entry, at: ctx.now() });
}
