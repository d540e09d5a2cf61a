/** 活动开展: name, place, how many took part, what was done. */
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { createActivity, type RecordSummary } from '@shared/contracts/worklog';
import { call } from '../../../services/cloud';
import { DateTimeField, NumberField, TextArea, TextField } from '../Fields';
import { FormError } from '../FormError';
import { PhotoPicker } from '../PhotoPicker';
import { useSubmit } from '../../../hooks/useSubmit';
import { useWhen } from './useWhen';

export function ActivityForm({ onSaved }: { onSaved: (r: RecordSummary) => void }) {
  const when = useWhen();
  const [photos, setPhotos] = useState<string[]>([]);
  const [f, setF] = useState({ title: '', place: '', attendance: '', description: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useSubmit((requestId) =>
    call(createActivity, { at: when.at, title: f.title, place: f.place, attendance: f.attendance === '' ? Number.NaN : Number(f.attendance), description: f.description || null, photoFileIds: photos }, { requestId }),
  );
  const e = save.errors;
  return (
    <View>
      <DateTimeField label='活动时间' date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} error={e.at} />
      <TextField label='活动名称' value={f.title} onChange={set('title')} error={e.title} />
      <TextField label='活动地点' value={f.place} onChange={set('place')} error={e.place} />
      <NumberField label='参与人数' value={f.attendance} onChange={set('attendance')} error={e.attendance} />
      <TextArea label='活动内容' optional value={f.description} onChange={set('description')} maxlength={2000} error={e.description} />
      <PhotoPicker fileIds={photos} onChange={setPhotos} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { const r = await save.submit(); if (r) onSaved(r); }}>保存活动记录</Button>
    </View>
  );
}
