/**
 * The adapter to the records other functions own: the counts of one staff member's month, read
 * from their collections and counted by their own pure rules (shared/worklog/summary.ts for
 * visits, receptions and shifts; shared/inbox/satisfied.ts for 线上反馈). Nothing here decides
 * what counts: if they change a rule, the card follows.
 *
 * 专项行动 and 志愿服务 have no records anywhere yet, so they are entered by the secretary
 * (entries.ts); see docs/points.md.
 */
import { QUESTIONS } from '@shared/domain/inbox';
import type { RecordCounts } from '@shared/domain/points';
import { SHIFTS, type ShiftDoc } from '@shared/domain/roster';
import { RECORDS, type WorkRecordDoc } from '@shared/domain/worklog';
import { satisfiedAnswersByStaff, type AnswerFacts } from '@shared/inbox/satisfied';
import { monthWindow } from '@shared/time';
import { summarizeStaffMonth } from '@shared/worklog/summary';
import type { ActionContext } from '../_kit/runtime';
import { readAll } from '../_kit/paging';

/** Records follow the person: a card counts the staff member's own work, whichever committee it was for. */
export async function recordCounts(ctx: ActionContext, staffId: string, month: string): Promise<RecordCounts> {
  const w = monthWindow(month);
  const _ = ctx.db.command;
  const inMonth = _.gte(w.start).and(_.lt(w.end));
  const [records, shifts, answers] = await Promise.all([
    readAll<WorkRecordDoc>(ctx.db.collection(RECORDS).where({ staffId, at: inMonth, removedAt: null }).orderBy('at', 'asc').orderBy('_id', 'asc')),
    readAll<ShiftDoc>(ctx.db.collection(SHIFTS).where({ staffId, startAt: inMonth }).orderBy('startAt', 'asc').orderBy('_id', 'asc')),
    readAll<AnswerFacts>(
      ctx.db
        .collection(QUESTIONS)
        .where({ answeredBy: staffId, 'rating.satisfied': true, 'rating.at': inMonth })
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
