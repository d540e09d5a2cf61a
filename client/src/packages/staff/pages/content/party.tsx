/**
 * 党建内容管理 (`?id=`): the post as staff see it (kind, title, time, place, 名额 and 已报名,
 * likes, text) and, for activities and volunteer calls, the 报名名单 page by page. Names are
 * masked; 显示全名 is for the roll call at the door, asks first, and reloads the roll with
 * `reveal: true`, which the server writes to the audit log (the page says so). 撤下这条内容 takes
 * the post down with a reason (residents stop seeing it; it no longer counts as 党建园地 use).
 * 修改 opens the publish form's fields filled with the post as it is and sends party.edit with
 * only what changed; refusals (名额 below the sign-ups, times out of order) show at their
 * fields; after saving the page reloads and shows 最后修改.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { editPartyPost, getPartyPost, listPartySignups, withdrawPartyPost, PARTY_FIELDS_BY_KIND, type PartyField } from '@shared/contracts/content-party';
import type { InputOf, OutputOf } from '@shared/contract';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { PagedList } from '../../../../components/PagedList';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { checkPartyPost, PartyPostFields, refusalsByField, usePartyPostForm, type PartyPublishInput } from '../../../../components/staff/PartyPostForm';
import { useSubmit } from '../../../../hooks/useSubmit';
import { formatDateTime, formatSpan, localDate, localTime, toInstant } from '../../../../lib/time';
import { useAsync } from '../../../../hooks/useAsync';
import { usePagedList } from '../../../../hooks/usePagedList';
import { call } from '../../../../services/cloud';
import { KIND_LABELS } from '../../../../pages/party/labels';
import './party.css';

type Post = OutputOf<typeof getPartyPost>;

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Text className='card__text party__text'>{value}</Text>
    </View>
  );
}

function Roll({ post }: { post: Post }) {
  const [reveal, setReveal] = useState(false);
  const list = usePagedList((offset) => call(listPartySignups, { id: post.id, reveal, offset, limit: 20 }), reveal ? 'full' : 'masked');
  const first = list.first;

  const askReveal = async () => {
    const sure = await Taro.showModal({
      title: '显示报名居民的全名？',
      content: '全名只用于活动签到核对。您的这次查看会被记录在操作日志中。',
      confirmText: '显示全名',
      cancelText: '不显示',
    });
    if (sure.confirm) setReveal(true);
  };

  return (
    <View className='party__roll'>
      <Text className='section-title'>报名名单</Text>
      {first ? <Text className='card__text'>共 {first.total} 人报名，名额 {first.capacity} 人。</Text> : null}
      {reveal ? (
        <View>
          {list.status === 'ready' ? <Text className='notice'>已显示全名。您的这次查看已记录在操作日志中，请只用于签到。</Text> : null}
          <Button className='btn' onClick={() => setReveal(false)}>改回隐藏姓名</Button>
        </View>
      ) : (
        <Button id='party-reveal' className='btn' onClick={() => void askReveal()}>显示全名（用于签到，查看将被记录）</Button>
      )}
      <PagedList
        list={list}
        variant='staff'
        empty='还没有居民报名。'
        keyOf={(s) => String(list.items.indexOf(s))}
        render={(s) => (
          <View className='item party__signup'>
            <Text className='item__title'>{s.name}</Text>
            <Text className='item__meta'>{formatDateTime(s.signedUpAt, 'short')} 报名</Text>
          </View>
        )}
      />
    </View>
  );
}

/** 撤下: a reason first, then a confirmation; the server keeps the first reason if two race. */
function Withdraw({ post, onDone }: { post: Post; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const save = useSubmit((requestId) => call(withdrawPartyPost, { id: post.id, reason }, { requestId }));
  if (post.withdrawn) return null;
  if (!open) return <Button id='party-withdraw' className='btn' onClick={() => setOpen(true)}>撤下这条内容</Button>;
  const submit = async () => {
    // an empty reason is refused by the contract at the field, without asking first
    if (reason.trim()) {
      const sure = await Taro.showModal({ title: '撤下这条内容？', content: '撤下后居民看不到它，也不能再点赞或报名；已报名的居民请另行通知。', confirmText: '撤下', cancelText: '不撤下' });
      if (!sure.confirm) return;
    }
    if (await save.submit()) onDone();
  };
  return (
    <View className='card'>
      <TextField label='撤下原因' value={reason} onChange={setReason} maxlength={200} error={save.errors.reason} placeholder='如 活动因天气取消' />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>确认撤下</Button>
      <Button className='btn' onClick={() => setOpen(false)}>取消</Button>
    </View>
  );
}

type EditChanges = Omit<InputOf<typeof editPartyPost>, 'id'>;
const TIME_FIELDS: readonly PartyField[] = ['startsAt', 'endsAt', 'signupDeadline'];

/** The fields of the form that differ from the post, as party.edit takes them. */
function changesFrom(post: Post, input: PartyPublishInput): EditChanges {
  const next = input as Partial<Record<PartyField, string | number>>;
  const out: Partial<Record<PartyField, string | number>> = {};
  for (const k of PARTY_FIELDS_BY_KIND[post.kind]) {
    const value = next[k];
    const was = post[k];
    if (value === undefined) continue;
    // a time as the pickers show it (to the minute): one not touched is not a change
    const same = TIME_FIELDS.includes(k)
      ? was !== null && Date.parse(String(value)) === Date.parse(toInstant(localDate(String(was)), localTime(String(was))))
      : typeof value === 'string' ? value.trim() === was : value === was;
    if (!same) out[k] = value;
  }
  return out as EditChanges;
}

/** 修改: the post's own fields, filled as it is; only what changed is sent. */
function Editor({ post, onCancel, onDone }: { post: Post; onCancel: () => void; onDone: () => void }) {
  const form = usePartyPostForm(post);
  const save = useSubmit((requestId) => {
    const changes = changesFrom(post, form.input());
    checkPartyPost(form, changes.signupDeadline !== undefined, '请按提示修改后再保存');
    return call(editPartyPost, { id: post.id, ...changes }, { requestId });
  });
  const done = async () => {
    if (!(await save.submit())) return;
    void Taro.showToast({ title: '已保存修改', icon: 'success' });
    onDone();
  };
  return (
    <View className='card'>
      <Text className='card__title'>修改{KIND_LABELS[post.kind]}</Text>
      <PartyPostFields form={form} errors={refusalsByField(save.error)} />
      {post.capacity !== null && post.signupCount > 0 ? <Text className='card__hint'>已有 {post.signupCount} 人报名：名额不能少于 {post.signupCount} 人；改了时间或地点，已报名的居民打开时会看到提醒。</Text> : null}
      <FormError error={save.error} />
      <Button id='party-edit-save' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void done()}>保存修改</Button>
      <Button className='btn' onClick={onCancel}>取消</Button>
    </View>
  );
}

