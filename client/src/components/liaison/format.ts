/** How the dashboard writes values, scores and windows in plain Chinese. */
import { formatLocalDate } from '../../lib/time';

export interface Fraction { num: number; den: number }

/** 75.0% (one decimal is enough to read; the export keeps the exact fraction) */
export function percent(f: Fraction): string {
  return f.den > 0 ? `${((f.num / f.den) * 100).toFixed(1)}%` : '无数据';
}

/** Scores are multiples of the rubric step (1), but assessor entries and sums may not be whole. */
export function points(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function scoreOf(score: number | null, max: number | null): string {
  return max === null ? `${points(score)} 分` : `${points(score)} / ${points(max)} 分`;
}

/** 10月8日至11月6日 */
export function windowText(w: { from: string; to: string }): string {
  return `${formatLocalDate(w.from, 'short')}至${formatLocalDate(w.to, 'short')}`;
}

/** Lower than 60% of the maximum is what the dashboard marks as short. */
export function isShort(score: number, max: number | null): boolean {
  return max !== null && max > 0 && score < max * 0.6;
}
