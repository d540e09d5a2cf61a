/**
 * A write retried by the client (same requestId) must take effect once. Records created by an
 * action get an id derived from the caller, the kind of record and the requestId, so the retry
 * finds the first attempt's record instead of creating a second one.
 */
import crypto from 'node:crypto';
import type { ActionContext } from './runtime';
import { docOf, type CollectionName } from './store';

export function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** Deterministic per (caller, kind, requestId); random when the client sent no requestId. */
export function recordId(ctx: Pick<ActionContext, 'caller' | 'requestId'>, kind: string): string {
  if (!ctx.requestId) return newId();
  return crypto.createHash('sha256').update(`${ctx.caller.openid}\u0000${kind}\u0000${ctx.requestId}`).digest('hex').slice(0, 32);
}

/**
 * Inserts `doc` under `id` unless a record with that id exists. Returns the stored record and
 * whether this call created it. Safe under a concurrent retry: the loser of the race reads the
 * winner's record (the primary key is unique).
 */
export async function insertOnce<T extends object>(ctx: Pick<ActionContext, 'db'>, collection: CollectionName, id: string, doc: T): Promise<{ record: T & { _id: string }; created: boolean }> {
  const coll = ctx.db.collection(collection);
  const read = async () => docOf<T & { _id: string }>(await coll.doc(id).get());
  const existing = await read();
  if (existing) return { record: existing, created: false };
  try {
    await coll.add({ ...doc, _id: id });
    return { record: { ...doc, _id: id }, created: true };
  } catch (e) {
    const winner = await read();
    if (winner) return { record: winner, created: false };
    throw e;
  }
}
