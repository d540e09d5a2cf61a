/** 问居委会: the caller's own questions, newest first, with their state; and 我要提问. */
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Text } from '@tarojs/components';
import { myQuestions } from '@shared/contracts/inbox';
import { Screen } from '../../components/Screen';
import { formatDateTime } from '../../lib/time';
import { ListItem } from '../../components/resident/ListItem';
import { PagedList } from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { useReturnReload } from '../../hooks/useReturnReload';
import { call } from '../../services/cloud';
import { statusLabel } from './status';
import { ROUTES, withQuery } from '../../lib/routes';

/** the first line of a question, as its title in the list */
const firstLine = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export default function QuestionsPage() {
  const list = usePagedList((offset) => call(myQuestions, { offset, limit: 20 }));
  useReachBottom(list.loadMore);
  // Back from asking or rating: show the current state.
  useReturnReload(list.reload);
  return (
    <Screen>
      <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.resident.ask })}>我要提问</Button>
      <PagedList
        list={list}
        variant='resident'
        empty='您还没有向居委会提过问题'
        keyOf={(q) => q.id}
        render={(q) => (
          <ListItem
            title={firstLine(q.content)}
            tag={statusLabel(q)}
            tagStrong={q.status === 'answered' && q.canRate}
            meta={<Text>{formatDateTime(q.askedAt)} 提问{q.canRate ? ' · 请评价答复' : ''}</Text>}
            onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.resident.question, { id: q.id }) })}
          />
        )}
      />
    </Screen>
  );
}
