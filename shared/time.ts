/**
 * All calendar logic is in Asia/Shanghai, never the server's own zone (CloudBase runs in UTC).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const SHANGHAI = 'Asia/Shanghai';
export { dayjs };

/** A Shanghai local date such as 2026-10-01. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function shanghai(input?: dayjs.ConfigType): dayjs.Dayjs {
  return input === undefined ? dayjs().tz(SHANGHAI) : dayjs(input).tz(SHANGHAI);
}

/** A real calendar date in Shanghai; dayjs alone would roll 2026-13-01 over into 2027. */
function parseLocalDate(date: string): dayjs.Dayjs {
  const d = LOCAL_DATE.test(date) ? dayjs.tz(date, SHANGHAI) : null;
  if (!d || !d.isValid() || d.format('YYYY-MM-DD') !== date) throw new RangeError(`not a local date: ${date}`);
  return d;
}

export function isLocalDate(date: string): boolean {
  try {
    parseLocalDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Midnight at the start of a Shanghai local date, as an absolute instant. */
export function startOfLocalDate(date: string): Date {
  return parseLocalDate(date).toDate();
}

/** The Shanghai local date (YYYY-MM-DD) an instant falls on. */
export function localDateOf(instant: Date | number | string): string {
  return dayjs(instant).tz(SHANGHAI).format('YYYY-MM-DD');
}

/** The Shanghai month (YYYY-MM) an instant falls on. */
export function localMonthOf(instant: Date | number | string): string {
  return dayjs(instant).tz(SHANGHAI).format('YYYY-MM');
}

export interface Window {
  /** first local date, inclusive */
  from: string;
  /** last local date, inclusive */
  to: string;
  /** absolute start, inclusive */
  start: Date;
  /** absolute end, exclusive: 00:00:00 Shanghai on the day after `to` */
  end: Date;
}

/** `days` consecutive natural days from a Shanghai local date (seed 000: 月度 = 30 days). */
export function localWindow(from: string, days = 30): Window {
  const start = parseLocalDate(from);
  const end = start.add(days, 'day');
  return { from, to: end.subtract(1, 'day').format('YYYY-MM-DD'), start: start.toDate(), end: end.toDate() };
}

/** The calendar month (Shanghai) containing `month` = YYYY-MM, as a window. */
export function monthWindow(month: string): Window {
  if (!/^\d{4}-\d{2}$/.test(month) || !isLocalDate(`${month}-01`)) throw new RangeError(`not a month: ${month}`);
  const start = parseLocalDate(`${month}-01`);
  const end = start.add(1, 'month');
  return { from: start.format('YYYY-MM-DD'), to: end.subtract(1, 'day').format('YYYY-MM-DD'), start: start.toDate(), end: end.toDate() };
}

export function isWithin(instant: Date, w: Pick<Window, 'start' | 'end'>): boolean {
  const t = instant.getTime();
  return t >= w.start.getTime() && t < w.end.getTime();
}
