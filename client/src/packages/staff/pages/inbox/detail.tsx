/**
 * One resident question (also opened directly from the WeCom notice, `?id=`): the replies so
 * far, a reply (interim 正在核实 or complete 完整解答), hand-over to a colleague, the resident's
 * rating, and a resend when the WeCom notice failed.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getQuestion, handOver, MAX_REPLY_LENGTH, reply, retryNotify, type QuestionView } from '@shared/contracts/inbox';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { QuestionBadges } from '../../../../components/staff/QuestionCard';
import { TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { nameOf, useColleagues } from '../../../../components/staff/useColleagues';
import { formatDateTime } from '../../../../lib/time';
import type { Me } from '../../../../hooks/useMe';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';

const NOTIFY_TEXT = { pending: '正在发送', sent: '已送达', failed: '没有送达' } as const;

function Replies({ q }: { q: QuestionView }) {
  if (!q.replies.length) return <Text className='card__text'>还没有回复。</Text>;
  return (
    <View>
      {q.replies.map((r) => (
        <View key={r.id} className='item'>
          <Text className='item__meta'>{r.staffName} · {formatDateTime(r.at, 'short')} · {r.complete ? '完整解答' : '阶段回复'}</Text>
          <Text className='item__text'>{r.text}</Text>
        </View>
      ))}
    </View>
  );
}

function ReplyForm({ q, onDone }: { q: QuestionView; onDone: (q: QuestionView) => void }) {
  const [text, setText] = useState('');
  const interim = useSubmit((requestId) => call(reply, { questionId: q.id, text, complete: false }, { requestId }));
  const complete = useSubmit((requestId) => call(reply, { questionId: q.id, text, complete: true }, { requestId }));
  const busy = interim.busy || complete.busy;
  const error = complete.error ?? interim.error;
  const send = async (which: typeof interim) => {
    const out = await which.submit();
    if (out) {
      setText('');
      onDone(out.question);
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>回复居民</Text>
      <TextArea label='回复内容' value={text} onChange={setText} maxlength={MAX_REPLY_LENGTH} error={(complete.errors.text ?? interim.errors.text)} placeholder='写清楚办理的地点、时间和需要带的材料' />
      <FormError error={error} />
      <Button className='btn btn--primary' loading={complete.busy} disabled={busy} onClick={() => void send(complete)}>发送完整解答</Button>
      <Button className='btn' loading={interim.busy} disabled={busy} onClick={() => void send(interim)}>先回复“正在核实”，稍后解答</Button>
      <Text className='card__hint'>完整解答发出后留言即办结，居民可以评价；阶段回复不会办结留言。</Text>
    </View>
  );
}

function HandOverForm({ q, me, colleagues, onDone }: { q: QuestionView; me: Me; colleagues: ReturnType<typeof useColleagues>; onDone: (q: QuestionView) => void }) {
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = useSubmit((requestId) => call(handOver, { questionId: q.id, toStaffId: to ?? '', note: note.trim() || undefined }, { requestId }));

  if (colleagues.status === 'loading') return <Loading text='正在读取同事名单…' />;
  if (colleagues.status === 'error') return <ErrorView error={colleagues.error} onRetry={colleagues.reload} />;
  // `me` carries no staff id; the name keeps oneself out of the picker, the server refuses it anyway.
  const others = colleagues.data.filter((s) => s.id !== me.staffId);
  if (!others.length) return <Text className='card__text'>居委会暂时没有其他同事可以转交。</Text>;
  return (
    <View>
      <Text className='field__label'>转交给</Text>
      {others.map((s) => (
        <Button key={s.id} className={s.id === to ? 'choice__item choice__item--on' : 'choice__item'} aria-pressed={s.id === to} onClick={() => setTo(s.id)}>
          {s.name}{s.roles.includes('secretary') ? '（书记）' : ''}
        </Button>
      ))}
      <TextField label='转交说明' optional value={note} onChange={setNote} maxlength={200} error={submit.errors.note} />
      <FormError error={submit.error} />
      {to ? null : <Text className='card__hint'>请先点选一位同事。</Text>}
      <Button
        className='btn btn--primary'
        disabled={!to || submit.busy}
        loading={submit.busy}
        onClick={async () => {
          const out = await submit.submit();
          if (out) onDone(out.question);
        }}
      >
        确认转交
      </Button>
    </View>
  );
}

function Notify({ q, onDone }: { q: QuestionView; onDone: (q: QuestionView) => void }) {
  const d = q.staffDetails;
  const resend = useSubmit((requestId) => call(retryNotify, { questionId: q.id }, { requestId }));
  if (!d) return null;
  return (
    <View className='card'>
      <Text className='card__text'>企业微信通知：{NOTIFY_TEXT[d.notifyStatus]}</Text>
      {d.notifyStatus !== 'sent' ? (
        <View>
          <FormError error={resend.error} />
          <Button className='btn' loading={resend.busy} disabled={resend.busy} onClick={async () => { const out = await resend.submit(); if (out) onDone(out.question); }}>重发通知</Button>
        </View>
      ) : null}
    </View>
  );
}

function Detail({ id, me }: { id: string; me: Me }) {
  const loaded = useAsync(() => call(getQuestion, { id }));
  const colleagues = useColleagues();
  // an action's answer supersedes the loaded question
  const [q, setQ] = useState<QuestionView | null>(null);
  const [handing, setHanding] = useState(false);

  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const question = q ?? loaded.data.question;
  const names = colleagues.status === 'ready' ? colleagues.data : undefined;
  const update = (next: QuestionView) => { setQ(next); setHanding(false); };

  return (
    <View>
      <View className={question.overdue && question.status === 'open' ? 'card card--committee' : 'card'}>
        <Text className='card__label'>居民留言 · {formatDateTime(question.askedAt, 'short')}</Text>
        <Text className='card__heading'>{question.content}</Text>
        <Text className='card__text'>回复期限：{formatDateTime(question.dueAt, 'short')}</Text>
        <QuestionBadges q={question} />
      </View>

      <Text className='section-title'>回复记录</Text>
      <Replies q={question} />

      {question.staffDetails?.handovers.length ? (
        <View className='card'>
          <Text className='card__title'>转交记录</Text>
          {question.staffDetails.handovers.map((h, i) => (
            <Text key={i} className='card__text'>{formatDateTime(h.at, 'short')} {nameOf(names, h.fromStaffId)} 转交给 {nameOf(names, h.toStaffId)}{h.note ? `：${h.note}` : ''}</Text>
          ))}
        </View>
      ) : null}

      {question.status === 'answered' ? (
        <View className='card'>
          <Text className='card__title'>居民评价</Text>
          <Text className='card__text'>{question.rating ? `${question.rating.satisfied ? '满意' : '不满意'}（${formatDateTime(question.rating.at, 'short')}）` : '居民还没有评价'}</Text>
        </View>
      ) : (
        <View>
          <ReplyForm q={question} onDone={update} />
          <View className='card'>
            <Text className='card__title'>转交同事</Text>
            {handing ? <HandOverForm q={question} me={me} colleagues={colleagues} onDone={update} /> : <Button className='btn' onClick={() => setHanding(true)}>选择同事转交</Button>}
          </View>
        </View>
      )}

      <Notify q={question} onDone={update} />
    </View>
  );
}

export default function QuestionDetailPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{(me) => (id ? <Detail id={id} me={me} /> : <Text className='state__text'>没有指定留言，请从线上反馈列表打开。</Text>)}</StaffGate>
    </Screen>
  );
}
