/**
 * The work-order state machine and seed 002's timeliness counts at exact Shanghai boundaries
 * (the process runs in UTC, as CloudBase does).
 */
import type { OrderHistoryEntry } from '../../../shared/domain/worklog';
import { monthWindow } from '../../../shared/time';
import { countOrders, dueByOf, isOpenAt, isOverdueOpenAt, nextStatus } from '../../../shared/worklog/workorder';

const at = (s: string) => new Date(s);
type Step = Pick<OrderHistoryEntry, 'to' | 'at'>;
const order = (dueDate: string, reportedAt: string, steps: [OrderHistoryEntry['to'], string][]) => ({
  dueBy: dueByOf(dueDate),
  reportedAt: at(reportedAt),
  history: [{ to: 'reported', at: at(reportedAt) } as Step, ...steps.map(([to, when]) => ({ to, at: at(when) }))],
});

describe('work-order transitions', () => {
  it('allows only the next step, a recorded return and a recorded reopen', () => {
    expect(nextStatus('reported', 'assign')).toBe('assigned');
    expect(nextStatus('assigned', 'reassign')).toBe('assigned');
    expect(nextStatus('assigned', 'handle')).toBe('handled');
    expect(nextStatus('handled', 'close')).toBe('closed');
    expect(nextStatus('handled', 'return')).toBe('assigned');
    expect(nextStatus('closed', 'reopen')).toBe('assigned');
  });

  it('refuses skipping and moving a closed order other than by reopening', () => {
    expect(nextStatus('reported', 'handle')).toBeNull();
    expect(nextStatus('reported', 'close')).toBeNull();
    expect(nextStatus('assigned', 'close')).toBeNull();
    expect(nextStatus('closed', 'assign')).toBeNull();
    expect(nextStatus('closed', 'handle')).toBeNull();
    expect(nextStatus('closed', 'close')).toBeNull();
    expect(nextStatus('handled', 'assign')).toBeNull();
    expect(nextStatus('reported', 'reopen')).toBeNull();
  });
});

describe('due dates at Shanghai day boundaries', () => {
  it('a due date ends at 00:00:00 Shanghai the next day', () => {
    expect(dueByOf('2026-10-15').toISOString()).toBe('2026-10-15T16:00:00.000Z');
  });

  it('closing at 23:59:59 on the due date is on time; at 00:00:00 the next day it is late', () => {
    const w = monthWindow('2026-10');
    const now = at('2026-11-20T00:00:00+08:00');
    const onTime = order('2026-10-15', '2026-10-10T09:00:00+08:00', [['assigned', '2026-10-10T10:00:00+08:00'], ['handled', '2026-10-15T20:00:00+08:00'], ['closed', '2026-10-15T23:59:59+08:00']]);
    const late = order('2026-10-15', '2026-10-10T09:00:00+08:00', [['assigned', '2026-10-10T10:00:00+08:00'], ['handled', '2026-10-15T20:00:00+08:00'], ['closed', '2026-10-16T00:00:00+08:00']]);
    expect(countOrders([onTime], w, now)).toEqual({ reported: 1, closed: 1, overdueClosed: 0, overdueOpen: 0 });
    expect(countOrders([late], w, now)).toEqual({ reported: 1, closed: 1, overdueClosed: 1, overdueOpen: 0 });
  });

  it('an open order becomes overdue at 00:00:00 after its due date, not at 23:59:59', () => {
    const o = order('2026-10-15', '2026-10-10T09:00:00+08:00', []);
    expect(isOverdueOpenAt(o, at('2026-10-15T23:59:59.999+08:00'))).toBe(false);
    expect(isOverdueOpenAt(o, at('2026-10-16T00:00:00+08:00'))).toBe(true);
  });

  it('judges overdue-open at the last moment of a past month, and at now in the current one', () => {
    const w = monthWindow('2026-10');
    // due on the month's last day: not overdue within October
    const dueLastDay = order('2026-10-31', '2026-10-20T09:00:00+08:00', []);
    // due the day before: overdue at 23:59:59.999 on 10-31, closed in November
    const dueBefore = order('2026-10-30', '2026-10-20T09:00:00+08:00', [['assigned', '2026-10-20T10:00:00+08:00'], ['handled', '2026-11-02T10:00:00+08:00'], ['closed', '2026-11-02T11:00:00+08:00']]);
    expect(countOrders([dueLastDay, dueBefore], w, at('2026-12-01T00:00:00+08:00'))).toEqual({ reported: 2, closed: 0, overdueClosed: 0, overdueOpen: 1 });
    // the same month seen on 10-30 at noon: nothing is overdue yet
    expect(countOrders([dueLastDay, dueBefore], w, at('2026-10-30T12:00:00+08:00')).overdueOpen).toBe(0);
    // and November counts the late close of the order October saw open
    expect(countOrders([dueLastDay, dueBefore], monthWindow('2026-11'), at('2026-12-01T00:00:00+08:00'))).toEqual({ reported: 0, closed: 1, overdueClosed: 1, overdueOpen: 1 });
  });

  it('replays reopens: an order closed, reopened and still open is open', () => {
    const o = order('2026-10-15', '2026-10-01T09:00:00+08:00', [['assigned', '2026-10-01T10:00:00+08:00'], ['handled', '2026-10-05T10:00:00+08:00'], ['closed', '2026-10-05T11:00:00+08:00'], ['assigned', '2026-10-20T09:00:00+08:00']]);
    expect(isOpenAt(o, at('2026-10-10T00:00:00+08:00'))).toBe(false);
    expect(isOpenAt(o, at('2026-10-20T09:00:00+08:00'))).toBe(true);
    expect(countOrders([o], monthWindow('2026-10'), at('2026-11-05T00:00:00+08:00'))).toEqual({ reported: 1, closed: 1, overdueClosed: 0, overdueOpen: 1 });
  });

  it('an order reported after the instant is not open at it', () => {
    const o = order('2026-10-15', '2026-11-01T00:00:00+08:00', []);
    expect(isOpenAt(o, at('2026-10-31T23:59:59+08:00'))).toBe(false);
  });
});
