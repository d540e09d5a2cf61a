/** Reading questions: the resident's own, one question, and the committee inbox for staff. */
import { getQuestion, myQuestions, staffInbox } from '@shared/contracts/inbox';
import type { QuestionDoc } from '@shared/domain/inbox';
import { committeeStaff, signedIn } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { questionFor } from './access';
import { pageAcross, type Part } from './page-across';
import { questionView } from './view';

export const myQuestionsHandler = handle(myQuestions, async (input, ctx) => {
  const p = await signedIn(ctx);
  const questions = collection(ctx.db, 'inbox_questions');
  const where = { askerOpenid: p.openid };
  const [page, total] = await Promise.all([questions.page((c) => c.where(where).orderBy('askedAt', 'desc').orderBy('_id', 'desc'), input), questions.count(where)]);
  const now = ctx.now();
  return { items: page.items.map((q) => questionView(q, 'asker', now)), total, nextOffset: page.nextOffset };
});

export const getQuestionHandler = handle(getQuestion, async (input, ctx) => {
  const { q, viewer } = await questionFor(ctx, input.id);
  return { question: questionView(q, viewer.kind, ctx.now()) };
});

/**
 * Open questions first, earliest deadline first (the most urgent on top); then answered ones,
 * latest answer first. The two parts are two indexed queries paged as one list.
 */
export const staffInboxHandler = handle(staffInbox, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const _ = ctx.db.command;
  const questions = collection(ctx.db, 'inbox_questions');
  const now = ctx.now();
  const open = { committeeId: who.committeeId, status: 'open' };
  const answered = { committeeId: who.committeeId, status: 'answered' };
  const [openCount, answeredCount, overdueCount] = await Promise.all([questions.count(open), questions.count(answered), questions.count({ ...open, dueAt: _.lt(now) })]);
  const parts: Part<QuestionDoc>[] = [
    { rows: input.status === 'answered' ? 0 : openCount, page: (p) => questions.page((c) => c.where(open).orderBy('dueAt', 'asc').orderBy('_id', 'asc'), p) },
    { rows: input.status === 'open' ? 0 : answeredCount, page: (p) => questions.page((c) => c.where(answered).orderBy('answeredAt', 'desc').orderBy('_id', 'asc'), p) },
  ];
  const page = await pageAcross(parts, input);
  return {
    items: page.items.map((q) => questionView(q, 'staff', now)),
    total: parts[0]!.rows + parts[1]!.rows,
    nextOffset: page.nextOffset,
    openCount,
    overdueCount,
  };
});