function Edit({ post, onDone }: { post: Post; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  if (post.withdrawn) return null;
  if (!open) return <Button id='party-edit' className='btn btn--entry' onClick={() => setOpen(true)}>修改</Button>;
  return <Editor post={post} onCancel={() => setOpen(false)} onDone={() => { setOpen(false); onDone(); }} />;
}

function Manage({ id }: { id: string }) {
  const r = useAsync(() => call(getPartyPost, { id }));
  if (r.status === 'loading') return <Loading />;
  if (r.status === 'error') return <ErrorView error={r.error} onRetry={r.reload} />;
  const p = r.data;
  const signups = p.capacity !== null;
  return (
    <View>
      <View className='card'>
        <Text className='card__label'>{KIND_LABELS[p.kind]} · {p.authorName} {formatDateTime(p.publishedAt, 'short')} 发布</Text>
        <Text className='card__heading'>{p.title}</Text>
        {p.withdrawn ? <Text className='badge badge--alert'>已撤下，居民看不到</Text> : null}
        <View className='summary'>
          {signups ? (
            <>
              <Text className='summary__cell'>名额 <Text className='summary__num'>{p.capacity}</Text> 人</Text>
              <Text className='summary__cell'>已报名 <Text className='summary__num'>{p.signupCount}</Text> 人</Text>
            </>
          ) : null}
          <Text className='summary__cell'>点赞 <Text className='summary__num'>{p.likeCount}</Text> 人</Text>
        </View>
        <Row label={p.kind === 'activity' ? '活动时间' : '时间'} value={p.startsAt ? formatSpan(p.startsAt, p.endsAt, 'short') : null} />
        <Row label='地点' value={p.place} />
        <Row label='报名截止' value={p.signupDeadline ? formatDateTime(p.signupDeadline, 'short') : null} />
        <Row label='最后修改' value={p.editedAt ? formatDateTime(p.editedAt, 'short') : null} />
        {signups ? <Text className='card__hint'>{p.signupOpen ? '正在接受报名。' : '现在不接受报名（已截止、已开始或名额已满）。'}</Text> : null}
      </View>
      <View className='card'>
        <Text className='card__title'>{p.kind === 'article' ? '正文' : '内容介绍'}</Text>
        <Text className='card__text party__text'>{p.body}</Text>
      </View>
      <Edit post={p} onDone={r.reload} />
      {signups ? <Roll post={p} /> : null}
      <Withdraw post={p} onDone={r.reload} />
    </View>
  );
}

export default function PartyPostPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{() => (id ? <Manage id={id} /> : <Text className='state__text'>没有指定要管理的党建内容。</Text>)}</StaffGate>
    </Screen>
  );
}
