/**
 * 我的家庭: the household as the member sees it (other members' names masked, never an ID or
 * phone), 上云 state, an invitation to share with family, and leaving.
 */
import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { createInvite, leaveHousehold, myHouseholdQuery, type MyHousehold } from '@shared/contracts/household';
import { localDate } from '../../lib/time';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { IS_WEAPP } from '../signup/privacy';
import { ROUTES, withQuery } from '../../lib/routes';
import '../signup/signup.css';

function Members({ household }: { household: MyHousehold }) {
  return (
    <View className='card'>
      <Text className='card__title'>家庭成员</Text>
      {household.members.map((m, i) => (
        <View key={i} className='member'>
          <Text className='member__name'>{m.name}{m.isMe ? '（我）' : ''}</Text>
          <Text className='member__tag'>{[m.relation, m.verified ? '已登记' : null].filter(Boolean).join(' · ')}</Text>
        </View>
      ))}
      <Text className='card__hint'>为保护隐私，其他成员只显示姓氏。</Text>
    </View>
  );
}

function Invite({ token, onCreate, busy, error }: { token: string | null; onCreate: () => void; busy: boolean; error: string | null }) {
  return (
    <View className='card'>
      <Text className='card__title'>邀请家人</Text>
      <Text className='card__text'>把邀请发给家人，家人点开就能加入本户。每个邀请只能用一次，3 天内有效。</Text>
      <Alert text={error} />
      {!token ? <Button className='btn btn--primary' loading={busy} disabled={busy} onClick={onCreate}>生成邀请</Button> : null}
      {token && IS_WEAPP ? <Button className='btn btn--primary' openType='share'>发给家人</Button> : null}
      {token && !IS_WEAPP ? <Text className='card__text'>邀请链接：{withQuery(ROUTES.resident.join, { token })}</Text> : null}
    </View>
  );
}

function Household({ household, onLeft }: { household: MyHousehold; onLeft: () => void }) {
  const [token, setToken] = useState<string | null>(null);
  const invite = useSubmit(() => call(createInvite, {}));
  const leave = useSubmit((requestId) => call(leaveHousehold, {}, { requestId }));
  useShareAppMessage(() => ({
    title: '邀请您加入我家（社区云家庭登记）',
    path: token ? withQuery(ROUTES.resident.join, { token }) : ROUTES.resident.home,
  }));
  const onCreate = async () => {
    const r = await invite.submit();
    if (r) setToken(r.token);
  };
  const onLeave = async () => {
    const { confirm } = await Taro.showModal({ title: '退出家庭', content: '退出后将不再收到本户的居委会信息，可以重新登记。确定退出吗？', confirmText: '退出', cancelText: '不退出' });
    if (confirm && (await leave.submit())) onLeft();
  };
  return (
    <View>
      <View className='card card--committee'>
        <Text className='card__label'>{household.committee.name}</Text>
        <Text className='card__heading'>{[household.building, household.room].filter(Boolean).join(' ')}</Text>
        <Text className={household.onCloud ? 'card__text status--on' : 'card__text'}>
          {household.onCloud ? `已上云${household.onCloudAt ? `（${localDate(household.onCloudAt)}）` : ''}` : '尚未上云'}
        </Text>
        <Text className='card__text'>已登记的家人：{household.verifiedCount} 位</Text>
      </View>
      <Members household={household} />
      <Invite token={token} onCreate={() => void onCreate()} busy={invite.busy} error={invite.message} />
      <Alert text={leave.message} />
      <Button className='btn' loading={leave.busy} disabled={leave.busy} onClick={() => void onLeave()}>退出家庭</Button>
    </View>
  );
}

export default function HouseholdPage() {
  const state = useAsync(() => call(myHouseholdQuery, {}));
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' && state.data.household ? <Household household={state.data.household} onLeft={state.reload} /> : null}
      {state.status === 'ready' && !state.data.household ? (
        <View className='card'>
          <Text className='card__title'>您还没有登记家庭</Text>
          <Text className='card__text'>登记（上云）后可以收到居委会的公告、参加议事。</Text>
          <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.consent })}>开始家庭登记</Button>
        </View>
      ) : null}
    </Screen>
  );
}
