/**
 * Keeps people out of workspaces their role does not open, with a plain explanation and a way
 * back. This is courtesy, not security: every function checks the caller's roles itself.
 */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Role } from '@shared/contracts/auth';
import { useMe, type Me } from '../hooks/useMe';
import { hasAnyRole } from '../lib/roles';
import { ErrorView, Loading } from './States';
import { ROUTES } from '../lib/routes';

function goBack() {
  // A shared link may open the page with nothing behind it; then go to the home tab.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.resident.home });
}

interface Props {
  allow: readonly Role[];
  /** What the workspace is called, for the refusal message (e.g. 工作台). */
  area: string;
  /** Who it is for, in plain words (e.g. 居委会工作人员). */
  audience: string;
  children: (me: Me) => ReactNode;
}

export function RoleGate({ allow, area, audience, children }: Props) {
  const state = useMe();
  if (state.status === 'loading') return <Loading text='正在确认您的身份…' />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  if (!hasAnyRole(state.data.roles, allow)) {
    return (
      <View className='state state--denied' role='alert'>
        <Text className='state__title'>暂时无法进入{area}</Text>
        <Text className='state__text'>{area}仅供{audience}使用。如果您是{audience}，请联系居委会或街镇为您开通。</Text>
        <Button className='btn btn--primary' onClick={goBack}>返回</Button>
      </View>
    );
  }
  return <>{children(state.data)}</>;
}
