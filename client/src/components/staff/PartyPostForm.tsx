/**
 * The fields of a 党建园地 post, shared by 发布党建内容 and 修改 on 党建内容管理: exactly the fields
 * its kind takes in `party.publish`, times picked as Shanghai wall-clock and sent as instants.
 * The contract's rules are checked before anything is sent, together with the ones it leaves to
 * the server or the form (名额 a whole number, the sign-up deadline still ahead and not after the
 * start), so a mistake is shown at its field in Chinese.
 *
 * A form for 修改 starts from the post as it is. party.edit never removes a time or a place a
 * post has, so such a field has no 不填 button there, and emptying a place is refused at the field.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { publishPartyPost, type PartyKind } from '@shared/contracts/content-party';
import { describeIssues, type InputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { DateTimeField, NumberField, TextArea, TextField } from './Fields';
import { fieldErrors, type FieldErrors } from '../../lib/errors';
import { localDate, localTime, toInstant } from '../../lib/time';

export type PartyPublishInput = InputOf<typeof publishPartyPost>;
type Issue = { path: string; message: string };

/** What the form starts from: the post as party.get gives it (修改), or nothing (发布). */
export interface PartyPostStart {
  kind: PartyKind;
  title: string;
  body: string;
  place: string | null;
  capacity: number | null;
  startsAt: string | null;
  endsAt: string | null;
  signupDeadline: string | null;
}

/** A date and time picked as Shanghai wall-clock, from `initial` (else today and now). */
function useInstant(initial: string | null) {
  const [date, setDate] = useState(() => localDate(initial ?? undefined));
  const [time, setTime] = useState(() => localTime(initial ?? undefined));
  return { date, time, setDate, setTime, at: toInstant(date, time) };
}
type When = ReturnType<typeof useInstant>;

/** 名额 as typed: a positive whole number, else NaN (the form says why). */
function capacityOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function usePartyPostForm(start: PartyPostStart | null) {
  const [kind, setKind] = useState<PartyKind>(start?.kind ?? 'article');
  const [f, setF] = useState({ title: start?.title ?? '', body: start?.body ?? '', place: start?.place ?? '', capacity: start?.capacity == null ? '' : String(start.capacity) });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const starts = useInstant(start?.startsAt ?? null);
  // an end added later starts on the day the activity starts
  const ends = useInstant(start?.endsAt ?? start?.startsAt ?? null);
  const deadline = useInstant(start?.signupDeadline ?? null);
  const [hasEnd, setHasEnd] = useState(Boolean(start?.endsAt));
  const [hasStart, setHasStart] = useState(Boolean(start?.startsAt));
  const [hasDeadline, setHasDeadline] = useState(Boolean(start?.signupDeadline));

  /** The form as party.publish takes it (for 修改: the post as the change would leave it). */
  const input = (): PartyPublishInput => {
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
      // a place the post has stays in the input when emptied, so that the contract asks for one
      ...(f.place.trim() || start?.place ? { place: f.place } : {}),
      ...(hasDeadline ? { signupDeadline: deadline.at } : {}),
    };
  };

  return { start, kind, setKind, f, set, starts, ends, deadline, hasEnd, setHasEnd, hasStart, setHasStart, hasDeadline, setHasDeadline, input };
}
export type PartyPostFormState = ReturnType<typeof usePartyPostForm>;

/** The rules the contract does not state for the form; `now` null: the deadline is not compared with the clock. */
function formIssues(input: PartyPublishInput, capacityText: string, now: number | null): Issue[] {
  if (input.kind === 'article') return [];
  const out: Issue[] = [];
  if (!capacityText.trim()) out.push({ path: 'capacity', message: '请填写名额' });
  else if (!(capacityOf(capacityText) >= 1)) out.push({ path: 'capacity', message: '名额应为正整数，至少 1 人' });
  const deadline = input.signupDeadline ? Date.parse(input.signupDeadline) : null;
  const start = input.startsAt ? Date.parse(input.startsAt) : null;
  if (deadline !== null && now !== null && deadline <= now) out.push({ path: 'signupDeadline', message: '报名截止时间已过，请选择以后的时间' });
  // the contract says this for activities; a volunteer call with both times follows the same rule
  else if (input.kind === 'volunteer' && deadline !== null && start !== null && deadline > start) {
    out.push({ path: 'signupDeadline', message: '报名截止时间不能晚于开始时间' });
  }
  return out;
}

