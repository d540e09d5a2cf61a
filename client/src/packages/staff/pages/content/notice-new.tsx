/**
 * 发布公告 (staff): title, body, 立即发布 or 定时发布 at a Shanghai date and time, an optional
 * 过期时间 (不设置 = never expires) and 置顶. The contract's rules and the schedule rules the server
 * applies (shared/content/notice-schedule.ts) are checked before sending, at their fields;
 * the server's refusal is shown too. One request id per logical submission (useSubmit), so a
 * retry never publishes twice. On success the new notice's management page replaces this one.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { describeIssues, type InputOf } from '@shared/contract';
import { newNoticeScheduleIssues } from '@shared/content/notice-schedule';
import { publishNotice } from '@shared/contracts/content-notices';
import { AppError } from '@shared/errors';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { Choice, DateTimeField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useWhen } from '../../../../components/staff/forms/useWhen';
import { ROUTES, withQuery } from '../../../../lib/routes';
import { addDays, formatDateTime, localDate } from '../../../../lib/time';
import { call } from '../../../../services/cloud';
import './notice.css';

type When = 'now' | 'scheduled';
type Expiry = 'never' | 'at';
type YesNo = 'no' | 'yes';
const WHEN: readonly (readonly [When, string])[] = [['now', '立即发布'], ['scheduled', '定时发布']];
const EXPIRY: readonly (readonly [Expiry, string])[] = [['never', '一直显示'], ['at', '到时下线']];
const PINNED: readonly (readonly [YesNo, string])[] = [['no', '不置顶'], ['yes', '置顶']];

type Issue = { path: string; message: string };

/** The schedule rules against this phone's clock (the contract checks only the two times against each other). */
function timeIssues(input: InputOf<typeof publishNotice>, now: Date): Issue[] {
  const at = (v: string | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);
  return newNoticeScheduleIssues({ publishAt: at(input.publishAt), expiresAt: at(input.expiresAt) }, now);
}

function NoticeForm() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [when, setWhen] = useState<When>('now');
  const [expiry, setExpiry] = useState<Expiry>('never');
  const [pinned, setPinned] = useState<YesNo>('no');
  const publish = useWhen();
  const expire = useWhen();

  const input: InputOf<typeof publishNotice> = {
    title,
    body,
    pinned: pinned === 'yes',
    ...(when === 'scheduled' ? { publishAt: publish.at } : {}),
    ...(expiry === 'at' ? { expiresAt: expire.at } : {}),
  };
  const save = useSubmit((requestId) => {
    const parsed = publishNotice.input.safeParse(input);
    const issues = [...(parsed.success ? [] : (describeIssues(parsed.error) as Issue[])), ...timeIssues(input, new Date())];
    // the contract and the server would refuse these: say so at the fields, send nothing
    if (issues.length) return Promise.reject(new AppError('INVALID_INPUT', '请检查填写的内容', issues));
    return call(publishNotice, input, { requestId });
  });
  const e = save.errors;
  // A changed form after a refusal is another submission (new request id). After a lost answer
  // (NETWORK / TIMEOUT) the notice may already exist: keep the id, so 发布 again cannot publish twice.
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    if (save.error && save.error.code !== 'NETWORK' && save.error.code !== 'TIMEOUT') save.reset();
  };

  const chooseWhen = (v: When) => {
    // a scheduled notice starts from tomorrow 09:00 rather than a moment already gone
    if (v === 'scheduled' && when !== 'scheduled') { publish.setDate(addDays(localDate(), 1)); publish.setTime('09:00'); }
    setWhen(v);
  };
  const chooseExpiry = (v: Expiry) => {
    // a week after it goes up, as a starting point
    if (v === 'at' && expiry !== 'at') { expire.setDate(addDays(when === 'scheduled' ? publish.date : localDate(), 7)); expire.setTime('18:00'); }
    setExpiry(v);
  };

  const submit = async () => {
    const r = await save.submit();
    if (r) void Taro.redirectTo({ url: withQuery(ROUTES.staff.notice, { id: r.id }) });
  };

  return (
    <View className='card'>
      <Text className='card__title'>发布社区公告</Text>
      <TextField label='公告标题' value={title} onChange={edit(setTitle)} maxlength={80} error={e.title} placeholder='如 本周六上午停水通知' />
      <TextArea label='公告正文' value={body} onChange={edit(setBody)} maxlength={20_000} error={e.body} />
      <Choice label='发布时间' value={when} options={WHEN} onChange={edit(chooseWhen)} error={when === 'now' ? e.publishAt : undefined} />
      {when === 'scheduled' ? (
        <View id='notice-publish-at'>
          <DateTimeField label='定时发布的日期和时间' date={publish.date} time={publish.time} onDate={edit(publish.setDate)} onTime={edit(publish.setTime)} error={e.publishAt} />
          <Text className='card__hint'>居民从 {formatDateTime(publish.at, 'short')} 起能看到这条公告。</Text>
        </View>
      ) : null}
      <Choice label='过期时间' value={expiry} options={EXPIRY} onChange={edit(chooseExpiry)} error={expiry === 'never' ? e.expiresAt : undefined} />
      {expiry === 'at' ? (
        <View id='notice-expires-at'>
          <DateTimeField label='过期的日期和时间' date={expire.date} time={expire.time} onDate={edit(expire.setDate)} onTime={edit(expire.setTime)} error={e.expiresAt} />
          <Text className='card__hint'>到 {formatDateTime(expire.at, 'short')} 后，居民就看不到这条公告了。</Text>
        </View>
      ) : null}
      <Choice label='是否置顶' value={pinned} options={PINNED} onChange={edit(setPinned)} error={e.pinned} />
      <FormError error={save.error} />
      <Button id='notice-submit' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>
        {when === 'scheduled' ? '定时发布' : '发布公告'}
      </Button>
    </View>
  );
}

export default function NewNoticePage() {
  return (
    <Screen>
      <StaffGate>{() => <NoticeForm />}</StaffGate>
    </Screen>
  );
}
