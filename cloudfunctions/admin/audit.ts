/**
 * Append-only audit entries for changes to the staff directory and staff bindings. Entries carry
 * ids, roles and flags, never names or phone numbers. They are written in the same transaction
 * as the change, so a change without its entry cannot exist.
 */
import { writeAudit as write } from '../_kit/audit';

/** The part of a CloudBase transaction this module needs (the SDK types it as `any`). */
export interface TxLike {
  collection(name: string): { add(doc: object): Promise<unknown>; doc(id: string): { get(): Promise<{ data: unknown }>; update(u: object): Promise<unknown> } };
}

export interface AuditEntry {
  _id: string;
  at: Date;
  /** the staff record that acted; for a sign-in, the record being bound */
  actorId: string;
  action: 'staff.create' | 'staff.update' | 'staff.activate' | 'staff.deactivate' | 'staff.import' | 'staff.bind';
  subjectType: 'staff';
  subjectId: string;
  details: Record<string, unknown>;
}

export async function writeAudit(tx: TxLike, entry: Omit<AuditEntry, '_id' | 'subjectType'>): Promise<void> {
  await write(tx, { subjectType: 'staff', ...entry });
}
