/** 首问接待: who came (optional), 咨询 or 办事, the matter and the answer; then the resident confirms. */
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { createReception } from '@shared/contracts/worklog';
import type { ReceptionCategory } from '@shared/domain/worklog';
import { call } from '../../../services/cloud';
import { Choice, DateTimeField, TextArea, TextField } from '../Fields';
import { FormError } from '../FormError';
import { RECEPTION_CATEGORY_LABELS } from '../labels';
import type { ReceptionToken } from '../receptionHandoff';
import { useSubmit } from '../../../hooks/useSubmit';
import { useWhen } from './useWhen';

const CATEGORIES = (Object.keys(RECEPTION_CATEGORY_LABELS) as ReceptionCategory[]).map((k) => [k, RECEPTION_CATEGORY_LABELS[k]] as const);

export function ReceptionForm({ onSaved }: { onSaved: (r: ReceptionToken) => void }) {
  const when = useWhen();
  const [f, setF] = useState({ residentName: '', building: '', room: '', category: 'consult' as ReceptionCategory, matter: '', outcome: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useSubmit((requestId) =>
    call(createReception, { at: when.at, ...f, residentName: f.residentName || null, building: f.building || null, room: f.room || null }, { requestId }),
  );
  const e = save.errors;
  return (
    <View>
      <DateTimeField label='接待时间' date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} error={e.at} />
      <TextField label='来访居民姓名' optional value={f.residentName} onChange={set('residentName')} maxlength={20} error={e.residentName} />
      <View className='field__pair'>
        <TextField label='楼号' optional value={f.building} onChange={set('building')} maxlength={32} error={e.building} />
        <TextField label='室号' optional value={f.room} onChange={set('room')} maxlength={16} error={e.room} />
      </View>
      <Choice label='接待类别' value={f.category} options={CATEGORIES} onChange={(c) => setF((s) => ({ ...s, category: c }))} error={e.category} />
      <TextArea label='咨询或办事事项' value={f.matter} onChange={set('matter')} error={e.matter} />
      <TextArea label='答复或办理结果' value={f.outcome} onChange={set('outcome')} error={e.outcome} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { const r = await save.submit(); if (r) onSaved(r); }}>保存，请居民确认</Button>
    </View>
  );
}
