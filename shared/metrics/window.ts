/**
 * The 月度 window of seed 000: 30 consecutive natural days (Asia/Shanghai). A liaison names the
 * first day (the city acceptance picks one in October–November); the daily run takes the 30
 * complete days that ended yesterday.
 */
import { localDateOf, localWindow, shanghai, startOfLocalDate, type Window } from '../time';

export const WINDOW_DAYS = 30;

/** The last 30 complete Shanghai days before `now`. */
export function defaultWindow(now: Date): Window {
  const from = shanghai(startOfLocalDate(localDateOf(now))).subtract(WINDOW_DAYS, 'day').format('YYYY-MM-DD');
  return localWindow(from, WINDOW_DAYS);
}

export function windowFrom(from: string | undefined, now: Date): Window {
  return from ? localWindow(from, WINDOW_DAYS) : defaultWindow(now);
}

/** A window that starts after today cannot have any records yet. */
export function startsInFuture(w: Window, now: Date): boolean {
  return w.from > localDateOf(now);
}
