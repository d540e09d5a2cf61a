/**
 * Work-order counts the metrics need beyond the worklog's own month counts: seed 001 事件办结率
 * asks for events closed within a week (形成闭环) of being reported.
 */
import type { OrderHistoryEntry } from '../domain/worklog';
import { isWithin, type Window } from '../time';

export const CLOSURE_DAYS = 7;
const WEEK_MS = CLOSURE_DAYS * 24 * 60 * 60 * 1000;

export interface ClosureOrder {
  reportedAt: Date;
  history: Pick<OrderHistoryEntry, 'to' | 'at'>[];
}

/** Reported in the window, and of those closed no later than 7 × 24 h after the report. */
export function weeklyClosure(orders: ClosureOrder[], w: Pick<Window, 'start' | 'end'>): { reported: number; closedInWeek: number } {
  let reported = 0;
  let closedInWeek = 0;
  for (const o of orders) {
    if (!isWithin(o.reportedAt, w)) continue;
    reported++;
    const firstClose = o.history.find((h) => h.to === 'closed');
    if (firstClose && firstClose.at.getTime() - o.reportedAt.getTime() <= WEEK_MS) closedInWeek++;
  }
  return { reported, closedInWeek };
}
