/**
 * Shift timing rules (docs/worklog.md): a shift is a window of Shanghai wall-clock time on one
 * local date; staff sign in from 15 minutes before the start until the end; a sign-in no later
 * than 15 minutes after the start is on time (按时到岗) and counts for 错时值班.
 */
import type { ShiftKind } from '../domain/roster';
import { dayjs, SHANGHAI } from '../time';
import type { CalendarDay } from './calendar';

export const SIGN_IN_EARLY_MS = 15 * 60_000;
export const ON_TIME_GRACE_MS = 15 * 60_000;
/** Evening shifts (晚间) start at or after 17:00. */
export const EVENING_FROM = '17:00';

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The absolute instants of a local date's wall-clock time. */
export function localInstant(date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', SHANGHAI).toDate();
}

export function shiftInstants(date: string, start: string, end: string): { startAt: Date; endAt: Date } {
  return { startAt: localInstant(date, start), endAt: localInstant(date, end) };
}

export type SignInVerdict = 'too_early' | 'on_time' | 'late' | 'closed';

/** Whether a sign-in at `now` is allowed, and whether it counts as on time. */
export function signInVerdict(shift: { startAt: Date; endAt: Date }, now: Date): SignInVerdict {
  const t = now.getTime();
  const start = shift.startAt.getTime();
  if (t < start - SIGN_IN_EARLY_MS) return 'too_early';
  if (t >= shift.endAt.getTime()) return 'closed';
  return t <= start + ON_TIME_GRACE_MS ? 'on_time' : 'late';
}

/**
 * The kind a slot has by the calendar and the clock: a statutory holiday is a holiday shift, a
 * weekend rest day a weekend shift (an adjusted working Saturday is a working day), otherwise
 * evening from 17:00, else regular.
 */
export function naturalKind(day: CalendarDay, start: string): ShiftKind {
  if (day.type === 'holiday') return 'holiday';
  if (day.type === 'weekend') return 'weekend';
  return start >= EVENING_FROM ? 'evening' : 'regular';
}

/** A kind the secretary chose must not contradict the calendar; null when it is acceptable. */
export function kindProblem(day: CalendarDay, start: string, kind: ShiftKind): string | null {
  if (kind === 'holiday' && day.type !== 'holiday') return `${day.date} 不是法定节假日`;
  if (kind === 'weekend' && day.type !== 'weekend') return `${day.date} 不是周末休息日`;
  if (kind === 'evening' && start < EVENING_FROM) return `晚间班应在 ${EVENING_FROM} 或之后开始`;
  return null;
}

/** Monday of the Shanghai week containing `date`. */
export function weekStart(date: string): string {
  const d = dayjs(date);
  const dow = d.day() === 0 ? 7 : d.day();
  return d.subtract(dow - 1, 'day').format('YYYY-MM-DD');
}

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}
