/**
 * auth.staffLogin: binds the caller's OPENID to the active staff record of the WeCom member whose
 * `wx.qy.login` code this is. One record has one OPENID (a new phone replaces the old binding) and
 * one OPENID acts for one record (binding it elsewhere unbinds it here).
 */
import { STAFF_LOGIN_CODES, staffLogin } from '@shared/contracts/auth-staff';
import { AppError } from '@shared/errors';
import { signedIn } from '../_kit/access';
import { writeAudit } from '../_kit/audit';
import { regionChain, regionRefs } from '../_kit/regions';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';
import { wecomClient } from '../_kit/wecom';

const NOT_FOUND_MESSAGE = '您不在本平台的工作人员名单中，或账号已停用，请联系居委会书记或区联络员';

export const staffLoginHandler = handle(staffLogin, async (input, ctx) => {
  const { openid } = await signedIn(ctx);
  // WECOM_LOGIN_CODE_INVALID / WECOM_CORP_MISMATCH come from the client as they are
  const { corpId, userId } = await wecomClient().code2Session(input.code);
  const directory = collection(ctx.db, 'staff');
  const staff = await directory.first({ corpId, userId });
  if (!staff?.active) throw new AppError(STAFF_LOGIN_CODES.notFound, NOT_FOUND_MESSAGE);

  const _ = ctx.db.command;
  const others = await directory.some((c) => c.where({ openid, _id: _.neq(staff._id) }).field({ _id: true }), 100);
  const otherIds = others.map((o) => o._id);
  await inTransaction(ctx.db, async (tx) => {
    // re-read: a deactivation that raced this sign-in wins
    const current = await txGet(tx, 'staff', staff._id);
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

  return { staffId: staff._id, name: staff.name, roles: staff.roles, ...regionRefs(await regionChain(ctx.db, staff)) };
});
