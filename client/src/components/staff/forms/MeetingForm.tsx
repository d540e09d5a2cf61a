/** 会议记录: topic, attendance, minutes and the decisions taken (one per line). */
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { createMeeting, type RecordSummary } from '@shared/contracts/worklog';
import { call } from '../../../services/cloud';
import { DateTimeField, NumberField, TextArea, TextField } from '../Fields';
import { FormError } from '../FormError';
import { useSubmit } from '../../../hooks/useSubmit';
import { useWhen } from './useWhen';

const lines = (s: string) => s.split(/[\n、,，]/).map((x) => x.trim()).filter(Boolean);

export function MeetingForm({ onSaved }: { onSaved: (r: RecordSummary) => void }) {
  const when = useWhen();
  const [f, setF] = useState({ topic: '', attendeeCount: '', attendees: '', minutes: '', decisions: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useSubmit((requestId) =>
    call(createMeeting, { at: when.at, topic: f.topic, attendeeCount: Number(f.attendeeCount) || 0, attendees: lines(f.attendees), minutes: f.minutes, decisions: f.decisions.split('\n').map((x) => x.trim()).filter(Boolean) }, { requestId }),
  );
  const e = save.errors;
  return (
    <View>
      <DateTimeField label='会议时间' date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} error={e.at} />
      <TextField label='会议主题' value={f.topic} onChange={set('topic')} error={e.topic} />
      <NumberField label='参会人数' value={f.attendeeCount} onChange={set('attendeeCount')} error={e.attendeeCount} />
      <TextArea label='参会人员（用顿号隔开）' optional value={f.attendees} onChange={set('attendees')} maxlength={1000} error={e.attendees} />
      <TextArea label='会议纪要' value={f.minutes} onChange={set('minutes')} maxlength={5000} error={e.minutes} />
      <TextArea label='决定事项（每行一条）' optional value={f.decisions} onChange={set('decisions')} maxlength={2000} error={e.decisions} />
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={async () => { const r = await save.submit(); if (r) onSaved(r); }}>保存会议记录</Button>
    </View>
  );
}
