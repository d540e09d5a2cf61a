/**
 * The adapter to the records other functions own: the counts of one staff member's month, read
 * from their collections and counted by their own pure rules (shared/worklog/summary.ts for
 * visits, receptions and shifts; shared/inbox/satisfied.ts for 线上反馈). Nothing here decides
 * what counts: if they change a rule, the card follows.
 *
 * 专项行动 and 志愿服务 have no records anywhere yet, so they are entered by the secretary
 * (entries.ts); see docs/points.md.
 */
import type { RecordCounts } from '@shared/domain/points';
import { satisfiedAnswersByStaff, type AnswerFacts } from '@shared/inbox/satisfied';
import { monthWindow } from '@shared/time';
import { summarizeStaffMonth } from '@shared/worklog/summary';
import type { ActionContext } from '../_kit/runtime';
import { collection, readAll } from '../_kit/store';

/** Records follow the person: a card counts the staff member's own work, whichever committee it was for. */
export async function recordCounts(ctx: ActionContext, staffId: string, month: string): Promise<RecordCounts> {
  const w = monthWindow(month);
  const _ = ctx.db.command;
  const inMonth = _.gte(w.start).and(_.lt(w.end));
  const [records, shifts, answers] = await Promise.all([
    collection(ctx.db, 'worklog_records').all((ref) => ref.where({ staffId, at: inMonth, removedAt: null }).orderBy('at', 'asc').orderBy('_id', 'asc')),
    collection(ctx.db, 'roster_shifts').all((ref) => ref.where({ staffId, startAt: inMonth }).orderBy('startAt', 'asc').orderBy('_id', 'asc')),
    readAll<AnswerFacts>(
      collection(ctx.db, 'inbox_questions')
        .ref.where({ answeredBy: staffId, 'rating.satisfied': true, 'rating.at': inMonth })
        .field({ answeredBy: true, rating: true })
        .orderBy('_id', 'asc'),
    ),
  ]);
  const s = summarizeStaffMonth(staffId, records, shifts, w, ctx.now());
  return {
    receptionsConfirmed: s.receptionsConfirmed,
    receptionsPending: s.receptionsPending,
    satisfiedAnswers: satisfiedAnswersByStaff(answers, month).get(staffId) ?? 0,
    visits: s.visits,
    householdsVisited: s.householdsVisited,
    shiftsAttended: s.shiftsAttended,
    shiftsPlanned: s.shiftsPlanned,
  };
}
