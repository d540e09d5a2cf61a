/**
 * Append-only audit entries for changes to the staff directory and staff bindings. Entries carry
 * ids, roles and flags, never names or phone numbers. They are written in the same transaction
 * as the change, so a change without its entry cannot exist.
 */
import { newId } from '../_kit/idempotent';

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
  await tx.collection('audit_log').add({ _id: newId(), subjectType: 'staff', ...entry });
}

/** A document read inside a transaction: the SDK answers an object, or null when it is missing. */
export async function txRead<T>(tx: TxLike, collection: string, id: string): Promise<T | null> {
  const res = await tx.collection(collection).doc(id).get();
  const data = Array.isArray(res.data) ? res.data[0] : res.data;
  return (data as T | undefined) ?? null;
}
