/** One of my questions: what I asked, the committee's replies, and my rating (once). */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getQuestion, rate, type QuestionView } from '@shared/contracts/inbox';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { formatDateTime } from '../../lib/time';
import { param } from '../../lib/routes';
import { useSubmit } from '../../hooks/useSubmit';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { statusLabel } from './status';

function Rating({ question, onRated }: { question: QuestionView; onRated: (q: QuestionView) => void }) {
  const send = useSubmit((requestId, satisfied: boolean) => call(rate, { questionId: question.id, satisfied }, { requestId }));
  if (question.rating) {
    return (
      <View className='card'>
        <Text className='card__title'>我的评价</Text>
        <Text className='card__text'>{question.rating.satisfied ? '满意' : '不满意'}（{formatDateTime(question.rating.at)}）</Text>
      </View>
    );
  }
  if (!question.canRate) return null;
  const choose = async (satisfied: boolean) => {
    // A rating cannot be changed: confirm before sending.
    const ok = await Taro.showModal({ title: '确认评价', content: `您对这次答复${satisfied ? '满意' : '不满意'}吗？评价后不能修改。`, confirmText: '确定', cancelText: '再想想' });
    if (!ok.confirm) return;
    const r = await send.submit(satisfied);
    if (r) onRated(r.question);
  };
  return (
    <View className='card'>
      <Text className='card__title'>您对答复满意吗？</Text>
      <Text className='card__hint'>只能评价一次。</Text>
      <Alert text={send.message} />
      <Button className='btn btn--primary' disabled={send.busy} onClick={() => void choose(true)}>满意</Button>
      <Button className='btn' disabled={send.busy} onClick={() => void choose(false)}>不满意</Button>
    </View>
  );
}

function QuestionDetail({ initial }: { initial: QuestionView }) {
  const [q, setQ] = useState(initial);
  return (
    <>
      <View className='card'>
        <Text className='rtag' style={{ alignSelf: 'flex-start' }}>{statusLabel(q)}</Text>
        <Text className='card__label' style={{ marginTop: '0.5em' }}>我的提问 · {formatDateTime(q.askedAt)}</Text>
        <Text className='rbody'>{q.content}</Text>
        {q.status === 'open' ? (
          <Text className='card__hint'>{q.overdue ? '已超过答复时间，居委会正在处理，请耐心等待。' : `居委会将在 ${formatDateTime(q.dueAt)} 前答复。`}</Text>
        ) : null}
      </View>
      <View className='card'>
        <Text className='card__title'>居委会答复</Text>
        {q.replies.length === 0 ? <Text className='card__hint'>还没有答复。</Text> : null}
        {q.replies.map((r) => (
          <View key={r.id} className='rcomment'>
            <Text className='rcomment__who'>{r.staffName}（居委会）{r.complete ? '' : ' · 阶段回复'}</Text>
            <Text className='rcomment__text'>{r.text}</Text>
            <Text className='rcomment__when'>{formatDateTime(r.at)}</Text>
          </View>
        ))}
      </View>
      <Rating question={q} onRated={setQ} />
    </>
  );
}

export default function QuestionPage() {
  const { params } = useRouter();
  const id = param(params, 'id') ?? '';
  const state = useAsync(() => call(getQuestion, { id }));
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <QuestionDetail key={state.data.question.id} initial={state.data.question} /> : null}
    </Screen>
  );
}
