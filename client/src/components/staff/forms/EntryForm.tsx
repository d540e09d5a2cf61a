/**
 * The secretary's entry on a card: an item with evidence, or a deduction that cites a recorded
 * collective decision (居委会班子集体讨论决定).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { addEntry, listDecisions, type EntryView } from '@shared/contracts/points';
import type { EntryPayload } from '@shared/domain/points';
import { call } from '../../../services/cloud';
import { useAsync } from '../../../hooks/useAsync';
import { firstPage } from '../../../hooks/usePagedList';
import { Choice, DateField, NumberField, TextArea, TextField } from '../Fields';
import { FormError } from '../FormError';
import { useSubmit } from '../../../hooks/useSubmit';
import { localDate } from '../../../lib/time';

type Kind = EntryPayload['kind'];
export const ENTRY_KIND_LABELS: Record<Kind, string> = {
  specialAction: '专项行动', volunteer: '志愿服务', training: '培训', award: '获奖', publicity: '宣传报道', inspection: '检查评比', competition: '竞赛',
  complaint: '居民投诉（扣分）', dispute: '矛盾调处（扣分）', safetyBreach: '安全守纪（本月清零）',
};
const KINDS = (Object.keys(ENTRY_KIND_LABELS) as Kind[]).map((k) => [k, ENTRY_KIND_LABELS[k]] as const);
const LEVELS = [['city', '市级'], ['district', '区级'], ['street', '街镇级']] as const;
const PRIZES = [['none', '参赛'], ['first', '一等奖'], ['second', '二等奖'], ['third', '三等奖']] as const;

type Level = (typeof LEVELS)[number][0];
type Prize = (typeof PRIZES)[number][0];

function Decisions({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const list = useAsync(() => firstPage((offset) => call(listDecisions, { offset, limit: 50 })));
  if (list.status === 'loading') return <Text className='card__text'>正在读取集体决定…</Text>;
  if (list.status === 'error') return <Button className='btn' onClick={list.reload}>读取集体决定失败，重试</Button>;
  if (!list.data.length) return <Text className='form__error'>扣分须有班子集体讨论的决定，目前还没有记录任何决定。</Text>;
  return <Choice label='依据的集体决定' value={value} options={list.data.map((d) => [d.id, `${d.date} ${d.meeting}`] as const)} onChange={onChange} error={error} />;
}

export function EntryForm({ staffId, month, onAdded }: { staffId: string; month: string; onAdded: (e: EntryView) => void }) {
  const [kind, setKind] = useState<Kind>('specialAction');
  const [f, setF] = useState({ title: '', date: localDate(), level: 'street' as Level, holder: 'personal', prize: 'none' as Prize, points: '', decisionId: '', reason: '', evidence: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));

  const payload = (): EntryPayload => {
    const points = f.points === '' ? Number.NaN : -Math.abs(Number(f.points));
    switch (kind) {
      case 'specialAction': case 'volunteer': return { kind, date: f.date, title: f.title };
      case 'training': return { kind, level: f.level, date: f.date, title: f.title };
      case 'award': return { kind, level: f.level, holder: f.holder === 'collective' ? 'collective' : 'personal', title: f.title };
      case 'publicity': return { kind, level: f.level, title: f.title };
      case 'inspection': return { kind, holder: f.holder === 'committee' ? 'committee' : 'personal', title: f.title };
      case 'competition': return { kind, title: f.title, prize: f.prize };
      case 'complaint': case 'dispute': return { kind, points, decisionId: f.decisionId, reason: f.reason };
      case 'safetyBreach': return { kind, decisionId: f.decisionId, reason: f.reason };
    }
  };
  const save = useSubmit((requestId) => call(addEntry, { staffId, month, entry: payload(), evidence: { fileIds: [], text: f.evidence || null } }, { requestId }));
  const e = save.errors;
  const deduction = kind === 'complaint' || kind === 'dispute' || kind === 'safetyBreach';

  return (
    <View className='card'>
      <Text className='card__title'>录入积分项目</Text>
      <Choice label='项目' value={kind} options={KINDS} onChange={(k) => { setKind(k); save.reset(); }} />
      {!deduction ? <TextField label='名称或事由' value={f.title} onChange={set('title')} error={e.title} /> : null}
      {kind === 'specialAction' || kind === 'volunteer' || kind === 'training' ? <DateField label='日期' date={f.date} onDate={set('date')} error={e.date} /> : null}
      {kind === 'training' || kind === 'award' || kind === 'publicity' ? <Choice label='级别' value={f.level} options={LEVELS} onChange={(v) => setF((s) => ({ ...s, level: v }))} error={e.level} /> : null}
      {kind === 'award' ? <Choice label='获奖对象' value={f.holder} options={[['personal', '个人'], ['collective', '集体']]} onChange={set('holder')} /> : null}
      {kind === 'inspection' ? <Choice label='评优对象' value={f.holder} options={[['personal', '个人'], ['committee', '居委']]} onChange={set('holder')} /> : null}
      {kind === 'competition' ? <Choice label='名次' value={f.prize} options={PRIZES} onChange={(v) => setF((s) => ({ ...s, prize: v }))} /> : null}
      {kind === 'complaint' || kind === 'dispute' ? <NumberField label={kind === 'complaint' ? '扣分（3 至 5 分）' : '扣分（5 至 10 分）'} value={f.points} onChange={set('points')} error={e.points} /> : null}
      {deduction ? <Decisions value={f.decisionId} onChange={set('decisionId')} error={e.decisionId} /> : null}
      {deduction ? <TextArea label='扣分事由' value={f.reason} onChange={set('reason')} maxlength={300} error={e.reason} /> : null}
      <TextArea label='证明材料说明' optional value={f.evidence} onChange={set('evidence')} error={e.text} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { const r = await save.submit(); if (r) onAdded(r.entry); }}>保存</Button>
    </View>
  );
}
