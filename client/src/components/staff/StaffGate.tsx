/**
 * The root of every staff page: inside WeCom it first signs the phone in as staff (a WeCom
 * notice may open a detail page directly, so every page does this, once per session), then the
 * role gate admits 社工 and 书记.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { AppError } from '@shared/errors';
import { RoleGate } from '../RoleGate';
import { Loading } from '../States';
import type { Me } from '../../hooks/useMe';
import { COMMITTEE_ROLES } from '../../lib/roles';
import { ensureWecomSignIn } from './wecom';
import { asAppError } from '../../lib/errors';
import './staff.css';

type LoginState = { status: 'pending' } | { status: 'done' } | { status: 'error'; error: AppError };

export function StaffGate({ children }: { children: (me: Me) => ReactNode }) {
  const [login, setLogin] = useState<LoginState>(() => ({ status: 'pending' }));

  const start = useCallback(() => {
    const pending = ensureWecomSignIn();
    if (!pending) {
      setLogin({ status: 'done' });
      return;
    }
    setLogin({ status: 'pending' });
    pending.then(
      () => setLogin({ status: 'done' }),
      (e: unknown) => setLogin({ status: 'error', error: asAppError(e) }),
    );
  }, []);

  useEffect(start, [start]);

  if (login.status === 'pending') return <Loading text='正在通过企业微信登录…' />;
  if (login.status === 'error') {
    return (
      <View className='state state--error' role='alert'>
        <Text className='state__title'>企业微信登录没有成功</Text>
        <Text className='state__text'>{login.error.message}</Text>
        <Button className='btn btn--primary' onClick={start}>重试</Button>
      </View>
    );
  }
  return (
    <RoleGate allow={COMMITTEE_ROLES} area='工作台' audience='居委会工作人员'>
      {children}
    </RoleGate>
  );
}

export const isSecretary = (me: Me) => me.roles.includes('secretary');
