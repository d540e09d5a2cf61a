/**
 * Working a question: reply (interim or complete), hand over to a colleague, the asker's rating,
 * and resending a failed notice. State changes are conditional updates on the question's status,
 * so two staff answering at once, or two ratings, cannot both take effect.
 */
import { handOver, INBOX_CODES, rate, reply, retryNotify } from '@shared/contracts/inbox';
import type { QuestionDoc, QuestionHandover, QuestionReply } from '@shared/domain/inbox';
import { AppError } from '@shared/errors';
import { isCommitteeStaff } from '../_kit/access';
import { recordId } from '../_kit/idempotent';
import { handle, type ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { questionForAsker, questionForStaff } from './access';
import { notifyQuestion } from './notify';
import { questionView } from './view';

const closed = () => new AppError(INBOX_CODES.closed, '该留言已完整答复，不能再修改');

/** The question as stored after a write, as its committee's staff see it. */
async function staffViewAfter(ctx: ActionContext, id: string) {
  const after = (await collection(ctx.db, 'inbox_questions').byId(id))!;
  return { question: questionView(after, 'staff', ctx.now()) };
}

export const replyHandler = handle(reply, async (input, ctx) => {
  const { q, who } = await questionForStaff(ctx, input.questionId);
  const replyId = recordId(ctx, 'inbox-reply');
  // a retried reply (same requestId) is already on the question
  if (!q.replies.some((r) => r.id === replyId)) {
    if (q.status !== 'open') throw closed();
    const now = ctx.now();
    const r: QuestionReply = { id: replyId, staffId: who.actorId, staffName: who.staff.name, text: input.text, at: now, complete: input.complete };
    const _ = ctx.db.command;
    const res = await collection(ctx.db, 'inbox_questions').ref
      .where({ _id: q._id, status: 'open' })
      .update({ replies: _.push(r), ...(input.complete ? { status: 'answered', answeredBy: who.actorId, answeredAt: now } : {}) });
    if (!res.updated) throw closed();
  }
  return staffViewAfter(ctx, q._id);
});

export const handOverHandler = handle(handOver, async (input, ctx) => {
  const { q, who } = await questionForStaff(ctx, input.questionId);
  if (q.status !== 'open') throw closed();
  if (input.toStaffId === who.actorId) throw new AppError(INBOX_CODES.badColleague, '不能转交给自己');
  const target = await collection(ctx.db, 'staff').byId(input.toStaffId);
  if (!target || !isCommitteeStaff({ staff: target, roles: target.roles }) || target.committeeId !== q.committeeId) {
    throw new AppError(INBOX_CODES.badColleague, '只能转交给本居委会在岗的同事');
  }
  const h: QuestionHandover = { fromStaffId: who.actorId, toStaffId: target._id, note: input.note || null, at: ctx.now() };
  const _ = ctx.db.command;
  const res = await collection(ctx.db, 'inbox_questions').ref.where({ _id: q._id, status: 'open' }).update({ handovers: _.push(h), assigneeStaffId: target._id });
  if (!res.updated) throw closed();
  return staffViewAfter(ctx, q._id);
});

export const rateHandler = handle(rate, async (input, ctx) => {
  const q = await questionForAsker(ctx, input.questionId);
  if (q.status !== 'answered') throw new AppError(INBOX_CODES.notAnswered, '居委会还没有完整答复，暂时不能评价');
  const alreadyRated = () => new AppError(INBOX_CODES.alreadyRated, '您已经评价过这条答复');
  if (q.rating) throw alreadyRated();
  const rating = { satisfied: input.satisfied, at: ctx.now() };
  const res = await collection(ctx.db, 'inbox_questions').ref.where({ _id: q._id, askerOpenid: q.askerOpenid, status: 'answered', rating: null }).update({ rating });
  if (!res.updated) throw alreadyRated();
  const rated: QuestionDoc = { ...q, rating };
  return { question: questionView(rated, 'asker', ctx.now()) };
});

export const retryNotifyHandler = handle(retryNotify, async (input, ctx) => {
  const { q } = await questionForStaff(ctx, input.questionId);
  if (q.notify.status === 'sent') throw new AppError(INBOX_CODES.notifyNotFailed, '通知已发送，无需重发');
  const notify = await notifyQuestion(ctx.db, q, ctx.now(), ctx.log);
  return { question: questionView({ ...q, notify }, 'staff', ctx.now()) };
});
