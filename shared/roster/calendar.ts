/**
 * China's official holiday calendar (国务院办公厅 arrangements, from the `chinese-days` package):
 * statutory holidays, weekend rest days, and adjusted working days (调休上班). Dates are Shanghai
 * local dates; the package parses 'YYYY-MM-DD' as a calendar date, so the process zone is irrelevant.
 */
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import { dayjs, isLocalDate } from '../time';

import type { DayType } from '../domain/roster';

export { DAY_TYPES, type DayType } from '../domain/roster';

export interface CalendarDay {
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  type: DayType;
  /** Chinese name of the holiday a holiday or adjusted working day belongs to, e.g. 国庆节 */
  holiday: string | null;
  /**
   * false when the package has no official arrangement for the year yet (the State Council
   * publishes each year's in the autumn before): the day is then typed by weekday alone.
   */
  official: boolean;
}

const published = new Map<number, boolean>();
function yearPublished(year: number): boolean {
  let known = published.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    published.set(year, known);
  }
  return known;
}

export function calendarDay(date: string): CalendarDay {
  if (!isLocalDate(date)) throw new RangeError(`not a local date: ${date}`);
  const detail = getDayDetail(date);
  // holiday entries are named "English,中文,days"; ordinary days carry the weekday's name
  const parts = detail.name.split(',');
  const holiday = parts.length >= 2 ? (parts[1] ?? null) : null;
  const dow = dayjs(date).day();
  const weekday = dow === 0 ? 7 : dow;
  const type: DayType = detail.work ? (holiday ? 'adjusted_workday' : 'workday') : holiday ? 'holiday' : 'weekend';
  return { date, weekday, type, holiday, official: yearPublished(Number(date.slice(0, 4))) };
}
