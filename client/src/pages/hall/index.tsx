/** 议事厅: the committee's topics by stage, and (for verified residents) raising a new one. */
import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Text } from '@tarojs/components';
import { listTopics, type TopicStage } from '@shared/contracts/content-topics';
import { Screen } from '../../components/Screen';
import { formatDay } from '../../lib/time';
import { ListItem } from '../../components/resident/ListItem';
import { PagedList } from '../../components/PagedList';
import { Tabs } from '../../components/resident/Tabs';
import { usePagedList } from '../../hooks/usePagedList';
import { useReturnReload } from '../../hooks/useReturnReload';
import { call } from '../../services/cloud';
import { STAGE_LABELS, TOPIC_STAGES } from './labels';
import { ROUTES, withQuery } from '../../lib/routes';

type Filter = TopicStage | 'all';
const FILTERS: { key: Filter; label: string }[] = [{ key: 'all', label: '全部' }, ...TOPIC_STAGES.map((s) => ({ key: s, label: STAGE_LABELS[s] }))];

export default function HallPage() {
  const [stage, setStage] = useState<Filter>('all');
  const list = usePagedList((offset) => call(listTopics, { stage: stage === 'all' ? undefined : stage, offset, limit: 20 }), stage);
  useReachBottom(list.loadMore);
  // Back from a topic (a vote) or from raising one: show the list as it is now.
  useReturnReload(list.reload);
  return (
    <Screen>
      <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.propose })}>我要提议题</Button>
      <Tabs options={FILTERS} value={stage} onChange={setStage} />
      <PagedList
        list={list}
        variant='resident'
        empty='这里还没有议题'
        keyOf={(t) => t.id}
        render={(t) => (
          <ListItem
            title={t.title}
            tag={STAGE_LABELS[t.stage]}
            tagStrong={t.stage === 'discussing'}
            meta={<Text>{t.proposer.kind === 'staff' ? '居委会' : '居民'}{t.proposer.name} 提出 · {formatDay(t.createdAt)}{t.hasPoll ? ' · 有投票' : ''}</Text>}
            onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.resident.topic, { id: t.id }) })}
          />
        )}
      />
    </Screen>
  );
}
