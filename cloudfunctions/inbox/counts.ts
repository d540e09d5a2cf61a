/**
 * inbox.satisfiedCounts: 线上反馈 per staff member for a Shanghai month. The database narrows to
 * satisfied ratings in the month; the counting rule itself is shared/inbox (also used by the
 * points card).
 */
import { satisfiedCounts } from '@shared/contracts/inbox';
import { QUESTIONS, type QuestionDoc } from '@shared/domain/inbox';
import type { StaffDoc } from '@shared/domain/people';
import { onlineReplyPoints, satisfiedAnswersByStaff, type AnswerFacts } from '@shared/inbox';
import { monthWindow } from '@shared/time';
import { handle } from '../_kit/runtime';
import { requireCommitteeStaff } from './access';

const PAGE = 1000;

export const satisfiedCountsHandler = handle(satisfiedCounts, async (input, ctx) => {
  const me = requireCommitteeStaff(await ctx.principal());
  const wholeCommittee = me.roles.includes('secretary');
  const _ = ctx.db.command;
  const { start, end } = monthWindow(input.month);
  // one's own line follows the person (answers given before a move count too); the secretary's the committee
  const where = {
    ...(wholeCommittee ? { committeeId: me.committeeId } : { answeredBy: me._id }),
    'rating.satisfied': true,
    'rating.at': _.gte(start).and(_.lt(end)),
  };
  const facts: AnswerFacts[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const res = await ctx.db.collection(QUESTIONS).where(where).field({ answeredBy: true, rating: true }).orderBy('_id', 'asc').skip(offset).limit(PAGE).get();
    facts.push(...(res.data as Pick<QuestionDoc, 'answeredBy' | 'rating'>[]));
    if (res.data.length < PAGE) break;
  }
  const counts = satisfiedAnswersByStaff(facts, input.month);

  // the secretary's view lists every colleague, a zero included, plus anyone since moved away
  const colleagues = wholeCommittee ? ((await ctx.db.collection('staff').where({ committeeId: me.committeeId }).limit(1000).get()).data as StaffDoc[]) : [me];
  const names = new Map(colleagues.map((s) => [s._id, s.name]));
  const missing = [...counts.keys()].filter((id) => !names.has(id));
  if (missing.length) {
    const res = await ctx.db.collection('staff').where({ _id: _.in(missing) }).limit(1000).get();
    for (const s of res.data as StaffDoc[]) names.set(s._id, s.name);
  }
  const shown = wholeCommittee ? new Set([...colleagues.filter((s) => s.active).map((s) => s._id), ...counts.keys()]) : new Set([me._id]);
  const items = [...shown]
    .map((staffId) => {
      const n = counts.get(staffId) ?? 0;
      return { staffId, name: names.get(staffId) ?? '', satisfiedAnswers: n, points: onlineReplyPoints(n) };
    })
    .sort((a, b) => b.satisfiedAnswers - a.satisfiedAnswers || a.staffId.localeCompare(b.staffId));
  return { month: input.month, items };
});
