/**
 * The 问题处置 work order as a state machine: reported → assigned → handled → closed, with the
 * only backward steps being a recorded return (handled → assigned) and a recorded reopen
 * (closed → assigned). Timeliness follows seed 002: 超期未结 (open past its due date) and 超期已结
 * (closed after its due date), judged at Asia/Shanghai day boundaries.
 */
import type { OrderEvent, OrderHistoryEntry, OrderStatus } from '../domain/worklog';
import { isWithin, localWindow, type Window } from '../time';

export const TRANSITIONS: Record<Exclude<OrderEvent, 'report'>, { from: OrderStatus[]; to: OrderStatus; needsNote: boolean }> = {
  assign: { from: ['reported'], to: 'assigned', needsNote: false },
  reassign: { from: ['assigned'], to: 'assigned', needsNote: false },
  handle: { from: ['assigned'], to: 'handled', needsNote: true },
  return: { from: ['handled'], to: 'assigned', needsNote: true },
  close: { from: ['handled'], to: 'closed', needsNote: false },
  reopen: { from: ['closed'], to: 'assigned', needsNote: true },
};

/** The status an event leads to, or null when the event is not allowed from `status` (no skipping). */
export function nextStatus(status: OrderStatus, event: Exclude<OrderEvent, 'report'>): OrderStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(status) ? t.to : null;
}

/** The instant from which closing is late: 00:00:00 Shanghai on the day after the due date. */
export function dueByOf(dueDate: string): Date {
  return localWindow(dueDate, 1).end;
}

export interface OrderTimeline {
  dueBy: Date;
  history: Pick<OrderHistoryEntry, 'to' | 'at'>[];
}

/** Whether the order was open (reported and not closed) at `instant`, replaying its history. */
export function isOpenAt(order: OrderTimeline, instant: Date): boolean {
  let status: OrderStatus | null = null;
  for (const h of order.history) {
    if (h.at.getTime() > instant.getTime()) break;
    status = h.to;
  }
  return status !== null && status !== 'closed';
}

/** Overdue open at `instant`: still open and the due date has passed. */
export function isOverdueOpenAt(order: OrderTimeline, instant: Date): boolean {
  return instant.getTime() >= order.dueBy.getTime() && isOpenAt(order, instant);
}

/** The last close inside the window, if any: the close that month's counts judge. */
export function lastCloseWithin(order: OrderTimeline, window: Pick<Window, 'start' | 'end'>): Date | null {
  let last: Date | null = null;
  for (const h of order.history) if (h.to === 'closed' && isWithin(h.at, window)) last = h.at;
  return last;
}

export interface OrderMonthCounts {
  /** reported inside the window */
  reported: number;
  /** closed inside the window (an order closed, reopened and closed again in one window counts once) */
  closed: number;
  /** of those closed, closed at or after their due-by instant */
  overdueClosed: number;
  /** open past due at the window's end, or at `now` when the window has not ended */
  overdueOpen: number;
}

export function countOrders(orders: (OrderTimeline & { reportedAt: Date })[], window: Pick<Window, 'start' | 'end'>, now: Date): OrderMonthCounts {
  // the window end is exclusive, so "open at the end" is judged at its last millisecond
  const asOf = new Date(Math.min(now.getTime(), window.end.getTime() - 1));
  const counts: OrderMonthCounts = { reported: 0, closed: 0, overdueClosed: 0, overdueOpen: 0 };
  for (const o of orders) {
    if (isWithin(o.reportedAt, window)) counts.reported++;
    const closedAt = lastCloseWithin(o, window);
    if (closedAt && closedAt.getTime() <= asOf.getTime()) {
      counts.closed++;
      if (closedAt.getTime() >= o.dueBy.getTime()) counts.overdueClosed++;
    }
    if (isOverdueOpenAt(o, asOf)) counts.overdueOpen++;
  }
  return counts;
}
