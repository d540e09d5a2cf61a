/**
 * Monthly counts: per staff member for the points card (the caller's own; the secretary the
 * whole committee) and per committee for the acceptance rubric (a calendar month, or seed 000's
 * 30-day 月度). The counting itself is shared/worklog (pure); this module only reads the
 * window's documents completely.
 */
import { committeeStats, monthSummary } from '@shared/contracts/worklog';
import { RECORDS, type WorkOrderDoc, type WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { localWindow, monthWindow, type Window } from '@shared/time';
import { countCommitteeRecords, summarizeStaffMonth } from '@shared/worklog/summary';
import { countOrders } from '@shared/worklog/workorder';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { allCommitteeStaff, committeeMember } from '../_kit/committee-access';
import { monthShifts } from '../_kit/month-shifts';
import { ORDERS } from './orders';
import { iso, readAll } from '../_kit/paging';

function monthRecords(ctx: ActionContext, scope: { committeeId: string; staffId?: string }, w: Window): Promise<WorkRecordDoc[]> {
  const _ = ctx.db.command;
  const where = { ...scope, at: _.gte(w.start).and(_.lt(w.end)), removedAt: null };
  return readAll<WorkRecordDoc>(ctx.db.collection(RECORDS).where(where).orderBy('at', 'asc').orderBy('_id', 'asc'));
}

export const monthSummaryHandler = handle(monthSummary, async ({ month, scope }, ctx) => {
  const m = await committeeMember(ctx);
  if (scope === 'committee' && !m.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以查看全居委会的统计');
  const w = monthWindow(month);
  const filter = scope === 'mine' ? { committeeId: m.committeeId, staffId: m.staff._id } : { committeeId: m.committeeId };
  const [records, shifts, people] = await Promise.all([
    monthRecords(ctx, filter, w),
    monthShifts(ctx, filter, w),
    scope === 'mine' ? Promise.resolve([m.staff]) : allCommitteeStaff(ctx.db, m.committeeId),
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
  return readAll<WorkOrderDoc>(ctx.db.collection(ORDERS).where(where).orderBy('reportedAt', 'asc').orderBy('_id', 'asc'));
}

export const committeeStatsHandler = handle(committeeStats, async ({ month, from }, ctx) => {
  const m = await committeeMember(ctx);
  const w = month ? monthWindow(month) : localWindow(from!, 30);
  const now = ctx.now();
  const [records, orders] = await Promise.all([monthRecords(ctx, { committeeId: m.committeeId }, w), monthOrders(ctx, m.committeeId, w)]);
  const r = countCommitteeRecords(records, w);
  const o = countOrders(orders, w, now);
  const asOf = new Date(Math.min(now.getTime(), w.end.getTime() - 1));
  return { committeeId: m.committeeId, month: month ?? null, from: w.from, to: w.to, ...r, ordersReported: o.reported, ordersClosed: o.closed, overdueOpen: o.overdueOpen, overdueClosed: o.overdueClosed, asOf: iso(asOf) };
});
