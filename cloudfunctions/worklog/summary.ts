/**
 * Monthly counts: per staff member for the points card (the caller's own; the secretary the
 * whole committee) and per committee for the acceptance rubric (a calendar month, or seed 000's
 * 30-day 月度). The counting itself is shared/worklog (pure); this module only reads the
 * window's documents completely.
 */
import { committeeStats, monthSummary } from '@shared/contracts/worklog';
import type { WorkOrderDoc, WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { localWindow, monthWindow, type Window } from '@shared/time';
import { countCommitteeRecords, summarizeStaffMonth } from '@shared/worklog/summary';
import { countOrders } from '@shared/worklog/workorder';
import { committeeStaff } from '../_kit/access';
import { iso } from '../_kit/iso';
import { monthShifts } from '../_kit/month-shifts';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { allCommitteeStaff } from '../_kit/staff-directory';
import { collection } from '../_kit/store';

function monthRecords(ctx: ActionContext, scope: { committeeId: string; staffId?: string }, w: Window): Promise<WorkRecordDoc[]> {
  const _ = ctx.db.command;
  const where = { ...scope, at: _.gte(w.start).and(_.lt(w.end)), removedAt: null };
  return collection(ctx.db, 'worklog_records').all((c) => c.where(where).orderBy('at', 'asc').orderBy('_id', 'asc'));
}

export const monthSummaryHandler = handle(monthSummary, async ({ month, scope }, ctx) => {
  const who = await committeeStaff(ctx);
  if (scope === 'committee' && !who.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以查看全居委会的统计');
  const w = monthWindow(month);
  const filter = scope === 'mine' ? { committeeId: who.committeeId, staffId: who.actorId } : { committeeId: who.committeeId };
  const [records, shifts, people] = await Promise.all([
    monthRecords(ctx, filter, w),
    monthShifts(ctx, filter, w),
    scope === 'mine' ? Promise.resolve([who.staff]) : allCommitteeStaff(ctx.db, who.committeeId),
  ]);
  const now = ctx.now();
  const staff = people.map((p) => ({ ...summarizeStaffMonth(p._id, records, shifts, w, now), staffName: p.name }));
  return { month, from: w.from, to: w.to, staff };
});

/**
 * Orders that can matter to a month: reported before its end and either still open or touched
 * since its start (an order closed and untouched before the month can be neither closed in it
 * nor open at its end).
 */
function monthOrders(ctx: ActionContext, committeeId: string, w: Window): Promise<WorkOrderDoc[]> {
  const _ = ctx.db.command;
  const where = _.and([{ committeeId, reportedAt: _.lt(w.end) }, _.or([{ status: _.neq('closed') }, { lastEventAt: _.gte(w.start) }])]);
  return collection(ctx.db, 'worklog_orders').all((c) => c.where(where).orderBy('reportedAt', 'asc').orderBy('_id', 'asc'));
}

export const committeeStatsHandler = handle(committeeStats, async ({ month, from }, ctx) => {
  const who = await committeeStaff(ctx);
  const w = month ? monthWindow(month) : localWindow(from!, 30);
  const now = ctx.now();
  const [records, orders] = await Promise.all([monthRecords(ctx, { committeeId: who.committeeId }, w), monthOrders(ctx, who.committeeId, w)]);
  const r = countCommitteeRecords(records, w);
  const o = countOrders(orders, w, now);
  const asOf = new Date(Math.min(now.getTime(), w.end.getTime() - 1));
  return { committeeId: who.committeeId, month: month ?? null, from: w.from, to: w.to, ...r, ordersReported: o.reported, ordersClosed: o.closed, overdueOpen: o.overdueOpen, overdueClosed: o.overdueClosed, asOf: iso(asOf) };
});
