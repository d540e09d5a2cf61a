/**
 * 公告管理 (staff): one notice with its state in words (定时发布 / 发布中 / 已过期), publish time,
 * expiry, 置顶, body and reach (reads, shares, reads through shares, group chats; staff reads are
 * not counted). Actions through notice.update: 置顶 / 取消置顶, 修改过期时间, 不再过期 and, for a
 * notice residents can see now, 立即下线 (the server sets the expiry to its now). The page reloads after each
 * action. Below, the residents' 留言 with 隐藏 / 恢复显示.
 */
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import { expiryIssue } from '@shared/content/notice-schedule';
import { editNotice, getNotice, updateNotice } from '@shared/contracts/content-notices';
import { AppError } from '@shared/errors';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { NOTICE_STATE_LABELS } from '../../../../components/staff/labels';
import { DateTimeField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useWhen } from '../../../../components/staff/forms/useWhen';
import { addDays, formatDateTime, localDate, localTime } from '../../../../lib/time';
import { Comments } from '../../../../components/resident/Comments';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import './notice.css';

type Notice = OutputOf<typeof getNotice>;


function reachLine(n: Pick<Notice, 'readCount' | 'shareCount' | 'shareReadCount' | 'groupCount'>): string {
  return `已读 ${n.readCount} 人 · 转发 ${n.shareCount} 次 · 经转发阅读 ${n.shareReadCount} 人 · 已传到 ${n.groupCount} 个微信群`;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='row notice-row'>
      <Text className='row__label notice-row__label'>{label}</Text>
      <Text className='notice-row__value'>{value}</Text>
    </View>
  );
}

function Facts({ n }: { n: Notice }) {
  return (
    <View className={n.state === 'published' ? 'card' : 'card card--committee'}>
      <View className='badges'>
        <Text id='notice-state' className={n.state === 'published' ? 'badge badge--ok' : 'badge'}>{NOTICE_STATE_LABELS[n.state]}</Text>
        {n.pinned ? <Text className='badge badge--alert'>置顶</Text> : null}
      </View>
      <Text className='card__heading'>{n.title}</Text>
      <Row label={n.state === 'scheduled' ? '定时发布时间' : '发布时间'} value={formatDateTime(n.publishAt, 'short')} />
      <Row label='过期时间' value={n.expiresAt ? formatDateTime(n.expiresAt, 'short') : '不过期'} />
      <Row label='置顶' value={n.pinned ? '是' : '否'} />
      <Row label='发布人' value={n.authorName} />
      {n.editedAt ? <Row label='最后修改' value={formatDateTime(n.editedAt, 'short')} /> : null}
      <Text id='notice-reach' className='notice-reach'>{reachLine(n)}</Text>
      <Text className='card__hint'>工作人员查看不计入已读人数。</Text>
      <Text className='notice-body'>{n.body}</Text>
    </View>
  );
}

type When = ReturnType<typeof useWhen>;

/** 修改过期时间: a Shanghai date and time, later than now and than the publish time. */
function ExpiryEditor({ n, when, onDone, onCancel }: { n: Notice; when: When; onDone: () => void; onCancel: () => void }) {
  const save = useSubmit((requestId) => {
    const issue = expiryIssue(new Date(when.at), { publishAt: new Date(n.publishAt), now: new Date() });
    if (issue) return Promise.reject(new AppError('INVALID_INPUT', issue.message, [issue]));
    return call(updateNotice, { id: n.id, expiresAt: when.at }, { requestId });
  });
  const edit = (set: (v: string) => void) => (v: string) => { set(v); if (save.error) save.reset(); };
  return (
    <View className='card'>
      <DateTimeField label='新的过期时间' date={when.date} time={when.time} onDate={edit(when.setDate)} onTime={edit(when.setTime)} error={save.errors.expiresAt} />
      <Text className='card__hint'>到 {formatDateTime(when.at, 'short')} 后，居民就看不到这条公告了。</Text>
      <FormError error={save.error} />
      <Button id='notice-expiry-save' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { if (await save.submit()) onDone(); }}>保存过期时间</Button>
      <Button className='btn' onClick={onCancel}>取消</Button>
    </View>
  );
}

