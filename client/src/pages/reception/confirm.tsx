/**
 * The resident confirms a 首问接待 after scanning the QR on the staff device: previewReception
 * shows what they are vouching for, 确认 sends confirmReception. The token comes as `token` or
 * inside `q` (link.ts). The server checks everything (signed in with consent, live, unused).
 */
import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { confirmReception, previewReception } from '@shared/contracts/worklog';
import { CONSENT_CODES } from '@shared/contracts/auth-consent';
import type { OutputOf } from '@shared/contract';
import { AppError, isAppError } from '@shared/errors';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { useSubmit } from '../../hooks/useSubmit';
import { RECEPTION_CATEGORY_LABELS } from '../../components/staff/labels';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { tokenFromParams } from './link';
import { ROUTES } from '../../lib/routes';

type Reception = OutputOf<typeof previewReception>;

const NEEDS_CONSENT = new Set<string>(['UNAUTHENTICATED', CONSENT_CODES.required, CONSENT_CODES.outdated]);

/** A refusal the resident cannot fix by retrying: say what happened and what to do instead. */
const DEAD_ENDS: Record<string, { title: string; hint: string }> = {
  RECEPTION_TOKEN_EXPIRED: { title: '二维码已过期', hint: '二维码只在10分钟内有效。请工作人员点「确认码过期了，换一个」，再扫一次新的二维码。' },
  RECEPTION_TOKEN_USED: { title: '这次接待已经确认过了', hint: '不用再确认。如有疑问，请问居委会工作人员。' },
  RECEPTION_TOKEN_INVALID: { title: '二维码无法识别', hint: '请工作人员重新出示二维码，再扫一次。' },
  // the only input is the token: refused by the contract before sending (a cut-off or foreign QR)
  INVALID_INPUT: { title: '二维码无法识别', hint: '请工作人员重新出示二维码，再扫一次。' },
  RECEPTION_STAFF_CANNOT_CONFIRM: { title: '工作人员不能确认', hint: '请由来访的居民用自己的微信扫码确认。' },
};

function Problem({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  if (NEEDS_CONSENT.has(error.code)) {
    return (
      <View className='state' role='alert'>
        <Text className='state__title'>请先同意隐私说明</Text>
        <Text className='state__text'>确认接待会记录是哪个微信确认的，所以需要您先阅读并同意《个人信息保护指引》。同意后回到这一页即可确认。</Text>
        {/* navigateTo keeps this page underneath: coming back reloads it (useDidShow) */}
        <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.consent })}>阅读并同意隐私说明</Button>
        <Button className='btn' onClick={onRetry}>我已同意，重试</Button>
      </View>
    );
  }
  const dead = DEAD_ENDS[error.code];
  if (dead) {
    return (
      <View className='state' role='alert'>
        <Text className='state__title'>{dead.title}</Text>
        <Text className='state__text'>{errorText(error)}</Text>
        <Text className='state__text'>{dead.hint}</Text>
      </View>
    );
  }
  return <ErrorView error={error} onRetry={onRetry} />;
}

function Details({ r }: { r: Reception }) {
  return (
    <View className='card'>
      <Text className='card__hint'>{r.committeeName ?? '居委会'} · 工作人员 {r.staffName}</Text>
      <Text className='card__hint'>{formatDateTime(r.at)} · {RECEPTION_CATEGORY_LABELS[r.category]}</Text>
      <Text className='card__title'>您来询问或办理的事</Text>
      <Text className='rbody'>{r.matter}</Text>
      <Text className='card__title'>工作人员的答复或办理结果</Text>
      <Text className='rbody'>{r.outcome}</Text>
    </View>
  );
}

function Confirm({ token }: { token: string }) {
  const preview = useAsync(() => call(previewReception, { token }));
  const [done, setDone] = useState<Reception | null>(null);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const confirm = useSubmit(async (requestId) => {
    try {
      return await call(confirmReception, { token }, { requestId });
    } catch (e) {
      // expired / used / consent while the page was open: show the same guidance as on load
      if (isAppError(e) && (DEAD_ENDS[e.code] || NEEDS_CONSENT.has(e.code))) setRefusal(e);
      throw e;
    }
  });

  // back from the consent page: ask again instead of leaving the stale refusal
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) { shownOnce.current = true; return; }
    const err = refusal ?? (preview.status === 'error' ? preview.error : null);
    if (err && NEEDS_CONSENT.has(err.code)) { setRefusal(null); preview.reload(); }
  });

  if (done) {
    return (
      <View className='state' role='status'>
        <Text className='state__title'>已确认，谢谢您</Text>
        <Text className='state__text'>您已确认{done.staffName}的这次接待，居委会会看到您的确认。</Text>
        <Button className='btn' onClick={() => void Taro.switchTab({ url: ROUTES.resident.home })}>回到首页</Button>
      </View>
    );
  }
  const retry = () => { setRefusal(null); preview.reload(); };
  if (refusal) return <Problem error={refusal} onRetry={retry} />;
  if (preview.status === 'loading') return <Loading text='正在查看接待内容…' />;
  if (preview.status === 'error') return <Problem error={preview.error} onRetry={retry} />;
  if (preview.data.confirmed) return <Problem error={new AppError('RECEPTION_TOKEN_USED', '此二维码已使用，接待已确认')} onRetry={retry} />;

  const onConfirm = async () => {
    const r = await confirm.submit();
    if (r) setDone(r);
  };
  return (
    <View>
      <View className='card'>
        <Text className='card__text'>请核对下面的内容。没有问题，请点「确认」。</Text>
      </View>
      <Details r={preview.data} />
      <Alert text={confirm.message} />
      <Button className='btn btn--primary' loading={confirm.busy} disabled={confirm.busy} onClick={() => void onConfirm()}>确认</Button>
      <Text className='card__hint'>内容不对？请不要确认，直接告诉工作人员。</Text>
    </View>
  );
}

export default function ReceptionConfirmPage() {
  const token = tokenFromParams(useRouter().params);
  return (
    <Screen>
      {token ? (
        <Confirm token={token} />
      ) : (
        <View className='state'>
          <Text className='state__title'>没有找到确认码</Text>
          <Text className='state__text'>请用微信「扫一扫」扫描工作人员手机上的二维码。</Text>
        </View>
      )}
    </Screen>
  );
}
