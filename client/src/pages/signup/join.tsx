/**
 * Joining a family through an invitation a verified member shared (the token is in the link).
 * The privacy notice comes first for someone who has not agreed to it; the invitation is kept.
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { joinByInvite } from '@shared/contracts/household';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../hooks/useMe';
import { call } from '../../services/cloud';
import { param, ROUTES, withQuery } from '../../lib/routes';
import './signup.css';

export default function JoinPage() {
  const { params } = useRouter();
  const token = param(params, 'token') ?? '';
  const me = useMe();
  const join = useSubmit((requestId) => call(joinByInvite, { token }, { requestId }));
  const needsConsent = me.status === 'ready' && !me.data.signedIn;
  useEffect(() => {
    if (needsConsent) void Taro.redirectTo({ url: withQuery(ROUTES.resident.consent, { token }) });
  }, [needsConsent, token]);

  const onJoin = async () => {
    if (await join.submit()) void Taro.redirectTo({ url: ROUTES.resident.household });
  };

  return (
    <Screen>
      {me.status === 'loading' || needsConsent ? <Loading /> : null}
      {me.status === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : null}
      {me.status === 'ready' && !needsConsent ? (
        <View className='card'>
          <Text className='card__title'>家人邀请您加入家庭</Text>
          <Text className='card__text'>加入后，您可以和家人一样收到居委会的公告、参加议事、向居委会留言。</Text>
          <Text className='card__hint'>邀请只能使用一次，3 天内有效。</Text>
          <Alert text={token ? join.message : '邀请链接不完整，请让家人重新分享'} />
          {token ? <Button className='btn btn--primary' loading={join.busy} disabled={join.busy} onClick={() => void onJoin()}>加入家庭</Button> : null}
          <Button className='btn' onClick={() => void Taro.switchTab({ url: ROUTES.resident.home })}>返回首页</Button>
        </View>
      ) : null}
    </Screen>
  );
}
