/**
 * 首问接待 confirmation (`?id=`): the resident confirms with the one-time code (10 minutes,
 * renewable) in their own mini-program, or signs on this device (uploaded, then signReception).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getRecord, renewReceptionToken, signReception } from '@shared/contracts/worklog';
import { AppError } from '@shared/errors';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { SignaturePad } from '../../../../components/staff/SignaturePad';
import { TextField } from '../../../../components/staff/Fields';
import { takeToken, type ReceptionToken } from '../../../../components/staff/receptionHandoff';
import { formatDateTime } from '../../../../lib/time';
import { call } from '../../../../services/cloud';
import { uploadFile } from '../../../../services/storage';
import { FormError } from '../../../../components/staff/FormError';
import { QrCode } from '../../../../components/QrCode';
import { receptionQrContent } from '../../../../pages/reception/link';
import { useSubmit } from '../../../../hooks/useSubmit';
import { asAppError } from '../../../../lib/errors';

type State = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: ReceptionToken };

/** The resident signs on this device; the image is uploaded, then signReception confirms with its file id. */
function Signature({ recordId, onSigned }: { recordId: string; onSigned: () => void }) {
  const [image, setImage] = useState<string | null>(null);
  const [name, setName] = useState('');
  // the upload is kept across retries of the confirmation, so a second tap does not upload twice
  const uploaded = useRef<{ image: string; fileId: string } | null>(null);
  const save = useSubmit(async (requestId) => {
    if (!image) throw new AppError('INVALID_INPUT', '请居民先在框内签名');
    if (uploaded.current?.image !== image) uploaded.current = { image, fileId: await uploadFile(image, `reception-${recordId}-signature.png`) };
    return call(signReception, { recordId, signatureFileId: uploaded.current.fileId, signerName: name }, { requestId });
  });
  return (
    <View className='card'>
      <Text className='card__title'>或：请居民在下面签名</Text>
      <TextField label='签名居民姓名' value={name} onChange={setName} maxlength={20} error={save.errors.signerName} />
      <SignaturePad id='reception-signature' onChange={setImage} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { if (await save.submit()) onSigned(); }}>提交签名确认</Button>
    </View>
  );
}

function Confirm({ id }: { id: string }) {
  // the token the new-record page handed over, taken once: without one, this page asks for a fresh one
  const [handed] = useState(() => takeToken(id));
  const [state, setState] = useState<State>(handed ? { status: 'ready', data: handed } : { status: 'loading' });
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<AppError | null>(null);

  const renew = useCallback(() => {
    setState({ status: 'loading' });
    call(renewReceptionToken, { recordId: id }).then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) => setState({ status: 'error', error: asAppError(e) }),
    );
  }, [id]);

  // once, when nothing was handed over: later loads are started by the buttons
  useEffect(() => {
    if (!handed) renew();
  }, [handed, renew]);

  const check = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      const r = await call(getRecord, { recordId: id });
      const confirmed = r.reception?.confirmation.status === 'confirmed';
      setState((s) => (s.status === 'ready' ? { status: 'ready', data: { ...s.data, record: { ...s.data.record, receptionStatus: confirmed ? 'confirmed' : 'pending' }, token: confirmed ? null : s.data.token } } : s));
    } catch (e) {
      setCheckError(asAppError(e));
    } finally {
      setChecking(false);
    }
  };

  if (state.status === 'loading') return <Loading text='正在生成确认码…' />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={renew} />;
  const { record, token, expiresAt } = state.data;

  if (record.receptionStatus === 'confirmed' || !token) {
    return (
      <View className='card'>
        <Text className='card__heading'>居民已确认</Text>
        <Text className='card__text'>{record.title}</Text>
      </View>
    );
  }
  return (
    <View>
      <View className='card'>
        <Text className='card__label'>{formatDateTime(record.at, 'short')}</Text>
        <Text className='card__title'>{record.title}</Text>
        <Text className='card__text'>请居民打开「社区云」小程序扫码，确认这次接待。</Text>
      </View>
      <View className='code-box' aria-label='一次性确认码'>
        <Text className='card__label'>一次性确认码</Text>
        {/* derived from the token, so a fresh token (换一个) redraws it */}
        <QrCode text={receptionQrContent(token)} label='居民扫码确认的二维码' />
        <Text className='code-box__code'>{token}</Text>
        {expiresAt ? <Text className='card__hint'>{formatDateTime(expiresAt, 'short')} 前有效</Text> : null}
      </View>
      {checkError ? <View className='form__error' role='alert'><Text>{checkError.message}</Text></View> : null}
      <Button className='btn btn--primary' loading={checking} disabled={checking} onClick={() => void check()}>居民已确认，刷新状态</Button>
      <Button className='btn' onClick={renew}>确认码过期了，换一个</Button>
      <Signature recordId={record.id} onSigned={() => void check()} />
    </View>
  );
}

export default function ReceptionConfirmPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{() => (id ? <Confirm id={id} /> : <Text className='state__text'>没有指定接待记录，请从工作记录页打开。</Text>)}</StaffGate>
    </Screen>
  );
}
