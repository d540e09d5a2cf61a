/**
 * One-per-user records counted on their parent: likes and sign-ups on a party post, first reads
 * on a notice, reads through a share. The record (keyed by parent and user) and the counter
 * change in one transaction, so the counter always equals the records and a capacity check on
 * the counter is exact even when many people race for the last place.
 */
import { AppError } from '@shared/errors';
import type { ActionContext } from '../_kit/runtime';
import { inTransaction, txGet, type Tx } from '../_kit/transaction';
import { memberKey } from './member-key';

export interface Counted {
  /** collection of the parent document */
  parent: string;
  /** collection of the one-per-user records */
  members: string;
  /** counter field on the parent */
  counter: string;
}

export interface JoinResult<P> {
  created: boolean;
  /** the parent as it is after this call (counter included) */
  parent: P;
}

/**
 * Adds the caller's record unless it exists. `admit` may refuse (full, closed) by throwing; it
 * sees the parent as the transaction read it. `alsoInTx` writes further records atomically.
 */
export async function join<P extends Record<string, unknown>>(
  ctx: ActionContext,
  c: Counted,
  parentId: string,
  openid: string,
  record: Record<string, unknown>,
  opts: { admit?: (parent: P) => void; alsoInTx?: (tx: Tx) => Promise<void> } = {},
): Promise<JoinResult<P>> {
  const _ = ctx.db.command;
  const id = memberKey(parentId, openid);
  return inTransaction(ctx.db, async (tx) => {
    const parent = await txGet<P>(tx, c.parent, parentId);
    if (!parent) throw new AppError('NOT_FOUND');
    if (await txGet(tx, c.members, id)) return { created: false, parent };
    opts.admit?.(parent);
    // the contended document first: a conflict then fails the attempt before it holds other locks
    await tx.collection(c.parent).doc(parentId).update({ [c.counter]: _.inc(1) });
    await tx.collection(c.members).add({ ...record, _id: id });
    await opts.alsoInTx?.(tx);
    return { created: true, parent: { ...parent, [c.counter]: Number(parent[c.counter] ?? 0) + 1 } };
  });
}

/** Removes the caller's record if it exists; `allow` may refuse (e.g. after the deadline). */
export async function leave<P extends Record<string, unknown>>(
  ctx: ActionContext,
  c: Counted,
  parentId: string,
  openid: string,
  opts: { allow?: (parent: P) => void } = {},
): Promise<{ removed: boolean; parent: P }> {
  const _ = ctx.db.command;
  const id = memberKey(parentId, openid);
  return inTransaction(ctx.db, async (tx) => {
    const parent = await txGet<P>(tx, c.parent, parentId);
    if (!parent) throw new AppError('NOT_FOUND');
    if (!(await txGet(tx, c.members, id))) return { removed: false, parent };
    opts.allow?.(parent);
    await tx.collection(c.parent).doc(parentId).update({ [c.counter]: _.inc(-1) });
    await tx.collection(c.members).doc(id).remove();
    return { removed: true, parent: { ...parent, [c.counter]: Number(parent[c.counter] ?? 0) - 1 } };
  });
}

/** Whether the user has a record under the parent (outside any transaction). */
export async function isMember(ctx: ActionContext, members: string, parentId: string, openid: string): Promise<boolean> {
  const res = await ctx.db.collection(members).doc(memberKey(parentId, openid)).get();
  return ((res.data as unknown[] | undefined) ?? []).length > 0;
}

/**
 * Which of `parentIds` the user has a record under: one query for a whole page (the record ids
 * are derived, so no per-row lookups), for the "read / signed up / liked by me" marks on lists.
 */
export async function membersAmong(ctx: ActionContext, members: string, parentIds: readonly string[], openid: string): Promise<Set<string>> {
  if (parentIds.length === 0 || !openid) return new Set();
  const byKey = new Map(parentIds.map((id) => [memberKey(id, openid), id]));
  const res = await ctx.db
    .collection(members)
    .where({ _id: ctx.db.command.in([...byKey.keys()]) })
    .field({ _id: true })
    .limit(byKey.size)
    .get();
  return new Set(((res.data as { _id: string }[] | undefined) ?? []).map((d) => byKey.get(d._id)!).filter(Boolean));
}
