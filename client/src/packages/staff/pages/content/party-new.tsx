/**
 * 发布党建内容: first what it is (文章 / 党建活动 / 志愿招募), then exactly the fields that kind
 * takes in `party.publish`. Times are picked as Shanghai wall-clock and sent as instants. The
 * contract's rules are checked before anything is sent, together with the ones it leaves to the
 * server or the form (名额 a whole number, the sign-up deadline still ahead and not after the
 * start), so a mistake is shown at its field in Chinese. One request id per post until it is
 * published: tapping 发布 again after a failure never publishes twice. Then the manage page.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { publishPartyPost, type PartyKind } from '@shared/contracts/content-party';
import { describeIssues, type InputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { Choice, DateTimeField, NumberField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../components/staff/useSubmit';
import { useWhen } from '../../../../components/staff/forms/useWhen';
import { STAFF_ROUTES } from '../../../../components/staff/routes';
import { call } from '../../../../services/cloud';
import { KIND_LABELS } from '../../../../pages/party/labels';

type PublishInput = InputOf<typeof publishPartyPost>;
type Issue = { path: string; message: string };
type When = ReturnType<typeof useWhen>;

const KIND_OPTIONS: readonly (readonly [PartyKind, string])[] = [['article', '文章'], ['activity', KIND_LABELS.activity], ['volunteer', KIND_LABELS.volunteer]];

/** 名额 as typed: a positive whole number, else NaN (the form says why). */
function capacityOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The rules the contract does not state for the form, checked against the input about to be sent. */
function formIssues(input: PublishInput, capacityText: string, now: number): Issue[] {
  if (input.kind === 'article') return [];
  const out: Issue[] = [];
  if (!capacityText.trim()) out.push({ path: 'capacity', message: '请填写名额' });
  else if (!(capacityOf(capacityText) >= 1)) out.push({ path: 'capacity', message: '名额应为正整数，至少 1 人' });
  const deadline = input.signupDeadline ? Date.parse(input.signupDeadline) : null;
  const start = input.startsAt ? Date.parse(input.startsAt) : null;
  if (deadline !== null && deadline <= now) out.push({ path: 'signupDeadline', message: '报名截止时间已过，请选择以后的时间' });
  // the contract says this for activities; a volunteer call with both times follows the same rule
  else if (input.kind === 'volunteer' && deadline !== null && start !== null && deadline > start) {
    out.push({ path: 'signupDeadline', message: '报名截止时间不能晚于开始时间' });
  }
  return out;
}

/** Throws INVALID_INPUT with every field message (the form's first, then the contract's) before sending. */
function check(input: PublishInput, capacityText: string): void {
  const own = formIssues(input, capacityText, Date.now());
  const parsed = publishPartyPost.input.safeParse(input);
  const contract = parsed.success ? [] : (describeIssues(parsed.error) as Issue[]).filter((i) => !own.some((o) => o.path === i.path));
  const issues = [...own, ...contract];
  if (issues.length) throw new AppError('INVALID_INPUT', '请按提示修改后再发布', issues);
}

/** A time the post may go without: a button to add it, then the pickers and a button to drop it. */
function OptionalWhen({ label, on, setOn, when, error }: { label: string; on: boolean; setOn: (v: boolean) => void; when: When; error?: string }) {
  if (!on) {
    return (
      <View className='field'>
        <Text className='field__label'>{label}<Text className='field__optional'>（可不填）</Text></Text>
        <Button className='btn' onClick={() => setOn(true)}>填写{label}</Button>
      </View>
    );
  }
  return (
    <View>
      <DateTimeField label={label} date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} error={error} />
      <Button className='btn' onClick={() => setOn(false)}>不填{label}</Button>
    </View>
  );
}

function PublishForm() {
  const [kind, setKind] = useState<PartyKind>('article');
  const [f, setF] = useState({ title: '', body: '', place: '', capacity: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const starts = useWhen();
  const ends = useWhen();
  const deadline = useWhen();
  const [hasEnd, setHasEnd] = useState(false);
  const [hasStart, setHasStart] = useState(false);
  const [hasDeadline, setHasDeadline] = useState(false);

  const input = (): PublishInput => {
    const common = { title: f.title, body: f.body };
    const capacity = capacityOf(f.capacity);
    if (kind === 'article') return { kind, ...common };
    if (kind === 'activity') {
      return { kind, ...common, startsAt: starts.at, ...(hasEnd ? { endsAt: ends.at } : {}), place: f.place, capacity, signupDeadline: deadline.at };
    }
    return {
      kind,
      ...common,
      capacity,
      ...(hasStart ? { startsAt: starts.at } : {}),
      ...(f.place.trim() ? { place: f.place } : {}),
      ...(hasDeadline ? { signupDeadline: deadline.at } : {}),
    };
  };

  const save = useSubmit((requestId) => {
    const payload = input();
    check(payload, f.capacity);
    return call(publishPartyPost, payload, { requestId });
  });
  const e = save.errors;

  const publish = async () => {
    const r = await save.submit();
    if (!r) return;
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.redirectTo({ url: STAFF_ROUTES.partyPost(r.id) });
  };

  return (
    <View>
      <Choice label='发布什么' value={kind} options={KIND_OPTIONS} onChange={setKind} />
      <TextField label='标题' value={f.title} onChange={set('title')} maxlength={80} error={e.title} />
      <TextArea label={kind === 'article' ? '正文' : '内容介绍'} value={f.body} onChange={set('body')} maxlength={20_000} error={e.body} />
      {kind === 'activity' ? (
        <View>
          <DateTimeField label='活动开始时间' date={starts.date} time={starts.time} onDate={starts.setDate} onTime={starts.setTime} error={e.startsAt} />
          <OptionalWhen label='结束时间' on={hasEnd} setOn={setHasEnd} when={ends} error={e.endsAt} />
          <TextField label='活动地点' value={f.place} onChange={set('place')} maxlength={120} error={e.place} />
          <NumberField label='名额（人）' value={f.capacity} onChange={set('capacity')} error={e.capacity} />
          <DateTimeField label='报名截止时间' date={deadline.date} time={deadline.time} onDate={deadline.setDate} onTime={deadline.setTime} error={e.signupDeadline} />
          <Text className='card__hint'>报名截止时间要在以后，并且不晚于活动开始时间。</Text>
        </View>
      ) : null}
      {kind === 'volunteer' ? (
        <View>
          <NumberField label='名额（人）' value={f.capacity} onChange={set('capacity')} error={e.capacity} />
          <OptionalWhen label='开始时间' on={hasStart} setOn={setHasStart} when={starts} error={e.startsAt} />
          <TextField label='地点' optional value={f.place} onChange={set('place')} maxlength={120} error={e.place} />
          <OptionalWhen label='报名截止时间' on={hasDeadline} setOn={setHasDeadline} when={deadline} error={e.signupDeadline} />
        </View>
      ) : null}
      <FormError error={save.error} />
      <Button id='party-publish' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void publish()}>
        发布{kind === 'article' ? '文章' : KIND_LABELS[kind]}
      </Button>
    </View>
  );
}

export default function NewPartyPostPage() {
  return (
    <Screen>
      <StaffGate>{() => <PublishForm />}</StaffGate>
    </Screen>
  );
}
