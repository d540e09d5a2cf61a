/**
 * 家庭登记 step 1: the privacy notice. Nothing personal is asked for before the resident agrees
 * here; on weapp the agreement also goes to WeChat's privacy authorisation (privacy.ts). Someone
 * who agreed already goes straight on (to the claim form, or back to the invitation they opened).
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { consent, PRIVACY_NOTICE_VERSION } from '@shared/contracts/auth-consent';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../hooks/useMe';
import { call } from '../../services/cloud';
import { IS_WEAPP, reportAgreed, reportDisagreed, requirePrivacy } from './privacy';
import { param, ROUTES, withQuery } from '../../lib/routes';
import './signup.css';

const AGREE_BUTTON = 'privacy-agree';

/** Where to go after agreeing: the invitation that brought the user here, else the claim form. */
function nextUrl(params: Record<string, string | undefined>): string {
  const token = param(params, 'token');
  return token ? withQuery(ROUTES.resident.join, { token }) : ROUTES.resident.claim;
}

function Notice() {
  return (
    <View className='card'>
      <Text className='card__title'>个人信息保护指引（摘要）</Text>
      <View className='notice__section'>
        <Text className='notice__heading'>为什么要登记</Text>
        <Text className='card__text'>家庭登记（上云）后，您可以收到本居委会的公告、参加议事、向居委会留言。</Text>
      </View>
      <View className='notice__section'>
        <Text className='notice__heading'>需要您填写什么</Text>
        <Text className='card__text'>楼号、室号、一位家庭成员的姓名和身份证号码后六位，只用来和居委会的人口信息核对。也可以改用居委会给您的登记码。</Text>
      </View>
      <View className='notice__section'>
        <Text className='notice__heading'>我们怎样保护</Text>
        <Text className='card__text'>身份证号码只保存加密后的校验值，不保存原文；家庭成员的姓名对其他人只显示姓氏；不向您索要手机号码。</Text>
      </View>
      <View className='notice__section'>
        <Text className='notice__heading'>您可以随时退出</Text>
        <Text className='card__text'>在「我的家庭」里可以退出家庭；有疑问请联系居委会。</Text>
      </View>
      <Text className='card__hint'>版本 {PRIVACY_NOTICE_VERSION}</Text>
    </View>
  );
}

function ConsentForm({ next }: { next: string }) {
  const [platformAsked, setPlatformAsked] = useState(false);
  const agree = useSubmit((requestId) => call(consent, { version: PRIVACY_NOTICE_VERSION }, { requestId }));

  // On weapp, let WeChat know the notice is on screen; its own check resolves once the user agrees below.
  useEffect(() => {
    void requirePrivacy(() => setPlatformAsked(true));
  }, []);

  const onAgree = async () => {
    if (IS_WEAPP) reportAgreed(AGREE_BUTTON);
    if (await agree.submit()) void Taro.redirectTo({ url: next });
  };
  const onDecline = () => {
    reportDisagreed();
    void Taro.switchTab({ url: ROUTES.resident.home });
  };

  return (
    <View>
      <Notice />
      <Alert text={agree.message} />
      {IS_WEAPP ? (
        <Button id={AGREE_BUTTON} className='btn btn--primary' openType='agreePrivacyAuthorization' loading={agree.busy} disabled={agree.busy} onAgreePrivacyAuthorization={() => void onAgree()}>
          同意并开始登记
        </Button>
      ) : (
        <Button className='btn btn--primary' loading={agree.busy} disabled={agree.busy} onClick={() => void onAgree()}>
          同意并开始登记
        </Button>
      )}
      <Button className='btn' onClick={onDecline}>{platformAsked ? '不同意' : '暂不登记'}</Button>
    </View>
  );
}

export default function SignupPage() {
  const { params } = useRouter();
  const me = useMe();
  // `signedIn` is also true for staff, who may not have agreed as residents: a page that got
  // CONSENT_REQUIRED opens this one with review=1 to show the notice regardless
  const consented = me.status === 'ready' && me.data.signedIn && param(params, 'review') !== '1';
  const next = nextUrl(params);
  useEffect(() => {
    if (consented) void Taro.redirectTo({ url: next });
  }, [consented, next]);
  return (
    <Screen>
      {me.status === 'loading' || consented ? <Loading /> : null}
      {me.status === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : null}
      {me.status === 'ready' && !consented ? <ConsentForm next={next} /> : null}
    </Screen>
  );
}
