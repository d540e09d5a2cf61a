/**
 * Dates as residents read them, in Shanghai time. Shanghai has no daylight saving, so a fixed
 * +8 h offset is exact and avoids relying on Intl time zones, which some phones lack.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function parts(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月23日 14:05 */
export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`;
}

/** 2026年11月23日, from an instant */
export function formatDay(iso: string): string {
  const p = parts(iso);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** 2026年12月13日, from a calendar date such as 2026-12-13 */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026年11月30日 19:38 至 22:38 (the end's date only when it is another day) */
export function formatSpan(startIso: string, endIso: string | null): string {
  if (!endIso) return formatDateTime(startIso);
  const sameDay = formatDay(startIso) === formatDay(endIso);
  const end = parts(endIso);
  return `${formatDateTime(startIso)} 至 ${sameDay ? `${pad(end.h)}:${pad(end.min)}` : formatDateTime(endIso)}`;
}
