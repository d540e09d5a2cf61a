/**
 * Shanghai wall-clock helpers for the staff pages. Shanghai has no daylight saving, so a fixed
 * +08:00 is exact and keeps the time-zone database out of the subpackage.
 */
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function wall(instant: Date | string | number): Date {
  return new Date(new Date(instant).getTime() + OFFSET_MS);
}

/** 2026-11-23 */
export function localDate(instant: Date | string | number = Date.now()): string {
  const d = wall(instant);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 14:05 */
export function localTime(instant: Date | string | number = Date.now()): string {
  const d = wall(instant);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 2026-11 */
export function localMonth(instant: Date | string | number = Date.now()): string {
  return localDate(instant).slice(0, 7);
}

/** 11月23日 14:05, with the year when it is not this year's. */
export function formatDateTime(iso: string): string {
  const d = wall(iso);
  const thisYear = wall(Date.now()).getUTCFullYear();
  const year = d.getUTCFullYear() === thisYear ? '' : `${d.getUTCFullYear()}年`;
  return `${year}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 11月23日 from 2026-11-23 */
export function formatLocalDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** 2026年11月 from 2026-11 */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** The instant a Shanghai date and time stand for, as the contracts take it. */
export function toInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** The date `days` after a Shanghai date. */
export function addDays(date: string, days: number): string {
  return localDate(new Date(`${date}T12:00:00+08:00`).getTime() + days * 86_400_000);
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
/** 1 = Monday … 7 = Sunday → 周一 … 周日 */
export function weekdayName(weekday: number): string {
  return `周${WEEKDAYS[weekday - 1] ?? ''}`;
}
