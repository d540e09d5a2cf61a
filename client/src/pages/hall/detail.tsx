/** One topic: its stage in plain words, the description, poll, outcome and comments. */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DECLINED, getTopic, TOPIC_STAGES, type TopicStage } from '@shared/contracts/content-topics';
import type { OutputOf } from '@shared/contract';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Comments } from '../../components/resident/Comments';
import { formatDay } from '../../lib/time';
import { param } from '../../lib/routes';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { STAGE_EXPLAINED, STAGE_LABELS } from './labels';
import { Outcome } from './Outcome';
import { Poll } from './Poll';

type Topic = OutputOf<typeof getTopic>;

function Stages({ stage }: { stage: TopicStage }) {
  // a declined proposal left the path at its first step
  if (stage === DECLINED) return null;
  const at = TOPIC_STAGES.indexOf(stage);
  return (
    <View className='rsteps' aria-label={`当前阶段：${STAGE_LABELS[stage]}`}>
      {TOPIC_STAGES.map((s, i) => (
        <Text key={s} className={i === at ? 'rstep rstep--now' : i < at ? 'rstep rstep--done' : 'rstep'}>{STAGE_LABELS[s]}</Text>
      ))}
    </View>
  );
}

function TopicView({ initial }: { initial: Topic }) {
  const [topic, setTopic] = useState(initial);
  // After a vote the counts changed: read the topic again (no loading flash).
  const refresh = () => { call(getTopic, { id: topic.id }).then(setTopic, () => undefined); };
  return (
    <>
      <View className='card'>
        <Text className='card__label'>当前阶段：{STAGE_LABELS[topic.stage]}</Text>
        <Stages stage={topic.stage} />
        <Text className='card__text'>{STAGE_EXPLAINED[topic.stage]}</Text>
      </View>
      <View className='card'>
        <Text className='card__heading'>{topic.title}</Text>
        <Text className='card__hint'>
          {topic.proposer.kind === 'staff' ? '居委会' : '居民'}{topic.proposer.name}{topic.proposer.mine ? '（我）' : ''} 于 {formatDay(topic.createdAt)} 提出
        </Text>
        <Text className='rbody'>{topic.description}</Text>
      </View>
      {topic.declineReason ? (
        <View className='card' role='note'>
          <Text className='card__title'>居委会的答复</Text>
          <Text className='rbody'>{topic.declineReason}</Text>
        </View>
      ) : null}
      {topic.outcome ? <Outcome outcome={topic.outcome} /> : null}
      {topic.poll ? <Poll topicId={topic.id} poll={topic.poll} stage={topic.stage} onVoted={refresh} /> : null}
      <Comments
        target={{ type: 'topic', id: topic.id }}
        title='居民意见'
        closedReason={topic.stage === 'discussing' ? null : topic.stage === 'proposed' ? '讨论开始后可以发表意见。' : topic.stage === DECLINED ? '这个议题没有列入讨论。' : '讨论已结束，不能再发表意见。'}
      />
    </>
  );
}

export default function TopicPage() {
  const { params } = useRouter();
  const id = param(params, 'id') ?? '';
  const state = useAsync(() => call(getTopic, { id }));
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <TopicView key={state.data.id} initial={state.data} /> : null}
    </Screen>
  );
}
