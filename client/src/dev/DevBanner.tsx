/** H5 dev builds only: a banner that nobody can mistake for production, with the simulated caller. */
import { Text, View } from '@tarojs/components';
import { useAsync } from '../hooks/useAsync';
import { DEV_SIGNIN_URL, whoami } from './gateway';

export function DevBanner() {
  const state = useAsync(whoami);
  const label = state.status === 'ready' && state.data ? state.data.label : null;
  return (
    <View className='dev-banner' role='status'>
      <Text className='dev-banner__text'>
        {state.status === 'error' ? '开发环境 · 无法连接本地网关' : label ? `开发环境 · 模拟登录：${label}` : '开发环境 · 未登录'}
      </Text>
      <a className='dev-banner__link' href={DEV_SIGNIN_URL}>{label ? '切换身份' : '开发登录'}</a>
    </View>
  );
}
