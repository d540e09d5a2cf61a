/** 我的: who I am to the system, my workspaces, and the large-font switch. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Switch, Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { useMe } from '../../hooks/useMe';
import { largeFontPreferred, setLargeFontPreferred } from '../../lib/font-scale';
import { COMMITTEE_ROLES, hasAnyRole, LIAISON_ROLES, roleNames } from '../../lib/roles';
import { ROUTES } from '../../lib/routes';

function open(url: string) {
  void Taro.navigateTo({ url });
}

function LargeFontSwitch() {
  const [on, setOn] = useState(largeFontPreferred);
  return (
    <View className='row'>
      <Text className='row__label'>大字模式</Text>
      <Switch
        checked={on}
        color='#B3261E'
        onChange={(e) => {
          const next = Boolean(e.detail.value);
          setOn(next);
          setLargeFontPreferred(next);
        }}
      />
    </View>
  );
}

export default function MinePage() {
  const state = useMe();
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? (
        <View className='card'>
          <Text className='card__heading'>{state.data.displayName ?? '未登录'}</Text>
          <Text className='card__text'>身份：{roleNames(state.data.roles)}</Text>
          {state.data.committee ? <Text className='card__text'>所属：{state.data.committee.name}</Text> : null}
        </View>
      ) : null}
      {state.status === 'ready' && hasAnyRole(state.data.roles, COMMITTEE_ROLES) ? (
        <Button className='btn btn--entry' onClick={() => open(ROUTES.staff.home)}>进入工作台</Button>
      ) : null}
      {state.status === 'ready' && hasAnyRole(state.data.roles, LIAISON_ROLES) ? (
        <Button className='btn btn--entry' onClick={() => open(ROUTES.liaison.home)}>查看统计</Button>
      ) : null}
      <View className='card'>
        <LargeFontSwitch />
      </View>
    </Screen>
  );
}