/**
 * Throws INVALID_INPUT with every field message (the form's first, then the contract's) before
 * sending. `deadlineAhead`: the sign-up deadline is being set, so it must still be ahead.
 */
export function checkPartyPost(form: PartyPostFormState, deadlineAhead: boolean, message: string): PartyPublishInput {
  const input = form.input();
  const own = formIssues(input, form.f.capacity, deadlineAhead ? Date.now() : null);
  const parsed = publishPartyPost.input.safeParse(input);
  const contract = parsed.success ? [] : (describeIssues(parsed.error) as Issue[]).filter((i) => !own.some((o) => o.path === i.path));
  const issues = [...own, ...contract];
  if (issues.length) throw new AppError('INVALID_INPUT', message, issues);
  return input;
}

/** Field messages of any refusal that names its fields (the contract's, 名额 below the sign-ups, a field the kind lacks). */
export function refusalsByField(error: AppError | null): FieldErrors {
  return fieldErrors(error && error.code !== 'INVALID_INPUT' ? new AppError('INVALID_INPUT', error.message, error.details) : error);
}

/** A time the post may go without: a button to add it, then the pickers and (unless it must stay) a button to drop it. */
function OptionalWhen({ label, on, setOn, when, error, keep }: { label: string; on: boolean; setOn: (v: boolean) => void; when: When; error?: string; keep: boolean }) {
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
      {keep ? null : <Button className='btn' onClick={() => setOn(false)}>不填{label}</Button>}
    </View>
  );
}

/** Title, text and the fields of the form's kind, each with its message from `errors`. */
export function PartyPostFields({ form, errors: e }: { form: PartyPostFormState; errors: FieldErrors }) {
  const { kind, f, set, starts, ends, deadline, start } = form;
  return (
    <View>
      <TextField label='标题' value={f.title} onChange={set('title')} maxlength={80} error={e.title} />
      <TextArea label={kind === 'article' ? '正文' : '内容介绍'} value={f.body} onChange={set('body')} maxlength={20_000} error={e.body} />
      {kind === 'activity' ? (
        <View>
          <DateTimeField label='活动开始时间' date={starts.date} time={starts.time} onDate={starts.setDate} onTime={starts.setTime} error={e.startsAt} />
          <OptionalWhen label='结束时间' on={form.hasEnd} setOn={form.setHasEnd} when={ends} error={e.endsAt} keep={Boolean(start?.endsAt)} />
          <TextField label='活动地点' value={f.place} onChange={set('place')} maxlength={120} error={e.place} />
          <NumberField label='名额（人）' value={f.capacity} onChange={set('capacity')} error={e.capacity} />
          <DateTimeField label='报名截止时间' date={deadline.date} time={deadline.time} onDate={deadline.setDate} onTime={deadline.setTime} error={e.signupDeadline} />
          <Text className='card__hint'>报名截止时间要在以后，并且不晚于活动开始时间。</Text>
        </View>
      ) : null}
      {kind === 'volunteer' ? (
        <View>
          <NumberField label='名额（人）' value={f.capacity} onChange={set('capacity')} error={e.capacity} />
          <OptionalWhen label='开始时间' on={form.hasStart} setOn={form.setHasStart} when={starts} error={e.startsAt} keep={Boolean(start?.startsAt)} />
          <TextField label='地点' optional={!start?.place} value={f.place} onChange={set('place')} maxlength={120} error={e.place} />
          <OptionalWhen label='报名截止时间' on={form.hasDeadline} setOn={form.setHasDeadline} when={deadline} error={e.signupDeadline} keep={Boolean(start?.signupDeadline)} />
        </View>
      ) : null}
    </View>
  );
}
