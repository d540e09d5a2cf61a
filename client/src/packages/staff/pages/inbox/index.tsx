/** 线上反馈: the committee's resident questions, unanswered first (earliest deadline first). */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { staffInbox } from '@shared/contracts/inbox';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { PagedList } from '../../../../components/PagedList';
import { QuestionCard } from '../../../../components/staff/QuestionCard';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { open } from '../../../../components/staff/nav';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

type Filter = 'all' | 'open' | 'answered';
const FILTERS: [Filter, string][] = [['all', '全部'], ['open', '待回复'], ['answered', '已解答']];

function Inbox() {
  const [status, setStatus] = useState<Filter>('all');
  const list = usePagedList((offset) => call(staffInbox, { status, offset, limit: 20 }), status);
  useReturnReload(list.reload);
  const first = list.first;

  return (
    <View>
      {first ? (
        <View className='summary' aria-live='polite'>
          <Text className='summary__cell'>待回复 <Text className='summary__num'>{first.openCount}</Text> 条</Text>
          <Text className='summary__cell'>已超时 <Text className='summary__num'>{first.overdueCount}</Text> 条</Text>
        </View>
      ) : null}
      <View className='tabs'>
        {FILTERS.map(([v, label]) => (
          <Button key={v} className={v === status ? 'btn tabs__item tabs__item--on' : 'btn tabs__item'} aria-pressed={v === status} onClick={() => setStatus(v)}>{label}</Button>
        ))}
      </View>
      <PagedList
        list={list}
        variant='staff'
        empty={status === 'open' ? '没有待回复的留言。' : '还没有居民留言。'}
        keyOf={(q) => q.id}
        render={(q) => <QuestionCard q={q} onOpen={() => open(withQuery(ROUTES.staff.inboxDetail, { id: q.id }))} />}
      />
    </View>
  );
}

export default function InboxPage() {
  return (
    <Screen>
      <StaffGate>{() => <Inbox />}</StaffGate>
    </Screen>
  );
}
