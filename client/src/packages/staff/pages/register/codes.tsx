/**
 * 登记码与核对 (staff / secretary): issue a one-time household code by 户编号 (household.issueCode)
 * and show it large to read out or copy; list residents' requests to check their details
 * (listChecks, newest first) and mark them handled (resolveCheck).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import { issueCode, listChecks, resolveCheck } from '@shared/contracts/household';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { PagedList } from '../../../../components/PagedList';
import { Tabs } from '../../../../components/staff/Tabs';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSubmit } from '../../../../hooks/useSubmit';
import { formatDateTime } from '../../../../lib/time';
import { call } from '../../../../services/cloud';
import './register.css';

type Issued = OutputOf<typeof issueCode>;
type Check = OutputOf<typeof listChecks>['items'][number];
type Status = 'open' | 'resolved';

function IssueCode() {
  const [householdId, setHouseholdId] = useState('');
  const [issued, setIssued] = useState<(Issued & { householdId: string }) | null>(null);
  const send = useSubmit((requestId) => call(issueCode, { householdId }, { requestId }));

  const submit = async () => {
    const r = await send.submit();
    if (r) setIssued({ ...r, householdId: householdId.trim() });
  };

  return (
    <View>
      <Text className='section-title'>发登记码</Text>
      <Text className='card__hint'>居民对不上信息时，可为其家庭发一个一次性登记码（24 小时内有效，只能用一次）。</Text>
      <TextField
        label='户编号（人口库中的）'
        value={householdId}
        maxlength={64}
        error={send.errors.householdId}
        onChange={(v) => { setHouseholdId(v); send.reset(); }}
      />
      <FormError error={send.error} />
      <Button className='btn btn--primary' loading={send.busy} disabled={send.busy} onClick={() => void submit()}>生成登记码</Button>
      {issued ? (
        <View className='code-box' role='status'>
          <Text className='card__text'>户编号 {issued.householdId}{issued.building || issued.room ? `（${issued.building ?? ''} ${issued.room ?? ''}）` : ''}</Text>
          <Text className='claim-code'>{issued.code}</Text>
          <Text className='card__text'>有效期至 {formatDateTime(issued.expiresAt, 'short')}，只能用一次</Text>
        </View>
      ) : null}
    </View>
  );
}

function CheckItem({ item, onResolved }: { item: Check; onResolved: () => void }) {
  const send = useSubmit((requestId) => call(resolveCheck, { id: item.id }, { requestId }));
  return (
    <View className='item'>
      <Text className='item__title'>{item.name} · {item.building} {item.room}</Text>
      <Text className='item__meta'>{formatDateTime(item.createdAt, 'short')} · {item.status === 'open' ? '待处理' : '已处理'}</Text>
      {item.note ? <Text className='item__text'>{item.note}</Text> : null}
      <FormError error={send.error} />
      {item.status === 'open' ? (
        <Button className='btn' loading={send.busy} disabled={send.busy} onClick={() => void send.submit().then((r) => { if (r) onResolved(); })}>标记为已处理</Button>
      ) : null}
    </View>
  );
}

function Checks() {
  const [status, setStatus] = useState<Status>('open');
  const list = usePagedList((offset) => call(listChecks, { status, offset, limit: 20 }), status);
  return (
    <View>
      <Text className='section-title'>居民核对申请</Text>
      <Tabs value={status} options={[['open', '待处理'], ['resolved', '已处理']] as const} onChange={setStatus} />
      <PagedList
        list={list}
        variant='staff'
        empty={status === 'open' ? '没有待处理的核对申请' : '还没有已处理的核对申请'}
        keyOf={(c) => (c as Check).id}
        render={(c) => <CheckItem item={c as Check} onResolved={list.reload} />}
      />
    </View>
  );
}

export default function RegisterCodesPage() {
  return (
    <Screen>
      <StaffGate>
        {() => (
          <View>
            <IssueCode />
            <Checks />
          </View>
        )}
      </StaffGate>
    </Screen>
  );
}
