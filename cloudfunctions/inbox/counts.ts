/**
 * inbox.satisfiedCounts: 线上反馈 per staff member for a Shanghai month. The database narrows to
 * satisfied ratings in the month; the counting rule itself is shared/inbox (also used by the
 * points card).
 */
import { satisfiedCounts } from '@shared/contracts/inbox';
import { onlineReplyPoints, satisfiedAnswersByStaff, type AnswerFacts } from '@shared/inbox';
import { monthWindow } from '@shared/time';
import { committeeStaff } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';

export const satisfiedCountsHandler = handle(satisfiedCounts, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const wholeCommittee = who.isSecretary;
  const _ = ctx.db.command;
  const { start, end } = monthWindow(input.month);
  // one's own line follows the person (answers given before a move count too); the secretary's the committee
  const where = {
    ...(wholeCommittee ? { committeeId: who.committeeId } : { answeredBy: who.actorId }),
    'rating.satisfied': true,
    'rating.at': _.gte(start).and(_.lt(end)),
  };
  const facts: AnswerFacts[] = await collection(ctx.db, 'inbox_questions').all((c) => c.where(where).field({ answeredBy: true, rating: true }).orderBy('_id', 'asc'));
  const counts = satisfiedAnswersByStaff(facts, input.month);

  // the secretary's view lists every colleague, a zero included, plus anyone since moved away
  const staff = collection(ctx.db, 'staff');
  const colleagues = wholeCommittee ? await staff.some((c) => c.where({ committeeId: who.committeeId }), 1000) : [who.staff];
  const names = new Map(colleagues.map((s) => [s._id, s.name]));
  const missing = [...counts.keys()].filter((id) => !names.has(id));
  for (const s of await staff.byIds(missing)) names.set(s._id, s.name);
  const shown = wholeCommittee ? new Set([...colleagues.filter((s) => s.active).map((s) => s._id), ...counts.keys()]) : new Set([who.actorId]);
  const items = [...shown]
    .map((staffId) => {
      const n = counts.get(staffId) ?? 0;
      return { staffId, name: names.get(staffId) ?? '', satisfiedAnswers: n, points: onlineReplyPoints(n) };
    })
    .sort((a, b) => b.satisfiedAnswers - a.satisfiedAnswers || a.staffId.localeCompare(b.staffId));
  return { month: input.month, items };
});
