/** One indicator of a snapshot: the rubric's wording, the score and band, what the next band takes, every committee holding it back. */
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getSnapshot, type SnapshotView } from '@shared/contracts/metrics';
import { AppError } from '@shared/errors';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { allowedScores } from '../../../../components/liaison/assessable';
import { IndicatorCard } from '../../../../components/liaison/IndicatorCard';
import { mayAssess } from '../../../../components/liaison/roles';
import { indicatorText } from '../../../../components/liaison/rubric';
import { open } from '../../../../components/staff/nav';
import { useAsync } from '../../../../hooks/useAsync';
import type { Me } from '../../../../hooks/useMe';
import { LIAISON_ROLES } from '../../../../lib/roles';
import { call } from '../../../../services/cloud';
import '../../../../components/liaison/liaison.css';
import { ROUTES, withQuery } from '../../../../lib/routes';
import '../../../../components/staff/staff.css';

function Detail({ view, path, me }: { view: SnapshotView; path: string; me: Me }) {
  const i = view.indicators.find((x) => x.path === path);
  if (!i) return <ErrorView error={new AppError('NOT_FOUND', '这项指标不在本次统计中')} onRetry={() => open(ROUTES.liaison.home)} />;
  const text = indicatorText(path);
  const holders = view.holdingBack[path] ?? [];
  const allowed = allowedScores(i, text);
  const canAssess = view.scope.level === 'district' && mayAssess(me) && allowed !== null;
  return (
    <View>
      <IndicatorCard view={view} indicator={i} holdersShown={0} />
      {i.assessed ? (
        <View className='card'>
          <Text className='card__title'>评估人评定</Text>
          <Text className='card__text'>{i.assessed.score} 分{i.assessed.by ? `（${i.assessed.by}）` : ''}</Text>
          <Text className='card__text'>{i.assessed.reason}</Text>
          <Text className='card__hint'>证据材料 {i.assessed.evidence.length} 份</Text>
        </View>
      ) : null}
      {canAssess ? <Button className='btn btn--primary' onClick={() => open(withQuery(ROUTES.liaison.assess, { district: view.scope.districtId, path, snapshot: view.id }))}>录入评定</Button> : null}
      {text ? (
        <View className='card'>
          <Text className='card__title'>指标内容</Text>
          <Text className='card__text'>{text.points}</Text>
          <Text className='card__title'>评分标准</Text>
          {text.criteria.map((c) => <Text key={c} className='card__text'>{c}</Text>)}
        </View>
      ) : null}
      {holders.length > 0 ? (
        <View>
          <Text className='section-title'>拖后腿的居村委（差距大的在前）</Text>
          {holders.map((c) => (
            <View key={c.committeeId} className='item item--alert' onClick={() => open(withQuery(ROUTES.liaison.committee, { snapshot: view.id, committee: c.committeeId }))}>
              <Text className='item__title'>{c.name}</Text>
              <Text className='item__meta'>{c.detail}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='list__end'>没有拖后腿的居村委</Text>
      )}
    </View>
  );
}

function Load({ id, path, me }: { id: string; path: string; me: Me }) {
  const state = useAsync(() => call(getSnapshot, { id }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  return <Detail view={state.data} path={path} me={me} />;
}

export default function IndicatorPage() {
  const { params } = useRouter();
  return (
    <Screen>
      <RoleGate allow={LIAISON_ROLES} area='统计' audience='街镇、区联络员和市级验收人员'>
        {(me) => <Load id={decodeURIComponent(params.snapshot ?? '')} path={decodeURIComponent(params.path ?? '')} me={me} />}
      </RoleGate>
    </Screen>
  );
}
