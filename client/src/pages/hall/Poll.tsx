/**
 * A topic's poll: choose and vote once; the counts are shown after voting (or once discussion
 * has ended), so the first voters do not steer the rest.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { voteTopic, type getTopic, type TopicStage } from '@shared/contracts/content-topics';
import type { OutputOf } from '@shared/contract';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { call } from '../../services/cloud';

type PollView = NonNullable<OutputOf<typeof getTopic>['poll']>;

function Results({ poll }: { poll: PollView }) {
  const mine = new Set(poll.myChoices ?? []);
  return (
    <View>
      <Text className='card__text'>共 {poll.voters} 人参加投票{mine.size ? '，您的选择已标出' : ''}。</Text>
      {poll.options.map((o) => {
        const pct = poll.voters ? Math.round((o.votes / poll.voters) * 100) : 0;
        return (
          <View key={o.id} className='rpoll__result'>
            <View className='rpoll__row'>
              <Text>{o.text}{mine.has(o.id) ? '（我的选择）' : ''}</Text>
              <Text>{o.votes} 票 · {pct}%</Text>
            </View>
            <View className='rpoll__bar'><View className='rpoll__fill' style={{ width: `${pct}%` }} /></View>
          </View>
        );
      })}
    </View>
  );
}

interface Props {
  topicId: string;
  poll: PollView;
  stage: TopicStage;
  onVoted: () => void;
}

export function Poll({ topicId, poll, stage, onVoted }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const vote = useSubmit((requestId, choices: string[]) => call(voteTopic, { id: topicId, choices }, { requestId }));
  const voted = poll.myChoices !== null;
  const ended = stage === 'concluded' || stage === 'followed_up';

  const pick = (id: string) => {
    vote.clearError();
    if (poll.mode === 'single') setChosen([id]);
    else setChosen((cur) => (cur.includes(id) ? cur.filter((c) => c !== id) : [...cur, id]));
  };
  const submit = async () => {
    if (await vote.submit(chosen)) onVoted();
  };

  return (
    <View className='card'>
      <Text className='card__title'>投票：{poll.question}</Text>
      {voted || ended ? (
        <Results poll={poll} />
      ) : poll.canVote ? (
        <View>
          <Text className='card__hint'>{poll.mode === 'single' ? '请选一项' : '可以选多项'}，每人只能投一次，投票后可以看到结果。</Text>
          {poll.options.map((o) => (
            <Button
              key={o.id}
              className={chosen.includes(o.id) ? 'rpoll__option rpoll__option--on' : 'rpoll__option'}
              aria-pressed={chosen.includes(o.id)}
              onClick={() => pick(o.id)}
            >
              {chosen.includes(o.id) ? '✓ ' : ''}{o.text}
            </Button>
          ))}
          <Alert text={vote.message} />
          <Button className='btn btn--primary' loading={vote.busy} disabled={vote.busy || chosen.length === 0} onClick={() => void submit()}>
            {chosen.length === 0 ? '请先选择' : '投票'}
          </Button>
        </View>
      ) : (
        <Text className='card__hint'>
          {stage === 'discussing' ? '完成家庭登记（上云）的居民才能投票。投票结束后可以在这里看到结果。' : '讨论开始后可以投票。'}
        </Text>
      )}
    </View>
  );
}
