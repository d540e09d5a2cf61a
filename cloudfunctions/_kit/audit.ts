/**
 * The append-only audit log: staff reads of residents' personal data, directory changes, refused
 * changes to signed records, imports. Entries carry ids, roles and counts, never names, phones
 * or ID numbers. Pass a transaction as the sink to write the entry with the change it records.
 */
import type { Database } from './cloud';
import { newId } from './idempotent';
import { collection } from './store';

export interface AuditEntry {
  at: Date;
  /** the staff record (or user) that acted */
  actorId: string;
  /** dotted and stable, e.g. staff.update, worklog.read, points.refused */
  action: string;
  subjectType: string;
  subjectId: string;
  committeeId?: string | null;
  /** for reads: how many people's personal data the read showed */
  count?: number;
  details?: Record<string, unknown>;
}

export type StoredAuditEntry = AuditEntry & { _id: string };

/** The database or a transaction: anything that can add to a collection. */
export interface AuditSink {
  collection(name: string): { add(doc: object): Promise<unknown> };
}

export async function writeAudit(sink: AuditSink, entry: AuditEntry): Promise<void> {
  await sink.collection('audit_log').add({ _id: newId(), ...entry });
}

/** Entries matching `where`, oldest first (at most 1000): what an assessor or a test reads back. */
export function auditEntries(db: Database, where: Partial<AuditEntry>): Promise<StoredAuditEntry[]> {
  return collection(db, 'audit_log').some((c) => c.where(where).orderBy('at', 'asc').orderBy('_id', 'asc'), 1000);
}
