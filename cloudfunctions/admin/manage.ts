/**
 * Create, edit and (de)activate one staff record. Every change writes its audit entry (ids, roles
 * and flags, never names) in the change's own transaction, so a change without its entry cannot exist.
 */
import { ADMIN_CODES, createStaff, setStaffActive, updateStaff } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { writeAudit } from '../_kit/audit';
import type { Database } from '../_kit/cloud';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction, txGet, type Tx } from '../_kit/transaction';
import { administrator, assertMayManage } from './policy';
import { scopeForRoles } from './scope';
import { staffView } from './staff-view';

/** WeCom userids of `corpId` already in the directory (the unique index would refuse them). */
export async function existingUserIds(db: Database, corpId: string, userIds: string[]): Promise<Set<string>> {
  const _ = db.command;
  const directory = collection(db, 'staff');
  const found = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await directory.some((c) => c.where({ corpId, userId: _.in(userIds.slice(i, i + 500)) }).field({ userId: true }), 500);
    for (const s of rows) found.add(s.userId);
  }
  return found;
}

export const createStaffHandler = handle(createStaff, async (input, ctx) => {
  const actor = await administrator(ctx);
  const id = recordId(ctx, 'staff');
  // a retried request answers what the first attempt created
  const prior = await collection(ctx.db, 'staff').byId(id);
  if (prior) return { staff: staffView(prior) };
  const scope = await scopeForRoles(ctx.db, input.roles, input.regionId);
  assertMayManage(actor, { roles: input.roles, districtId: scope.districtId });
  // staff share the administrator's WeCom corp: the only corp whose members can sign in
  if ((await existingUserIds(ctx.db, actor.corpId, [input.userId])).size) throw new AppError(ADMIN_CODES.duplicate, '该企业微信账号已在人员名单中');
  const doc: StaffDoc = { _id: id, corpId: actor.corpId, userId: input.userId, openid: null, name: input.name, roles: input.roles, ...scope, active: true };
  await inTransaction(ctx.db, async (tx) => {
    await tx.collection('staff').add(doc);
    await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: 'staff.create', subjectType: 'staff', subjectId: id, details: { roles: doc.roles, ...scope } });
  });
  return { staff: staffView(doc) };
});

/** Reads the record inside the transaction and checks the actor may manage it as it is now. */
async function managedRecord(tx: Tx, actor: StaffDoc, staffId: string): Promise<StaffDoc> {
  const existing = await txGet(tx, 'staff', staffId);
  if (!existing) throw new AppError('NOT_FOUND', '人员不存在');
  assertMayManage(actor, existing);
  return existing;
}

export const updateStaffHandler = handle(updateStaff, async (input, ctx) => {
  const actor = await administrator(ctx);
  const scope = await scopeForRoles(ctx.db, input.roles, input.regionId);
  assertMayManage(actor, { _id: input.staffId, roles: input.roles, districtId: scope.districtId });
  const updated = await inTransaction(ctx.db, async (tx): Promise<StaffDoc> => {
    const before = await managedRecord(tx, actor, input.staffId);
    const change = { name: input.name, roles: input.roles, ...scope };
    await tx.collection('staff').doc(before._id).update(change);
    await writeAudit(tx, {
      at: ctx.now(),
      actorId: actor._id,
      action: 'staff.update',
      subjectType: 'staff',
      subjectId: before._id,
      details: {
        before: { roles: before.roles, committeeId: before.committeeId, streetId: before.streetId, districtId: before.districtId },
        after: { roles: input.roles, ...scope },
        nameChanged: before.name !== input.name,
      },
    });
    return { ...before, ...change };
  });
  return { staff: staffView(updated) };
});

export const setStaffActiveHandler = handle(setStaffActive, async (input, ctx) => {
  const actor = await administrator(ctx);
  const updated = await inTransaction(ctx.db, async (tx): Promise<StaffDoc> => {
    const before = await managedRecord(tx, actor, input.staffId);
    if (before.active === input.active) return before;
    // a deactivated member's phone stops acting as staff at once; reactivation needs a new sign-in
    const change = input.active ? { active: true } : { active: false, openid: null };
    await tx.collection('staff').doc(before._id).update(change);
    await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: input.active ? 'staff.activate' : 'staff.deactivate', subjectType: 'staff', subjectId: before._id, details: {} });
    return { ...before, ...change };
  });
  return { staff: staffView(updated) };
});
