/**
 * 工作记录: my records of a month (the secretary may switch to the whole committee), by type,
 * with entries to record a new 走访 / 首问接待 / 会议 / 活动.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { listRecords, type RecordSummary } from '@shared/contracts/worklog';
import type { RecordType } from '@shared/domain/worklog';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { PagedList } from '../../../../components/PagedList';
import { MonthBar } from '../../../../components/staff/MonthBar';
import { Tabs } from '../../../../components/staff/Tabs';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { open } from '../../../../components/staff/nav';
import { RECORD_TYPE_LABELS, VISIT_KIND_LABELS } from '../../../../components/staff/labels';
import { formatDateTime, localMonth } from '../../../../lib/time';
import type { Me } from '../../../../hooks/useMe';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

type TypeFilter = 'all' | RecordType;
const TYPES: [TypeFilter, string][] = [['all', '全部'], ['visit', '走访'], ['reception', '接待'], ['meeting', '会议'], ['activity', '活动']];
const NEW: RecordType[] = ['visit', 'reception', 'meeting', 'activity'];

function RecordItem({ r, showAuthor }: { r: RecordSummary; showAuthor: boolean }) {
  const pending = r.receptionStatus === 'pending';
  return (
    <View className={pending ? 'item item--alert' : 'item'} onClick={() => open(pending ? withQuery(ROUTES.staff.reception, { id: r.id }) : withQuery(ROUTES.staff.recordDetail, { id: r.id }))}>
      <Text className='item__title'>{r.title}</Text>
      <Text className='item__meta'>
        {RECORD_TYPE_LABELS[r.type]} · {formatDateTime(r.at, 'short')}{showAuthor ? ` · ${r.staffName}` : ''}
        {r.residentNameMasked ? ` · ${r.residentNameMasked}` : ''}{r.place ? ` · ${r.place}` : ''}
      </Text>
      <View className='badges'>
        {r.visitKind ? <Text className='badge'>{VISIT_KIND_LABELS[r.visitKind]}</Text> : null}
        {r.receptionStatus === 'confirmed' ? <Text className='badge badge--ok'>居民已确认</Text> : null}
        {pending ? <Text className='badge badge--alert'>待居民确认（点此确认）</Text> : null}
      </View>
    </View>
  );
}

function Records({ me }: { me: Me }) {
  const [month, setMonth] = useState(localMonth);
  const [type, setType] = useState<TypeFilter>('all');
  const [scope, setScope] = useState<'mine' | 'committee'>('mine');
  const list = usePagedList(
    (offset) => call(listRecords, { scope, month, type: type === 'all' ? undefined : type, offset, limit: 20 }),
    `${scope}|${month}|${type}`,
  );
  useReturnReload(list.reload);

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>新增记录</Text>
        {NEW.map((t) => (
          <Button key={t} className='btn btn--entry' onClick={() => open(withQuery(ROUTES.staff.newRecord, { type: t }))}>记一条{RECORD_TYPE_LABELS[t]}</Button>
        ))}
      </View>
      {isSecretary(me) ? <Tabs value={scope} options={[['mine', '我的记录'], ['committee', '全居委记录']]} onChange={setScope} /> : null}
      <MonthBar month={month} onChange={setMonth} />
      <Tabs value={type} options={TYPES} onChange={setType} />
      {list.first ? <Text className='section-title'>共 {list.first.total} 条</Text> : null}
      <PagedList list={list} variant='staff' empty='这个月还没有记录。' keyOf={(r) => r.id} render={(r) => <RecordItem r={r} showAuthor={scope === 'committee'} />} />
    </View>
  );
}

export default function RecordsPage() {
  return (
    <Screen>
      <StaffGate>{(me) => <Records me={me} />}</StaffGate>
    </Screen>
  );
}
