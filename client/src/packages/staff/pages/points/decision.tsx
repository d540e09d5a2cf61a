/**
 * 居委会班子集体讨论决定 (secretary): record a decision — meeting date, meeting name or minutes
 * number, at least two participants, the decision, the staff it concerns — and see the
 * committee's decisions. Deductions and the 安全守纪 reset on a card cite one of these
 * (EntryForm's picker and the correction page read the same `listDecisions`).
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import { listDecisions, recordDecision } from '@shared/contracts/points';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { DateField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { PagedList } from '../../../../components/PagedList';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useColleagues } from '../../../../components/staff/useColleagues';
import { formatDateTime, localDate } from '../../../../lib/time';
import { call } from '../../../../services/cloud';

type Decision = OutputOf<typeof listDecisions>['items'][number];

function Participants({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const [name, setName] = useState('');
  const add = () => {
    const n = name.trim();
    if (!n || value.includes(n)) return;
    onChange([...value, n]);
    setName('');
  };
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <Text className='field__label'>参会的班子成员（至少两人）</Text>
      {value.map((p) => (
        <View key={p} className='row decision__participant'>
          <Text className='item__title'>{p}</Text>
          <Button className='btn decision__remove' onClick={() => onChange(value.filter((x) => x !== p))}>删除</Button>
        </View>
      ))}
      <Input id='decision-participant' className='field__input' value={name} maxlength={20} placeholder='输入姓名' onInput={(e) => setName(e.detail.value)} onConfirm={add} />
      <Button id='decision-add-participant' className='btn' onClick={add}>添加参会人</Button>
      <Text className='item__meta'>已添加 {value.length} 人</Text>
      {error ? <View role='alert'><Text className='field__error'>{error}</Text></View> : null}
    </View>
  );
}

function DecisionForm({ staffId, onSaved }: { staffId?: string; onSaved: () => void }) {
  const colleagues = useColleagues();
  const [f, setF] = useState({ date: localDate(), meeting: '', text: '' });
  const [participants, setParticipants] = useState<string[]>([]);
  const [staffIds, setStaffIds] = useState<string[]>(staffId ? [staffId] : []);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSubmit((requestId) => call(recordDecision, { date: f.date, meeting: f.meeting, participants, text: f.text, staffIds, fileIds: [] }, { requestId }));
  const e = save.errors;
  const toggle = (id: string) => setStaffIds((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const submit = async () => {
    setSaved(null);
    const r = await save.submit();
    if (!r) return;
    setSaved(`已记录：${r.decision.date} ${r.decision.meeting}`);
    setF({ date: localDate(), meeting: '', text: '' });
    setParticipants([]);
    setStaffIds(staffId ? [staffId] : []);
    onSaved();
  };
  return (
    <View className='card'>
      <Text className='card__title'>记录集体讨论决定</Text>
      <Text className='card__text'>居民投诉、矛盾调处扣分和安全守纪清零，都须依据居委会班子集体讨论的决定。</Text>
      <DateField label='会议日期' date={f.date} onDate={(v) => setF((s) => ({ ...s, date: v }))} error={e.date} />
      <TextField label='会议名称或会议记录编号' value={f.meeting} maxlength={100} onChange={(v) => setF((s) => ({ ...s, meeting: v }))} error={e.meeting} />
      <Participants value={participants} onChange={setParticipants} error={e.participants} />
      <TextArea label='决定内容' value={f.text} maxlength={1000} onChange={(v) => setF((s) => ({ ...s, text: v }))} error={e.text} />
      <View className={e.staffIds ? 'field field--invalid' : 'field'}>
        <Text className='field__label'>决定涉及的工作人员</Text>
        {colleagues.status === 'loading' ? <Text className='card__text'>正在读取本居委的工作人员…</Text> : null}
        {colleagues.status === 'error' ? <Button className='btn' onClick={colleagues.reload}>读取工作人员失败，重试</Button> : null}
        {colleagues.status === 'ready' ? (
          <View className='choice'>
            {colleagues.data.map((s) => (
              <Button key={s.id} className={staffIds.includes(s.id) ? 'choice__item choice__item--on decision__staff' : 'choice__item decision__staff'} aria-pressed={staffIds.includes(s.id)} onClick={() => toggle(s.id)}>
                {s.name}
              </Button>
            ))}
          </View>
        ) : null}
        {e.staffIds ? <View role='alert'><Text className='field__error'>{e.staffIds}</Text></View> : null}
      </View>
      <FormError error={save.error} />
      {saved ? <View className='notice' role='status'><Text>{saved}</Text></View> : null}
      <Button id='decision-submit' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>保存决定</Button>
    </View>
  );
}

function DecisionItem({ d, names }: { d: Decision; names: Map<string, string> }) {
  return (
    <View className='item'>
      <Text className='item__title'>{d.date} · {d.meeting}</Text>
      <Text className='item__text'>{d.text}</Text>
      <Text className='item__meta'>参会：{d.participants.join('、')}</Text>
      <Text className='item__meta'>涉及：{d.staffIds.map((id) => names.get(id) ?? '一位同事').join('、')}</Text>
      <Text className='item__meta'>记录于 {formatDateTime(d.createdAt, 'short')}</Text>
    </View>
  );
}

function Decisions({ staffId }: { staffId?: string }) {
  const colleagues = useColleagues();
  const list = usePagedList((offset) => call(listDecisions, { offset, limit: 20 }), 'decisions');
  const names = new Map(colleagues.status === 'ready' ? colleagues.data.map((s) => [s.id, s.name] as const) : []);
  return (
    <View>
      <DecisionForm staffId={staffId} onSaved={list.reload} />
      <Text className='section-title'>本居委的集体决定</Text>
      <PagedList list={list} variant='staff' empty='还没有记录集体讨论决定。' keyOf={(d) => d.id} render={(d) => <DecisionItem d={d} names={names} />} />
    </View>
  );
}

export default function DecisionPage() {
  const { staffId } = useRouter().params;
  return (
    <Screen>
      <StaffGate>
        {(me) => (isSecretary(me) ? <Decisions staffId={staffId ? decodeURIComponent(staffId) : undefined} /> : <Text className='state__text'>只有书记可以记录集体讨论决定。</Text>)}
      </StaffGate>
    </Screen>
  );
}
