/** 议事结果: what was decided, who acts, by when, and how it has been followed up. */
import { Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import type { getTopic } from '@shared/contracts/content-topics';
import { formatDay, formatLocalDate } from '../../lib/time';
import { Fact } from '../../components/resident/Fact';
import { FOLLOW_UP_LABELS } from './labels';

type OutcomeView = NonNullable<OutputOf<typeof getTopic>['outcome']>;

export function Outcome({ outcome }: { outcome: OutcomeView }) {
  return (
    <View className='card card--committee'>
      <Text className='card__title'>议事结果</Text>
      <View className='rfacts'>
        <Fact label='议定事项' value={outcome.decision} />
        <Fact label='由谁负责' value={outcome.actor} />
        <Fact label='完成时间' value={`${formatLocalDate(outcome.dueDate)}前`} />
        <Fact label='议定日期' value={formatDay(outcome.decidedAt)} />
      </View>
      <Text className='card__title'>跟进情况</Text>
      {outcome.followUps.length === 0 ? <Text className='card__hint'>还没有跟进记录。</Text> : null}
      {[...outcome.followUps].reverse().map((f) => (
        <View key={`${f.recordedAt}-${f.date}`} className='rcomment'>
          <Text className='rcomment__who'>{formatLocalDate(f.date)} · {FOLLOW_UP_LABELS[f.status]}</Text>
          <Text className='rcomment__text'>{f.text}</Text>
        </View>
      ))}
    </View>
  );
}
