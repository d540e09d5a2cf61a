/** Reading questions: the resident's own, one question, and the committee inbox for staff. */
import { getQuestion, myQuestions, staffInbox } from '@shared/contracts/inbox';
import { QUESTIONS, type QuestionDoc } from '@shared/domain/inbox';
import { requireSignedIn } from '../_kit/principal';
import { handle } from '../_kit/runtime';
import { questionFor, requireCommitteeStaff } from './access';
import { questionView } from './view';

const nextOffset = (offset: number, got: number, total: number) => (offset + got < total ? offset + got : null);

export const myQuestionsHandler = handle(myQuestions, async (input, ctx) => {
  const p = await ctx.principal();
  requireSignedIn(p);
  const coll = ctx.db.collection(QUESTIONS);
  const where = { askerOpenid: p.openid };
  const [page, count] = await Promise.all([coll.where(where).orderBy('askedAt', 'desc').orderBy('_id', 'desc').skip(input.offset).limit(input.limit).get(), coll.where(where).count()]);
  const items = (page.data as QuestionDoc[]).map((q) => questionView(q, 'asker', ctx.now()));
  return { items, total: count.total, nextOffset: nextOffset(input.offset, items.length, count.total) };
});

export const getQuestionHandler = handle(getQuestion, async (input, ctx) => {
  const { q, viewer } = await questionFor(ctx.db, await ctx.principal(), input.id);
  return { question: questionView(q, viewer.kind, ctx.now()) };
});

/**
 * Open questions first, earliest deadline first (the most urgent on top); then answered ones,
 * latest answer first. The two parts are two indexed queries paged as one list.
 */
export const staffInboxHandler = handle(staffInbox, async (input, ctx) => {
  const staff = requireCommitteeStaff(await ctx.principal());
  const _ = ctx.db.command;
  const coll = ctx.db.collection(QUESTIONS);
  const now = ctx.now();
  const open = { committeeId: staff.committeeId, status: 'open' };
  const answered = { committeeId: staff.committeeId, status: 'answered' };
  const [openCount, answeredCount, overdueCount] = await Promise.all([
    coll.where(open).count(),
    coll.where(answered).count(),
    coll.where({ ...open, dueAt: _.lt(now) }).count(),
  ]);
  const openTotal = input.status === 'answered' ? 0 : openCount.total;
  const answeredTotal = input.status === 'open' ? 0 : answeredCount.total;
  const docs: QuestionDoc[] = [];
  if (input.offset < openTotal) {
    const res = await coll.where(open).orderBy('dueAt', 'asc').orderBy('_id', 'asc').skip(input.offset).limit(input.limit).get();
    docs.push(...(res.data as QuestionDoc[]));
  }
  const room = input.limit - docs.length;
  if (room > 0 && answeredTotal > 0) {
    const skip = Math.max(0, input.offset - openTotal);
    if (skip < answeredTotal) {
      const res = await coll.where(answered).orderBy('answeredAt', 'desc').orderBy('_id', 'asc').skip(skip).limit(room).get();
      docs.push(...(res.data as QuestionDoc[]));
    }
  }
  const total = openTotal + answeredTotal;
  return {
    items: docs.map((q) => questionView(q, 'staff', now)),
    total,
    nextOffset: nextOffset(input.offset, docs.length, total),
    openCount: openCount.total,
    overdueCount: overdueCount.total,
  };
});
