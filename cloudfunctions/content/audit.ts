/** Staff reads of residents' personal data in content (sign-up rolls) leave a trace in audit_log. */
import { writeAudit, type AuditEntry } from '../_kit/audit';
import type { ActionContext } from '../_kit/runtime';

export async function audit(ctx: ActionContext, entry: Omit<AuditEntry, 'at'> & { committeeId: string; count: number }): Promise<void> {
  await writeAudit(ctx.db, { ...entry, at: ctx.now() });
}
