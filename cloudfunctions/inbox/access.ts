/**
 * Who may see and touch a question: the asker (their own only) and the staff of its committee.
 * Anyone else gets NOT_FOUND, so ids of other committees' questions reveal nothing.
 */
import { INBOX_CODES } from '@shared/contracts/inbox';
import type { QuestionDoc } from '@shared/domain/inbox';
import { AppError, isAppError } from '@shared/errors';
import { committeeStaff, committeeStaffOrNull, inCommittee, resident, type ResidentCaller, type StaffCaller } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';

type Ctx = Pick<ActionContext, 'db' | 'caller' | 'principal'>;

const NOT_FOUND = '留言不存在或无权查看';
const notFound = () => new AppError('NOT_FOUND', NOT_FOUND);

/** The asker is the WeChat identity that asked; a call without one is nobody's asker. */
const askedBy = (q: QuestionDoc, openid: string) => !!openid && q.askerOpenid === openid;

/** A resident with a claimed household: the only people who ask. */
export async function askingResident(ctx: Ctx): Promise<ResidentCaller> {
  try {
    return await resident(ctx);
  } catch (e) {
    if (isAppError(e) && e.code === 'FORBIDDEN') throw new AppError(INBOX_CODES.notResident, '请先完成家庭注册，再向居委会留言');
    throw e;
  }
}

export type Viewer = { kind: 'asker' } | { kind: 'staff'; who: StaffCaller };

/** The question and the caller's relation to it; NOT_FOUND when they have none. */
export async function questionFor(ctx: Ctx, id: string): Promise<{ q: QuestionDoc; viewer: Viewer }> {
  const q = await collection(ctx.db, 'inbox_questions').byId(id);
  if (!q) throw notFound();
  if (askedBy(q, ctx.caller.openid)) return { q, viewer: { kind: 'asker' } };
  const who = await committeeStaffOrNull(ctx);
  if (!who) throw notFound();
  return { q: inCommittee(q, who, NOT_FOUND), viewer: { kind: 'staff', who } };
}

/** The question, for a write only its committee's staff may make. */
export async function questionForStaff(ctx: Ctx, id: string): Promise<{ q: QuestionDoc; who: StaffCaller }> {
  const who = await committeeStaff(ctx);
  return { q: await collection(ctx.db, 'inbox_questions').byIdIn(id, who, NOT_FOUND), who };
}

/** The question, for a write only its asker may make. */
export async function questionForAsker(ctx: Ctx, id: string): Promise<QuestionDoc> {
  const q = await collection(ctx.db, 'inbox_questions').byId(id);
  if (!q || !askedBy(q, ctx.caller.openid)) throw notFound();
  return q;
}