/** 修改标题和正文: starts from the notice as it is; residents then see that it was changed. */
function ContentEditor({ n, onCancel, onDone }: { n: Notice; onCancel: () => void; onDone: () => void }) {
  const [title, setTitle] = useState(n.title);
  const [body, setBody] = useState(n.body);
  const save = useSubmit((requestId) => call(editNotice, { id: n.id, title, body }, { requestId }));
  return (
    <View className='card'>
      <TextField label='公告标题' value={title} onChange={setTitle} maxlength={80} error={save.errors.title} />
      <TextArea label='公告正文' value={body} onChange={setBody} maxlength={20_000} error={save.errors.body} />
      <Text className='card__hint'>保存后居民看到的是新内容，并注明修改过。</Text>
      <FormError error={save.error} />
      <Button id='notice-edit-save' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void save.submit().then((r) => r && onDone())}>保存修改</Button>
      <Button className='btn' onClick={onCancel}>取消</Button>
    </View>
  );
}

function Actions({ n, onChanged }: { n: Notice; onChanged: () => void }) {
  const [editingContent, setEditingContent] = useState(false);
  const [editing, setEditing] = useState(false);
  const when = useWhen();
  const pin = useSubmit((requestId) => call(updateNotice, { id: n.id, pinned: !n.pinned }, { requestId }));
  const never = useSubmit((requestId) => call(updateNotice, { id: n.id, expiresAt: null }, { requestId }));
  const offline = useSubmit((requestId) => call(updateNotice, { id: n.id, takeDown: true }, { requestId }));
  const run = (s: { submit: () => Promise<unknown> }) => async () => { if (await s.submit()) onChanged(); };

  const openEditor = () => {
    // start from the current expiry, else 18:00 a week after the notice goes up (or after today)
    when.setDate(n.expiresAt ? localDate(n.expiresAt) : addDays(localDate(Math.max(Date.now(), Date.parse(n.publishAt))), 7));
    when.setTime(n.expiresAt ? localTime(n.expiresAt) : '18:00');
    setEditing(true);
  };
  const takeDown = async () => {
    const { confirm } = await Taro.showModal({ title: '立即下线', content: '下线后居民马上就看不到这条公告了。以后可以用「修改过期时间」或「不再过期」重新上线。确定下线吗？', confirmText: '下线', cancelText: '不下线' });
    if (confirm) await run(offline)();
  };

  return (
    <View>
      <Text className='section-title'>管理公告</Text>
      {editingContent ? (
        <ContentEditor n={n} onCancel={() => setEditingContent(false)} onDone={() => { setEditingContent(false); onChanged(); }} />
      ) : (
        <Button id='notice-edit' className='btn btn--entry' onClick={() => setEditingContent(true)}>修改标题和正文</Button>
      )}
      <Button id='notice-pin' className='btn btn--entry' loading={pin.busy} disabled={pin.busy} onClick={run(pin)}>{n.pinned ? '取消置顶' : '置顶'}</Button>
      <FormError error={pin.error} />
      {editing ? (
        <ExpiryEditor n={n} when={when} onCancel={() => setEditing(false)} onDone={() => { setEditing(false); onChanged(); }} />
      ) : (
        <Button id='notice-expiry' className='btn btn--entry' onClick={openEditor}>修改过期时间</Button>
      )}
      {n.expiresAt ? <Button id='notice-never' className='btn btn--entry' loading={never.busy} disabled={never.busy} onClick={run(never)}>不再过期</Button> : null}
      <FormError error={never.error} />
      {/* a scheduled notice is not up yet, an expired one is already down */}
      {n.state === 'published' ? <Button id='notice-offline' className='btn' loading={offline.busy} disabled={offline.busy} onClick={() => void takeDown()}>立即下线</Button> : null}
      <FormError error={offline.error} />
    </View>
  );
}

function Manage({ id }: { id: string }) {
  const loaded = useAsync(() => call(getNotice, { id }));
  // keep the page (and the comments under it) on screen while an action's reload runs
  const last = useRef<Notice | null>(null);
  if (loaded.status === 'ready') last.current = loaded.data;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const n = last.current;
  if (!n) return <Loading />;
  return (
    <View>
      <Facts n={n} />
      {loaded.status === 'loading' ? <Text className='card__hint'>正在刷新…</Text> : null}
      <Actions n={n} onChanged={loaded.reload} />
      <Comments target={{ type: 'notice', id: n.id }} moderate />
    </View>
  );
}

export default function NoticeManagePage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{() => (id ? <Manage id={id} /> : <Text className='state__text'>没有指定公告。</Text>)}</StaffGate>
    </Screen>
  );
}
