/**
 * Dates and times as the app shows and sends them: always the Shanghai calendar and wall clock
 * (dayjs utc + timezone through @shared/time), never the phone's own zone, so a phone set to
 * another zone shows what the committee sees. The one module for the client: pages do not
 * format instants themselves.
 */
import { dayjs, SHANGHAI, shanghai } from '@shared/time';

/** an instant as the contracts give it (ISO string), or as the client holds one */
export type Instant = Date | string | number;

/**
 * `full`: 2026年11月23日 14:05 (what residents read);
 * `short`: 11月23日 14:05, with the year only when it is not this year (staff lists and cards).
 */
export type DateStyle = 'full' | 'short';

const withYear = (t: dayjs.Dayjs, style: DateStyle) => style === 'full' || t.year() !== shanghai().year();

/** A calendar date (YYYY-MM-DD) read in Shanghai; noon keeps it clear of any day boundary. */
const onDate = (date: string) => dayjs.tz(`${date} 12:00`, SHANGHAI);

/** 2026-11-23: the Shanghai date of an instant (now by default) */
export function localDate(instant: Instant = Date.now()): string {
  return shanghai(instant).format('YYYY-MM-DD');
}

/** 14:05 */
export function localTime(instant: Instant = Date.now()): string {
  return shanghai(instant).format('HH:mm');
}

/** 2026-11 */
export function localMonth(instant: Instant = Date.now()): string {
  return shanghai(instant).format('YYYY-MM');
}

/** An instant with its date and time: 2026年11月23日 14:05, or 11月23日 14:05 (`short`). */
export function formatDateTime(instant: Instant, style: DateStyle = 'full'): string {
  const t = shanghai(instant);
  return t.format(withYear(t, style) ? 'YYYY年M月D日 HH:mm' : 'M月D日 HH:mm');
}

/** The day of an instant: 2026年11月23日 */
export function formatDay(instant: Instant): string {
  return shanghai(instant).format('YYYY年M月D日');
}

/** A calendar date (2026-11-23, not an instant): 2026年11月23日, or 11月23日 (`short`: always without the year). */
export function formatLocalDate(date: string, style: DateStyle = 'full'): string {
  return onDate(date).format(style === 'full' ? 'YYYY年M月D日' : 'M月D日');
}

/** 2026年11月 from 2026-11 */
export function formatMonth(month: string): string {
  return onDate(`${month}-01`).format('YYYY年M月');
}

/** 2026年11月30日 19:38 至 22:38: the end's date only when it is another day. */
export function formatSpan(start: Instant, end: Instant | null, style: DateStyle = 'full'): string {
  if (end === null) return formatDateTime(start, style);
  return `${formatDateTime(start, style)} 至 ${localDate(start) === localDate(end) ? localTime(end) : formatDateTime(end, style)}`;
}

/** The instant a Shanghai date and time stand for, as the contracts take it. */
export function toInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  return onDate(`${month}-01`).add(by, 'month').format('YYYY-MM');
}

/** The date `days` after a Shanghai date. */
export function addDays(date: string, days: number): string {
  return onDate(date).add(days, 'day').format('YYYY-MM-DD');
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
/** 1 = Monday … 7 = Sunday → 周一 … 周日 */
export function weekdayName(weekday: number): string {
  return `周${WEEKDAYS[weekday - 1] ?? ''}`;
}
