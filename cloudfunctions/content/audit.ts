/**
 * What content leaves in audit_log (written by `_kit/audit.ts`): staff revealing a sign-up roll's
 * names, taking a post down, correcting it. Entries name the post and, for an edit, the fields,
 * never their values.
 */
import type { AuditEntry } from '../_kit/audit';
import type { Manager } from './access';

export type PartyAuditAction = 'party.signups.reveal' | 'party.withdraw' | 'party.edit';

export function partyPostAudit(who: Manager, at: Date, action: PartyAuditAction, postId: string, count: number, details?: Record<string, unknown>): AuditEntry {
  return { at, actorId: who.staff.actorId, action, subjectType: 'party_post', subjectId: postId, committeeId: who.committeeId, count, ...(details ? { details } : {}) };
}
