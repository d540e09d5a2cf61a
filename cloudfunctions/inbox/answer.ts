/**
 * Working a question: reply (interim or complete), hand over to a colleague, the asker's rating,
 * and resending a failed notice. State changes are conditional updates on the question's status,
 * so two staff answering at once, or two ratings, cannot both take effect.
 */
import { handOver, INBOX_CODES, rate, reply, retryNotify } from '@shared/contracts/inbox';
import { QUESTIONS, type QuestionDoc, type QuestionHandover, type QuestionReply } from '@shared/domain/inbox';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { questionForAsker, questionForStaff, readQuestion } from './access';
import { notifyQuestion } from './notify';
import { questionView } from './view';

const closed = () => new AppError(INBOX_CODES.closed, '该留言已完整答复，不能再修改');

export const replyHandler = handle(reply, async (input, ctx) => {
  const { q, staff } = await questionForStaff(ctx.db, await ctx.principal(), input.questionId);
  const replyId = recordId(ctx, 'inbox-reply');
  // a retried reply (same requestId) is already on the question
  if (!q.replies.some((r) => r.id === replyId)) {
    if (q.status !== 'open') throw closed();
    const now = ctx.now();
    const r: QuestionReply = { id: replyId, staffId: staff._id, staffName: staff.name, text: input.text, at: now, complete: input.complete };
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection(QUESTIONS)
      .where({ _id: q._id, status: 'open' })
      .update({ replies: _.push(r), ...(input.complete ? { status: 'answered', answeredBy: staff._id, answeredAt: now } : {}) });
    if (!res.updated) throw closed();
  }
  const after = (await readQuestion(ctx.db, q._id))!;
  return { question: questionView(after, 'staff', ctx.now()) };
});

export const handOverHandler = handle(handOver, async (input, ctx) => {
  const { q, staff } = await questionForStaff(ctx.db, await ctx.principal(), input.questionId);
  if (q.status !== 'open') throw closed();
  if (input.toStaffId === staff._id) throw new AppError(INBOX_CODES.badColleague, '不能转交给自己');
  const target = ((await ctx.db.collection('staff').doc(input.toStaffId).get()).data as StaffDoc[])[0];
  const colleague = target?.active && target.committeeId === q.committeeId && target.roles.some((r) => r === 'staff' || r === 'secretary');
  if (!colleague) throw new AppError(INBOX_CODES.badColleague, '只能转交给本居委会在岗的同事');
  const h: QuestionHandover = { fromStaffId: staff._id, toStaffId: target._id, note: input.note || null, at: ctx.now() };
  const _ = ctx.db.command;
  const res = await ctx.db.collection(QUESTIONS).where({ _id: q._id, status: 'open' }).update({ handovers: _.push(h), assigneeStaffId: target._id });
  if (!res.updated) throw closed();
  const after = (await readQuestion(ctx.db, q._id))!;
  return { question: questionView(after, 'staff', ctx.now()) };
});

export const rateHandler = handle(rate, async (input, ctx) => {
  const p = await ctx.principal();
  const q = await questionForAsker(ctx.db, p, input.questionId);
  if (q.status !== 'answered') throw new AppError(INBOX_CODES.notAnswered, '居委会还没有完整答复，暂时不能评价');
  const alreadyRated = () => new AppError(INBOX_CODES.alreadyRated, '您已经评价过这条答复');
  if (q.rating) throw alreadyRated();
  const rating = { satisfied: input.satisfied, at: ctx.now() };
  const res = await ctx.db.collection(QUESTIONS).where({ _id: q._id, askerOpenid: p.openid, status: 'answered', rating: null }).update({ rating });
  if (!res.updated) throw alreadyRated();
  const rated: QuestionDoc = { ...q, rating };
  return { question: questionView(rated, 'asker', ctx.now()) };
});

export const retryNotifyHandler = handle(retryNotify, async (input, ctx) => {
  const { q } = await questionForStaff(ctx.db, await ctx.principal(), input.questionId);
  if (q.notify.status === 'sent') throw new AppError(INBOX_CODES.notifyNotFailed, '通知已发送，无需重发');
  const notify = await notifyQuestion(ctx.db, q, ctx.now(), ctx.log);
  return { question: questionView({ ...q, notify }, 'staff', ctx.now()) };
});
