/**
 * One-per-user records counted on their parent: likes and sign-ups on a party post, first reads
 * on a notice, reads through a share. The record (keyed by parent and user) and the counter
 * change in one transaction, so the counter always equals the records and a capacity check on
 * the counter is exact even when many people race for the last place.
 */
import { AppError } from '@shared/errors';
import type { ActionContext } from '../_kit/runtime';
import { collection, type CollectionName, type DocOf } from '../_kit/store';
import { inTransaction, txGet, type Tx } from '../_kit/transaction';
import { memberKey } from './member-key';

/** The fields of a document that hold a number (a counter may be absent on older documents). */
type CounterOf<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T] & string;

export interface Counted<P extends CollectionName, M extends CollectionName> {
  /** collection of the parent document */
  parent: P;
  /** collection of the one-per-user records */
  members: M;
  /** counter field on the parent */
  counter: CounterOf<DocOf<P>>;
}

export interface JoinResult<P> {
  created: boolean;
  /** the parent as it is after this call (counter included) */
  parent: P;
}

/** The parent with its counter moved by `by` (what the transaction just wrote). */
function counted<P extends CollectionName>(c: { counter: CounterOf<DocOf<P>> }, parent: DocOf<P>, by: 1 | -1): DocOf<P> {
  return { ...parent, [c.counter]: Number(parent[c.counter] ?? 0) + by };
}

/**
 * Adds the caller's record unless it exists. `admit` may refuse (full, closed) by throwing; it
 * sees the parent as the transaction read it. `alsoInTx` writes further records atomically.
 */
export async function join<P extends CollectionName, M extends CollectionName>(
  ctx: Pick<ActionContext, 'db'>,
  c: Counted<P, M>,
  parentId: string,
  openid: string,
  record: Omit<DocOf<M>, '_id'>,
  opts: { admit?: (parent: DocOf<P>) => void; alsoInTx?: (tx: Tx) => Promise<void> } = {},
): Promise<JoinResult<DocOf<P>>> {
  const _ = ctx.db.command;
  const id = memberKey(parentId, openid);
  return inTransaction(ctx.db, async (tx) => {
    const parent = await txGet(tx, c.parent, parentId);
    if (!parent) throw new AppError('NOT_FOUND');
    if (await txGet(tx, c.members, id)) return { created: false, parent };
    opts.admit?.(parent);
    // the contended document first: a conflict then fails the attempt before it holds other locks
    await tx.collection(c.parent).doc(parentId).update({ [c.counter]: _.inc(1) });
    await tx.collection(c.members).add({ ...record, _id: id });
    await opts.alsoInTx?.(tx);
    return { created: true, parent: counted(c, parent, 1) };
  });
}

/** Removes the caller's record if it exists; `allow` may refuse (e.g. after the deadline). */
export async function leave<P extends CollectionName, M extends CollectionName>(
  ctx: Pick<ActionContext, 'db'>,
  c: Counted<P, M>,
  parentId: string,
  openid: string,
  opts: { allow?: (parent: DocOf<P>) => void } = {},
): Promise<{ removed: boolean; parent: DocOf<P> }> {
  const _ = ctx.db.command;
  const id = memberKey(parentId, openid);
  return inTransaction(ctx.db, async (tx) => {
    const parent = await txGet(tx, c.parent, parentId);
    if (!parent) throw new AppError('NOT_FOUND');
    if (!(await txGet(tx, c.members, id))) return { removed: false, parent };
    opts.allow?.(parent);
    await tx.collection(c.parent).doc(parentId).update({ [c.counter]: _.inc(-1) });
    await tx.collection(c.members).doc(id).remove();
    return { removed: true, parent: counted(c, parent, -1) };
  });
}

/** Whether the user has a record under the parent (outside any transaction). */
export async function isMember(ctx: Pick<ActionContext, 'db'>, members: CollectionName, parentId: string, openid: string): Promise<boolean> {
  return (await collection(ctx.db, members).byId(memberKey(parentId, openid))) !== null;
}

/**
 * Which of `parentIds` the user has a record under: one query for a whole page (the record ids
 * are derived, so no per-row lookups), for the "read / signed up / liked by me" marks on lists.
 */
export async function membersAmong(ctx: Pick<ActionContext, 'db'>, members: CollectionName, parentIds: readonly string[], openid: string): Promise<Set<string>> {
  if (parentIds.length === 0 || !openid) return new Set();
  const byKey = new Map(parentIds.map((id) => [memberKey(id, openid), id]));
  const found = await collection(ctx.db, members).some((ref) => ref.where({ _id: ctx.db.command.in([...byKey.keys()]) }).field({ _id: true }), byKey.size);
  return new Set(found.map((d) => byKey.get(d._id)).filter((id): id is string => id !== undefined));
}
