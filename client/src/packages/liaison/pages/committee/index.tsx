/** One committee's facts in a snapshot's window: what it did and what its initialisation lacks. */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getSnapshot } from '@shared/contracts/metrics';
import { AppError } from '@shared/errors';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { committeeFacts } from '../../../../components/liaison/committee';
import { windowText } from '../../../../components/liaison/format';
import { useAsync } from '../../../../hooks/useAsync';
import { LIAISON_ROLES } from '../../../../lib/roles';
import { call } from '../../../../services/cloud';
import '../../../../components/staff/staff.css';
import '../../../../components/liaison/liaison.css';

function Load({ id, committeeId }: { id: string; committeeId: string }) {
  const state = useAsync(() => call(getSnapshot, { id }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  const view = state.data;
  const row = view.rows.find((r) => r.committeeId === committeeId);
  if (!row) return <ErrorView error={new AppError('NOT_FOUND', '本次统计中没有这个居村委')} onRetry={state.reload} />;
  const holding = view.indicators.flatMap((i) => (view.holdingBack[i.path] ?? []).filter((c) => c.committeeId === committeeId).map((c) => ({ label: i.label, detail: c.detail })));
  return (
    <View>
      <View className='card card--committee'>
        <Text className='card__label'>{windowText(view.window)}</Text>
        <Text className='card__heading'>{row.name}</Text>
        <View className='facts'>
          {committeeFacts(row).map(([k, v]) => (
            <View key={k} className='facts__row'>
              <Text className='facts__name'>{k}</Text>
              <Text className='facts__value'>{v}</Text>
            </View>
          ))}
        </View>
      </View>
      {holding.length > 0 ? <Text className='section-title'>还需提升</Text> : null}
      {holding.map((h) => (
        <View key={h.label} className='item item--alert'>
          <Text className='item__title'>{h.label}</Text>
          <Text className='item__meta'>{h.detail}</Text>
        </View>
      ))}
    </View>
  );
}

export default function CommitteePage() {
  const { params } = useRouter();
  return (
    <Screen>
      <RoleGate allow={LIAISON_ROLES} area='统计' audience='街镇、区联络员和市级验收人员'>
        {() => <Load id={decodeURIComponent(params.snapshot ?? '')} committeeId={decodeURIComponent(params.committee ?? '')} />}
      </RoleGate>
    </Screen>
  );
}
