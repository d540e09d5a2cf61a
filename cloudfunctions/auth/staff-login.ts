/**
 * auth.staffLogin: binds the caller's OPENID to the active staff record of the WeCom member whose
 * `wx.qy.login` code this is. One record has one OPENID (a new phone replaces the old binding) and
 * one OPENID acts for one record (binding it elsewhere unbinds it here).
 */
import { STAFF_LOGIN_CODES, staffLogin } from '@shared/contracts/auth-staff';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { requireSignedIn } from '../_kit/principal';
import { regionChain } from '../_kit/regions';
import { handle } from '../_kit/runtime';
import { wecomClient } from '../_kit/wecom';
import { writeAudit } from '../_kit/audit';
import { txGet, type Tx } from '../_kit/transaction';

const NOT_FOUND_MESSAGE = '您不在本平台的工作人员名单中，或账号已停用，请联系居委会书记或区联络员';

export const staffLoginHandler = handle(staffLogin, async (input, ctx) => {
  requireSignedIn(await ctx.principal());
  const openid = ctx.caller.openid;
  // WECOM_LOGIN_CODE_INVALID / WECOM_CORP_MISMATCH come from the client as they are
  const { corpId, userId } = await wecomClient().code2Session(input.code);
  const found = await ctx.db.collection('staff').where({ corpId, userId }).limit(1).get();
  const staff = (found.data as StaffDoc[])[0];
  if (!staff?.active) throw new AppError(STAFF_LOGIN_CODES.notFound, NOT_FOUND_MESSAGE);

  const _ = ctx.db.command;
  const others = await ctx.db.collection('staff').where({ openid, _id: _.neq(staff._id) }).field({ _id: true }).limit(100).get();
  const otherIds = (others.data as Pick<StaffDoc, '_id'>[]).map((o) => o._id);
  await ctx.db.runTransaction(async (tx: Tx) => {
    // re-read: a deactivation that raced this sign-in wins
    const current = await txGet<StaffDoc>(tx, 'staff', staff._id);
    if (!current?.active) throw new AppError(STAFF_LOGIN_CODES.notFound, NOT_FOUND_MESSAGE);
    for (const id of otherIds) await tx.collection('staff').doc(id).update({ openid: null });
    await tx.collection('staff').doc(staff._id).update({ openid });
    await writeAudit(tx, {
      at: ctx.now(),
      actorId: staff._id,
      action: 'staff.bind',
      subjectType: 'staff',
      subjectId: staff._id,
      details: { replacedBinding: current.openid !== null && current.openid !== openid, unboundStaffIds: otherIds },
    });
  });

  const chain = await regionChain(ctx.db, staff);
  const ref = (d: { _id: string; name: string } | null) => (d ? { id: d._id, name: d.name } : null);
  return { staffId: staff._id, name: staff.name, roles: staff.roles, committee: ref(chain.committee), street: ref(chain.street), district: ref(chain.district) };
});
