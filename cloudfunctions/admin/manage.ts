/** Create, edit and (de)activate one staff record; every change is audited in its transaction. */
import { ADMIN_CODES, createStaff, setStaffActive, updateStaff } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { txGet } from '../_kit/transaction';
import { writeAudit, type TxLike } from './audit';
import { assertMayManage, requireAdministrator } from './policy';
import { resolveScope } from './scope';
import { staffView } from './staff-view';

async function readStaff(db: Database, id: string): Promise<StaffDoc | null> {
  const res = await db.collection('staff').doc(id).get();
  return (res.data as StaffDoc[])[0] ?? null;
}

/** WeCom userids of `corpId` already in the directory (the unique index would refuse them). */
export async function existingUserIds(db: Database, corpId: string, userIds: string[]): Promise<Set<string>> {
  const _ = db.command;
  const found = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const res = await db.collection('staff').where({ corpId, userId: _.in(userIds.slice(i, i + 500)) }).field({ userId: true }).limit(500).get();
    for (const s of res.data as Pick<StaffDoc, 'userId'>[]) found.add(s.userId);
  }
  return found;
}

export const createStaffHandler = handle(createStaff, async (input, ctx) => {
  const actor = requireAdministrator(await ctx.principal());
  const id = recordId(ctx, 'staff');
  // a retried request answers what the first attempt created
  const prior = await readStaff(ctx.db, id);
  if (prior) return { staff: staffView(prior) };
  const scope = await resolveScope(ctx.db, input.roles, input.regionId);
  assertMayManage(actor, { roles: input.roles, districtId: scope.districtId });
  // staff share the administrator's WeCom corp: the only corp whose members can sign in
  if ((await existingUserIds(ctx.db, actor.corpId, [input.userId])).size) throw new AppError(ADMIN_CODES.duplicate, '该企业微信账号已在人员名单中');
  const doc: StaffDoc = { _id: id, corpId: actor.corpId, userId: input.userId, openid: null, name: input.name, roles: input.roles, ...scope, active: true };
  await ctx.db.runTransaction(async (tx: TxLike) => {
    await tx.collection('staff').add(doc);
    await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: 'staff.create', subjectId: id, details: { roles: doc.roles, ...scope } });
  });
  return { staff: staffView(doc) };
});

/** Reads the record inside the transaction and checks the actor may manage it as it is now. */
async function managedRecord(tx: TxLike, actor: StaffDoc, staffId: string): Promise<StaffDoc> {
  const existing = await txGet<StaffDoc>(tx, 'staff', staffId);
  if (!existing) throw new AppError('NOT_FOUND', '人员不存在');
  assertMayManage(actor, existing);
  return existing;
}

export const updateStaffHandler = handle(updateStaff, async (input, ctx) => {
  const actor = requireAdministrator(await ctx.principal());
  const scope = await resolveScope(ctx.db, input.roles, input.regionId);
  assertMayManage(actor, { _id: input.staffId, roles: input.roles, districtId: scope.districtId });
  const updated = await ctx.db.runTransaction(async (tx: TxLike) => {
    const before = await managedRecord(tx, actor, input.staffId);
    const change = { name: input.name, roles: input.roles, ...scope };
    await tx.collection('staff').doc(before._id).update(change);
    await writeAudit(tx, {
      at: ctx.now(),
      actorId: actor._id,
      action: 'staff.update',
      subjectId: before._id,
      details: {
        before: { roles: before.roles, committeeId: before.committeeId, streetId: before.streetId, districtId: before.districtId },
        after: { roles: input.roles, ...scope },
        nameChanged: before.name !== input.name,
      },
    });
    return { ...before, ...change } as StaffDoc;
  });
  return { staff: staffView(updated) };
});

export const setStaffActiveHandler = handle(setStaffActive, async (input, ctx) => {
  const actor = requireAdministrator(await ctx.principal());
  const updated = await ctx.db.runTransaction(async (tx: TxLike) => {
    const before = await managedRecord(tx, actor, input.staffId);
    if (before.active === input.active) return before;
    // a deactivated member's phone stops acting as staff at once; reactivation needs a new sign-in
    const change = input.active ? { active: true } : { active: false, openid: null };
    await tx.collection('staff').doc(before._id).update(change);
    await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: input.active ? 'staff.activate' : 'staff.deactivate', subjectId: before._id, details: {} });
    return { ...before, ...change } as StaffDoc;
  });
  return { staff: staffView(updated) };
});
