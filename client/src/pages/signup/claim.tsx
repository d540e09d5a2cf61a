/**
 * 家庭登记 step 2: prove a household of the committee's register by building, room, a member's
 * name and the last six characters of that member's ID number, or by a code from the committee.
 * A failed match says so plainly and offers to ask the committee to check.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { claimHousehold, HOUSEHOLD_CODES, redeemCode, requestCheck } from '@shared/contracts/household';
import { CONSENT_CODES } from '@shared/contracts/auth-consent';
import { isAppError } from '@shared/errors';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../hooks/useMe';
import { call } from '../../services/cloud';
import { CommitteePicker, type CommitteeChoice } from './CommitteePicker';
import { fieldErrors, type FieldErrors } from './fields';
import '../../components/resident/resident.css';
import { ROUTES, withQuery } from '../../lib/routes';
import './signup.css';

interface Form {
  building: string;
  room: string;
  name: string;
  idSuffix: string;
}

function Field(props: { id: keyof Form; label: string; hint?: string; value: string; error?: string; maxlength: number; type?: 'text' | 'idcard'; onChange: (v: string) => void }) {
  return (
    <View className='rform'>
      <Text className='rform__label'>{props.label}</Text>
      {props.hint ? <Text className='field__hint'>{props.hint}</Text> : null}
      <Input id={`claim-${props.id}`} className='rform__input' type={props.type ?? 'text'} value={props.value} maxlength={props.maxlength} onInput={(e) => props.onChange(e.detail.value)} />
      {props.error ? <Text className='field__error'>{props.error}</Text> : null}
    </View>
  );
}

const done = () => void Taro.redirectTo({ url: ROUTES.resident.household });

function ClaimForm({ committee }: { committee: CommitteeChoice }) {
  const [form, setForm] = useState<Form>({ building: '', room: '', name: '', idSuffix: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failedCode, setFailedCode] = useState<string | null>(null);
  const [checkSent, setCheckSent] = useState(false);
  const claim = useSubmit(async (requestId) => {
    try {
      return await call(claimHousehold, { committeeId: committee.id, ...form }, { requestId });
    } catch (e) {
      setFailedCode(isAppError(e) ? e.code : null);
      throw e;
    }
  });
  const check = useSubmit((requestId) => call(requestCheck, { committeeId: committee.id, building: form.building, room: form.room, name: form.name }, { requestId }));

  const set = (key: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    claim.clearError();
  };
  const onSubmit = async () => {
    const problems = fieldErrors(claimHousehold.input, { committeeId: committee.id, ...form });
    if (problems) return setErrors(problems);
    if (await claim.submit()) done();
  };
  const onCheck = async () => {
    if (await check.submit()) setCheckSent(true);
  };

  return (
    <View className='card'>
      <Text className='card__label'>居委会</Text>
      <Text className='card__heading'>{committee.name}</Text>
      <Field id='building' label='楼号' hint='例如：晨曦路100弄2号' value={form.building} error={errors.building} maxlength={64} onChange={set('building')} />
      <Field id='room' label='室号' hint='例如：301' value={form.room} error={errors.room} maxlength={32} onChange={set('room')} />
      <Field id='name' label='家庭成员姓名' hint='户口本上任意一位家庭成员' value={form.name} error={errors.name} maxlength={30} onChange={set('name')} />
      <Field id='idSuffix' label='这位成员身份证号码的后六位' hint='最后一位是 X 的，照样填 X' type='idcard' value={form.idSuffix} error={errors.idSuffix} maxlength={6} onChange={set('idSuffix')} />
      <Alert text={claim.message} />
      {failedCode === CONSENT_CODES.required ? <Button className='btn' onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.resident.consent, { review: '1' }) })}>阅读个人信息保护指引</Button> : null}
      <Button id='claim-submit' className='btn btn--primary' loading={claim.busy} disabled={claim.busy} onClick={() => void onSubmit()}>核对并登记</Button>
      {failedCode === HOUSEHOLD_CODES.claimFailed && !checkSent ? (
        <View>
          <Text className='card__hint'>确认填写无误，仍然核对不上？可能是居委会的信息需要更新。</Text>
          <Alert text={check.message} />
          <Button className='btn' loading={check.busy} disabled={check.busy} onClick={() => void onCheck()}>请居委会核对</Button>
        </View>
      ) : null}
      {checkSent ? <Alert tone='ok' text='已提交。居委会工作人员核对后会联系您，也可以直接到居委会办理。' /> : null}
    </View>
  );
}

function CodeForm() {
  const [code, setCode] = useState('');
  const redeem = useSubmit((requestId) => call(redeemCode, { code }, { requestId }));
  const onSubmit = async () => {
    if (await redeem.submit()) done();
  };
  return (
    <View className='card rform'>
      <Text className='rform__label'>居委会给您的登记码（8位）</Text>
      <Input id='claim-code' className='rform__input' value={code} maxlength={9} onInput={(e) => { setCode(e.detail.value); redeem.clearError(); }} />
      <Alert text={redeem.message} />
      <Button className='btn btn--primary' loading={redeem.busy} disabled={redeem.busy} onClick={() => void onSubmit()}>用登记码登记</Button>
    </View>
  );
}

export default function ClaimPage() {
  const me = useMe();
  const [picked, setPicked] = useState<CommitteeChoice | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [byCode, setByCode] = useState(false);
  // the committee the user record already names (chosen before, or set by the committee), else one picked here
  const known = me.status === 'ready' && me.data.committee ? { id: me.data.committee.id, name: me.data.committee.name, street: me.data.street?.name ?? null } : null;
  const committee = choosing ? null : (picked ?? known);
  const onPick = (c: CommitteeChoice) => {
    setPicked(c);
    setChoosing(false);
  };
  return (
    <Screen>
      {me.status === 'loading' ? <Loading /> : null}
      {me.status === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : null}
      {me.status === 'ready' ? (
        <View>
          <View className='rform'>
            <Button className={`choice ${byCode ? '' : 'choice--on'}`} onClick={() => setByCode(false)}>用身份证后六位登记</Button>
            <Button className={`choice ${byCode ? 'choice--on' : ''}`} onClick={() => setByCode(true)}>我有居委会给的登记码</Button>
          </View>
          {byCode ? <CodeForm /> : committee ? <ClaimForm committee={committee} /> : <CommitteePicker onPick={onPick} />}
          {!byCode && committee ? <Button className='btn' onClick={() => setChoosing(true)}>不是这个居委会？重新选择</Button> : null}
        </View>
      ) : null}
    </Screen>
  );
}
