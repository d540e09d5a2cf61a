/** One snapshot: total, trend, every indicator grouped as in the rubric, then the streets or committees below. */
import { Button, Text, View } from '@tarojs/components';
import { getSnapshot, type SnapshotSummary, type SnapshotView } from '@shared/contracts/metrics';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { ErrorView, Loading } from '../States';
import { open } from '../staff/nav';
import { formatDateTime } from '../../lib/time';
import { ExportButton } from './ExportButton';
import { points, windowText } from './format';
import { IndicatorCard } from './IndicatorCard';
import { TrendChart } from './TrendChart';
import { committeeSummary } from './committee';
import { ROUTES, withQuery } from '../../lib/routes';

function Indicators({ view }: { view: SnapshotView }) {
  // a top-level indicator (规范与创新) has no group above it: no heading repeating its name
  const groupOf = (n: number) => view.indicators[n]!.groups[0] ?? '';
  return (
    <View>
      {view.indicators.map((i, n) => {
        const g = groupOf(n);
        return (
          <View key={i.path}>
            {g && (n === 0 || groupOf(n - 1) !== g) ? <Text className='ind__group'>{g}</Text> : null}
            <IndicatorCard view={view} indicator={i} />
          </View>
        );
      })}
    </View>
  );
}

function Streets({ view }: { view: SnapshotView }) {
  if (view.streets.length === 0) return null;
  return (
    <View>
      <Text className='section-title'>各街镇</Text>
      {view.streets.map((s) => (
        <View key={s.id} className='item' onClick={() => open(withQuery(ROUTES.liaison.scope, { level: 'street', id: s.id, from: view.window.from }))}>
          <Text className='item__title'>{s.name}</Text>
          <Text className='item__meta'>街镇得分 {points(s.total)} 分 · 纳入统计 {s.counted} 个居村委</Text>
        </View>
      ))}
    </View>
  );
}

function Committees({ view }: { view: SnapshotView }) {
  if (view.scope.level !== 'street') return null;
  return (
    <View>
      <Text className='section-title'>各居村委</Text>
      {view.rows.map((r) => (
        <View key={r.committeeId} className={r.initGaps.length ? 'item item--alert' : 'item'} onClick={() => open(withQuery(ROUTES.liaison.committee, { snapshot: view.id, committee: r.committeeId }))}>
          <Text className='item__title'>{r.name}</Text>
          <Text className='item__meta'>{committeeSummary(r)}</Text>
        </View>
      ))}
    </View>
  );
}

interface Props {
  id: string;
  history: SnapshotSummary[];
  canAssess: boolean;
  onRecompute: () => void;
}

export function SnapshotPanel({ id, history, canAssess, onRecompute }: Props) {
  const state = useAsync(() => call(getSnapshot, { id }));
  if (state.status === 'loading') return <Loading text='正在读取统计…' />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  const view = state.data;
  const sameScope = history.filter((s) => s.scope.id === view.scope.id);
  return (
    <View>
      <View className='card card--committee'>
        <Text className='card__label'>{view.scope.name} · {windowText(view.window)}</Text>
        <View className='dash__total'>
          <Text className='dash__score'>{points(view.total)}</Text>
          <Text className='dash__max'>/ {points(view.max)} 分</Text>
        </View>
        <Text className='card__text'>纳入统计 {view.counted} 个居村委{view.excluded ? `，不纳入 ${view.excluded} 个` : ''}</Text>
        {!view.complete ? <Text className='card__hint'>有待评定或缺少数据的指标，总分还会变化</Text> : null}
        {view.scope.level === 'street' ? <Text className='card__hint'>街镇统计不含评估人评定的项目</Text> : null}
        <Text className='card__hint'>统计于 {formatDateTime(view.computedAt, 'short')}</Text>
      </View>
      <View className='dash__actions'>
        <Button className='btn btn--primary' onClick={onRecompute}>立即重新统计</Button>
      </View>
      <ExportButton snapshotId={view.id} />
      <TrendChart items={sameScope} max={view.max} />
      {view.ignoredAssessments.length > 0 ? (
        <View className='form__error' role='alert'>
          {view.ignoredAssessments.map((a) => <Text key={a.id} className='form__error-line'>有一项评定未被采用：{a.why}</Text>)}
        </View>
      ) : null}
      <Text className='section-title'>{canAssess && view.scope.level === 'district' ? '各项指标（点开可查看详情、录入评定）' : '各项指标（点开可查看详情）'}</Text>
      <Indicators view={view} />
      <Streets view={view} />
      <Committees view={view} />
    </View>
  );
}
