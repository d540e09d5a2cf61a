/** 走访记录 (seed 004 附件二): time, resident, building / room, family, reason, needs, type. */
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { createVisit, type RecordSummary } from '@shared/contracts/worklog';
import type { VisitKind } from '@shared/domain/worklog';
import { call } from '../../../services/cloud';
import { Choice, DateTimeField, TextArea, TextField } from '../Fields';
import { FormError } from '../FormError';
import { PhotoPicker } from '../PhotoPicker';
import { VISIT_KIND_LABELS } from '../labels';
import { useSubmit } from '../../../hooks/useSubmit';
import { useWhen } from './useWhen';

const KINDS = (Object.keys(VISIT_KIND_LABELS) as VisitKind[]).map((k) => [k, VISIT_KIND_LABELS[k]] as const);

export function VisitForm({ onSaved }: { onSaved: (r: RecordSummary) => void }) {
  const when = useWhen();
  const [photos, setPhotos] = useState<string[]>([]);
  const [f, setF] = useState({ residentName: '', building: '', room: '', familySituation: '', reason: '', difficulty: '', kind: 'ordinary' as VisitKind, line: '', remark: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useSubmit((requestId) =>
    call(createVisit, { at: when.at, ...f, difficulty: f.difficulty || null, line: f.kind === 'line' ? f.line || null : null, remark: f.remark || null, photoFileIds: photos }, { requestId }),
  );
  const e = save.errors;
  return (
    <View>
      <DateTimeField label='走访时间' date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} error={e.at} />
      <TextField label='走访居民姓名' value={f.residentName} onChange={set('residentName')} maxlength={20} error={e.residentName} />
      <View className='field__pair'>
        <TextField label='楼号' value={f.building} onChange={set('building')} maxlength={32} error={e.building} placeholder='如 5号楼' />
        <TextField label='室号' value={f.room} onChange={set('room')} maxlength={16} error={e.room} placeholder='如 602' />
      </View>
      <TextArea label='家庭成员情况' value={f.familySituation} onChange={set('familySituation')} error={e.familySituation} />
      <TextArea label='走访事由' value={f.reason} onChange={set('reason')} error={e.reason} />
      <TextArea label='困难或诉求' optional value={f.difficulty} onChange={set('difficulty')} error={e.difficulty} />
      <Choice label='走访类型' value={f.kind} options={KINDS} onChange={(k) => setF((s) => ({ ...s, kind: k }))} error={e.kind} />
      {f.kind === 'line' ? <TextField label='业务条线名称' value={f.line} onChange={set('line')} maxlength={20} error={e.line} placeholder='如 民政、计生' /> : null}
      <PhotoPicker fileIds={photos} onChange={setPhotos} />
      <TextArea label='备注' optional value={f.remark} onChange={set('remark')} maxlength={200} error={e.remark} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { const r = await save.submit(); if (r) onSaved(r); }}>保存走访记录</Button>
    </View>
  );
}
