/** One indicator: score against its maximum, the band it sits in, what the next band takes, who holds it back. */
import { Text, View } from '@tarojs/components';
import type { SnapshotView } from '@shared/contracts/metrics';
import { open } from '../staff/nav';
import { isShort, scoreOf } from './format';
import { ROUTES, withQuery } from '../../lib/routes';

type Indicator = SnapshotView['indicators'][number];

const STATUS_TEXT: Record<string, string> = { pending: '待评估人评定', missing: '缺少数据，暂按 0 分', notApplicable: '不适用' };

export function IndicatorCard({ view, indicator: i, holdersShown = 3 }: { view: SnapshotView; indicator: Indicator; holdersShown?: number }) {
  const short = isShort(i.score, i.max);
  const hints = view.hints.filter((h) => h.path === i.path);
  const holders = view.holdingBack[i.path] ?? [];
  const width = i.max ? Math.max(0, Math.min(100, (i.score / i.max) * 100)) : 0;
  return (
    <View className={short ? 'ind ind--short' : 'ind'} onClick={() => open(withQuery(ROUTES.liaison.indicator, { snapshot: view.id, path: i.path }))}>
      <View className='ind__head'>
        <Text className='ind__label'>{i.label}</Text>
        <Text className='ind__score'>{scoreOf(i.score, i.max)}</Text>
      </View>
      <View className='bar'><View className={short ? 'bar__fill bar__fill--short' : 'bar__fill'} style={{ width: `${width}%` }} /></View>
      {i.value ? <Text className='ind__line'>{i.value}</Text> : null}
      {i.band ? <Text className='ind__muted'>所在档次：{i.band}</Text> : null}
      {STATUS_TEXT[i.status] ? <Text className='ind__muted'>{STATUS_TEXT[i.status]}</Text> : null}
      {i.assessed ? <Text className='ind__muted'>评估人评定 {i.assessed.score} 分（规则建议 {i.proposed ?? '—'} 分）</Text> : null}
      {hints.map((h) => <Text key={h.text} className='ind__hint'>{h.text}</Text>)}
      {holders.length > 0 ? (
        <Text className='ind__line'>
          拖后腿的居村委：{holders.slice(0, holdersShown).map((c) => c.name).join('、')}
          {holders.length > holdersShown ? ` 等 ${holders.length} 个` : ''}
        </Text>
      ) : null}
    </View>
  );
}
