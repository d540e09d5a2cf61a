/** 问题处置: the committee's work orders by status (or only mine), overdue ones flagged. */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { listIssues, type WorkOrderOut } from '@shared/contracts/worklog-orders';
import type { OrderStatus } from '@shared/domain/worklog';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { PagedList } from '../../../../components/PagedList';
import { Tabs } from '../../../../components/staff/Tabs';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { open } from '../../../../components/staff/nav';
import { ORDER_STATUS_LABELS } from '../../../../components/staff/labels';
import { formatDateTime, formatLocalDate } from '../../../../lib/time';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

type Filter = 'all' | OrderStatus;
const FILTERS: [Filter, string][] = [['all', '全部'], ...(Object.entries(ORDER_STATUS_LABELS) as [OrderStatus, string][])];

export function OrderItem({ o }: { o: WorkOrderOut }) {
  return (
    <View className={o.overdue ? 'item item--alert' : 'item'} onClick={() => open(withQuery(ROUTES.staff.orderDetail, { id: o.id }))}>
      <Text className='item__title'>{o.title}</Text>
      <Text className='item__meta'>上报 {formatDateTime(o.reportedAt, 'short')} · 期限 {formatLocalDate(o.dueDate, 'short')}{o.place ? ` · ${o.place}` : ''}</Text>
      <View className='badges'>
        <Text className={o.status === 'closed' ? 'badge badge--ok' : 'badge'}>{ORDER_STATUS_LABELS[o.status]}</Text>
        {o.overdue ? <Text className='badge badge--alert'>已超期</Text> : null}
      </View>
    </View>
  );
}

function Orders() {
  const [status, setStatus] = useState<Filter>('all');
  const [mine, setMine] = useState(false);
  const list = usePagedList(
    (offset) => call(listIssues, { status: status === 'all' ? undefined : status, assignedToMe: mine, offset, limit: 20 }),
    `${status}|${mine}`,
  );
  useReturnReload(list.reload);
  return (
    <View>
      <Button className='btn btn--primary' onClick={() => open(ROUTES.staff.newOrder)}>上报一个问题</Button>
      <Tabs value={mine ? 'mine' : 'all'} options={[['all', '全居委'], ['mine', '分给我的']]} onChange={(v) => setMine(v === 'mine')} />
      <Tabs value={status} options={FILTERS} onChange={setStatus} />
      {list.first ? <Text className='section-title'>共 {list.first.total} 件</Text> : null}
      <PagedList list={list} variant='staff' empty='没有这类工单。' keyOf={(o) => o.id} render={(o) => <OrderItem o={o} />} />
    </View>
  );
}

export default function OrdersPage() {
  return (
    <Screen>
      <StaffGate>{() => <Orders />}</StaffGate>
    </Screen>
  );
}
