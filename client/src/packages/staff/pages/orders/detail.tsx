/**
 * One work order: what, where, by when, its history, and the next steps the caller may take
 * (分派 / 处置完成 / 退回 / 结案 / 重新打开). The server decides who may; the buttons only
 * follow the same rules so that nobody is offered a step they would be refused.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { StaffView } from '@shared/contracts/admin-staff';
import { assignIssue, closeIssue, getIssue, handleIssue, reopenIssue, returnIssue, type WorkOrderOut } from '@shared/contracts/worklog-orders';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { TextArea } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { nameOf, useColleagues } from '../../../../components/staff/useColleagues';
import { ORDER_EVENT_LABELS, ORDER_STATUS_LABELS } from '../../../../components/staff/labels';
import { formatDateTime, formatLocalDate } from '../../../../lib/time';
import type { Me } from '../../../../hooks/useMe';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';

type Send = (text: string, requestId: string) => Promise<WorkOrderOut>;

/** One step with its text (reason, resolution, note); `required` text may not be empty. */
function Step({ title, label, required, danger, send, onDone }: { title: string; label: string; required: boolean; danger?: boolean; send: Send; onDone: (o: WorkOrderOut) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const submit = useSubmit((requestId) => send(text, requestId));
  if (!open) return <Button className={danger ? 'btn' : 'btn btn--entry'} onClick={() => setOpen(true)}>{title}</Button>;
  const err = Object.values(submit.errors)[0];
  return (
    <View className='card'>
      <TextArea label={label} optional={!required} value={text} onChange={setText} error={err} />
      <FormError error={submit.error} />
      <Button className='btn btn--primary' loading={submit.busy} disabled={submit.busy} onClick={async () => { const o = await submit.submit(); if (o) { setOpen(false); setText(''); onDone(o); } }}>确认{title}</Button>
      <Button className='btn' onClick={() => setOpen(false)}>取消</Button>
    </View>
  );
}

function Assign({ order, colleagues, onDone }: { order: WorkOrderOut; colleagues: StaffView[]; onDone: (o: WorkOrderOut) => void }) {
  const [to, setTo] = useState<string | null>(null);
  const submit = useSubmit((requestId) => call(assignIssue, { orderId: order.id, version: order.version, assigneeId: to ?? '' }, { requestId }));
  return (
    <View className='card'>
      <Text className='card__title'>{order.status === 'reported' ? '分派给' : '改派给'}</Text>
      {colleagues.filter((s) => s.id !== order.assigneeId).map((s) => (
        <Button key={s.id} className={s.id === to ? 'choice__item choice__item--on' : 'choice__item'} aria-pressed={s.id === to} onClick={() => setTo(s.id)}>{s.name}</Button>
      ))}
      <FormError error={submit.error} />
      <Button className='btn btn--primary' disabled={!to || submit.busy} loading={submit.busy} onClick={async () => { const o = await submit.submit(); if (o) onDone(o); }}>确认分派</Button>
    </View>
  );
}

function Steps({ order, me, colleagues, onDone }: { order: WorkOrderOut; me: Me; colleagues: StaffView[] | undefined; onDone: (o: WorkOrderOut) => void }) {
  const secretary = isSecretary(me);
  // `me` carries no staff id: the names stand in for "I am the assignee / the reporter".
  const isMe = (staffId: string | null) => !!staffId && staffId === me.staffId;
  const ref = { orderId: order.id, version: order.version };
  const steps = [];
  if (secretary && (order.status === 'reported' || order.status === 'assigned') && colleagues) steps.push(<Assign key='assign' order={order} colleagues={colleagues} onDone={onDone} />);
  if (order.status === 'assigned' && isMe(order.assigneeId)) steps.push(<Step key='handle' title='处置完成' label='处置情况' required send={(t, requestId) => call(handleIssue, { ...ref, resolution: t }, { requestId })} onDone={onDone} />);
  if (order.status === 'handled' && (secretary || isMe(order.reportedBy))) {
    steps.push(<Step key='close' title='结案' label='结案说明' required={false} send={(t, requestId) => call(closeIssue, { ...ref, note: t || null }, { requestId })} onDone={onDone} />);
    steps.push(<Step key='return' title='退回重办' label='退回原因' required danger send={(t, requestId) => call(returnIssue, { ...ref, reason: t }, { requestId })} onDone={onDone} />);
  }
  if (order.status === 'closed' && secretary) steps.push(<Step key='reopen' title='重新打开' label='重新打开原因' required danger send={(t, requestId) => call(reopenIssue, { ...ref, reason: t }, { requestId })} onDone={onDone} />);
  if (!steps.length) return null;
  return <View><Text className='section-title'>下一步</Text>{steps}</View>;
}

function Detail({ id, me }: { id: string; me: Me }) {
  const loaded = useAsync(() => call(getIssue, { orderId: id }));
  const colleagues = useColleagues();
  // a step's answer supersedes the loaded order
  const [order, setOrder] = useState<WorkOrderOut | null>(null);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const o = order ?? loaded.data;
  const names = colleagues.status === 'ready' ? colleagues.data : undefined;
  return (
    <View>
      <View className={o.overdue ? 'card card--committee' : 'card'}>
        <Text className='card__label'>{ORDER_STATUS_LABELS[o.status]}{o.overdue ? ' · 已超期' : ''}</Text>
        <Text className='card__heading'>{o.title}</Text>
        <Text className='card__text'>{o.description}</Text>
        {o.place ? <Text className='card__text'>地点：{o.place}</Text> : null}
        <Text className='card__text'>办结期限：{formatLocalDate(o.dueDate, 'short')}</Text>
        {o.assigneeId ? <Text className='card__text'>处理人：{nameOf(names, o.assigneeId)}</Text> : null}
        {o.resolution ? <Text className='card__text'>处置情况：{o.resolution}</Text> : null}
      </View>
      <Steps order={o} me={me} colleagues={names} onDone={setOrder} />
      <Text className='section-title'>办理经过</Text>
      {o.history.map((h, i) => (
        <View key={i} className='item'>
          <Text className='item__meta'>{formatDateTime(h.at, 'short')} · {h.byName ?? nameOf(names, h.by)}</Text>
          <Text className='item__title'>{ORDER_EVENT_LABELS[h.event] ?? h.event}{h.assigneeId ? `：${nameOf(names, h.assigneeId)}` : ''}</Text>
          {h.note ? <Text className='item__text'>{h.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export default function OrderDetailPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{(me) => (id ? <Detail id={id} me={me} /> : <Text className='state__text'>没有指定工单。</Text>)}</StaffGate>
    </Screen>
  );
}
