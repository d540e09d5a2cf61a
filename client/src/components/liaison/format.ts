/** How the dashboard writes values, scores and windows in plain Chinese. */
import type { SnapshotView } from '@shared/contracts/metrics';
import { formatLocalDate } from '../staff/time';

type Value = SnapshotView['values'][string];
export interface Fraction { num: number; den: number }

export const isFraction = (v: Value | undefined): v is Fraction => typeof v === 'object' && v !== null && 'num' in v;

/** 75.0% (one decimal is enough to read; the export keeps the exact fraction) */
export function percent(f: Fraction): string {
  return f.den > 0 ? `${((f.num / f.den) * 100).toFixed(1)}%` : '无数据';
}

/** 2.50 per committee */
export function average(f: Fraction): string {
  return f.den > 0 ? (f.num / f.den).toFixed(2) : '无数据';
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
  return `${formatLocalDate(w.from)}至${formatLocalDate(w.to)}`;
}

/** Lower than 60% of the maximum is what the dashboard marks as short. */
export function isShort(score: number, max: number | null): boolean {
  return max !== null && max > 0 && score < max * 0.6;
}

export const USAGE_TEXT: Record<string, string> = {
  allWithOutcome: '三个栏目都在用，有互动和成果',
  allUsed: '三个栏目都在用',
  oneMissing: '有一个栏目没有使用',
  twoOrMoreMissing: '两个及以上栏目没有使用',
};

/** The street and district values by key, as the drill-down shows them. */
export const VALUE_ROWS: { key: string; label: string; kind: 'rate' | 'average' }[] = [
  { key: 'initCompletionRate', label: '初始化完成率', kind: 'rate' },
  { key: 'residentInfoCompletenessRate', label: '居民信息完善率', kind: 'rate' },
  { key: 'visitsPerCommittee', label: '平均每个居委走访接待', kind: 'average' },
  { key: 'meetingsPerCommittee', label: '平均每个居委会议记录', kind: 'average' },
  { key: 'activitiesPerCommittee', label: '平均每个居委活动开展', kind: 'average' },
  { key: 'issuesHandledPerCommittee', label: '平均每个居委问题处理', kind: 'average' },
  { key: 'householdCloudRate', label: '居民家庭上云率', kind: 'rate' },
];

export function valueText(kind: 'rate' | 'average', v: Value | undefined): string {
  if (!isFraction(v)) return '无数据';
  return kind === 'rate' ? percent(v) : average(v);
}
