/**
 * 总分走势: one point per window (the latest computation of each), oldest on the left. The chart
 * is a picture; the text under it says the same in words for those who cannot read it.
 */
import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { Axis, Chart, createElement, Line, Point } from '@antv/f2';
import type { SnapshotSummary } from '@shared/contracts/metrics';
import { F2Chart } from '../charts/F2Chart';
import { formatLocalDate } from '../../lib/time';
import { points } from './format';

// F2's generic component classes do not fit its own ElementType; the props are checked by F2 at render
const h = (type: unknown, props: object, ...children: unknown[]) => createElement(type as never, props, ...children);

export interface TrendPoint { to: string; label: string; total: number }

/** The latest snapshot of each window, ordered by the window's last day. */
export function trendPoints(items: SnapshotSummary[]): TrendPoint[] {
  const byWindow = new Map<string, SnapshotSummary>();
  for (const s of items) {
    const seen = byWindow.get(s.window.to);
    if (!seen || seen.computedAt < s.computedAt) byWindow.set(s.window.to, s);
  }
  return [...byWindow.values()]
    .sort((a, b) => (a.window.to < b.window.to ? -1 : 1))
    .map((s) => ({ to: s.window.to, label: `${Number(s.window.to.slice(5, 7))}/${Number(s.window.to.slice(8, 10))}`, total: s.total }));
}

export function TrendChart({ items, max }: { items: SnapshotSummary[]; max: number | null }) {
  const data = useMemo(() => trendPoints(items), [items]);
  const chart = useMemo(
    () =>
      h(
        Chart,
        { data, scale: { total: { min: 0, max: max ?? 100, tickCount: 5 }, label: { type: 'cat' } } },
        h(Axis, { field: 'label', style: { label: { fontSize: '28px', fill: '#1a1a1a' } } }),
        h(Axis, { field: 'total', style: { label: { fontSize: '28px', fill: '#1a1a1a' } } }),
        h(Line, { x: 'label', y: 'total', color: '#b3261e', style: { lineWidth: '6px' } }),
        h(Point, { x: 'label', y: 'total', color: '#b3261e', size: 8 }),
      ),
    [data, max],
  );
  if (data.length === 0) return null;
  const first = data[0]!;
  const last = data[data.length - 1]!;
  const words =
    data.length === 1
      ? `目前只有一次统计：${points(last.total)} 分。`
      : `共 ${data.length} 个统计时段，从 ${points(first.total)} 分到 ${points(last.total)} 分（最近一个时段止于 ${formatLocalDate(last.to, 'short')}）。`;
  return (
    <View className='card'>
      <Text className='card__title'>总分走势</Text>
      <F2Chart id='liaison-trend' chart={chart} label={`总分走势：${words}`} />
      <Text className='chart-note'>{words}</Text>
    </View>
  );
}
