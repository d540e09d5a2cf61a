/**
 * 安排值班 (secretary): one slot — local date, start and end time, kind, one or more of the
 * committee's staff — sent through roster.planShift. The kind is pre-selected from the day type
 * the week view gives for the date (节假日 → holiday, 周末 → weekend, from 17:00 → evening, else
 * regular); the server has the last word (past, overlap, contradiction with the calendar) and its
 * message is shown at the form. On success back to the week view, which reloads on show.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import { planShift, week } from '@shared/contracts/roster';
import type { ShiftKind } from '@shared/domain/roster';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { Choice, DateField, TextArea } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { SHIFT_KIND_LABELS } from '../../../../components/staff/labels';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useColleagues } from '../../../../components/staff/useColleagues';
import { backOr } from '../../../../components/staff/nav';
import { localDate } from '../../../../lib/time';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { ROUTES } from '../../../../lib/routes';

type Day = OutputOf<typeof week>['days'][number];

const KIND_OPTIONS: readonly (readonly [ShiftKind, string])[] = (['regular', 'evening', 'weekend', 'holiday'] as const).map((k) => [k, SHIFT_KIND_LABELS[k] ?? k] as const);
const DAY_TYPE_TEXT: Record<Day['type'], string> = { workday: '工作日', weekend: '周末休息日', holiday: '法定节假日', adjusted_workday: '调休上班日' };
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The kind the server would derive: statutory holiday, weekend rest day, evening from 17:00, else regular. */
function kindFor(day: Pick<Day, 'type'> | undefined, start: string): ShiftKind | undefined {
  if (!day) return undefined;
  if (day.type === 'holiday') return 'holiday';
  if (day.type === 'weekend') return 'weekend';
  return start >= '17:00' ? 'evening' : 'regular';
}

function TimeField({ label, id, value, onChange, error }: { label: string; id: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <Text className='field__label'>{label}</Text>
      <Picker id={id} mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='field__picker'>{value}</View>
      </Picker>
      {error ? <View role='alert'><Text className='field__error'>{error}</Text></View> : null}
    </View>
  );
}

function PlanForm({ initialDate }: { initialDate: string }) {
  const colleagues = useColleagues();
  const [date, setDate] = useState(initialDate);
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('20:00');
  const [chosenKind, setChosenKind] = useState<ShiftKind | null>(null);
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const calendar = useAsync(() => call(week, { date }), date);
  // another day has its own calendar: the kind is derived again unless picked again
  const pickDate = (d: string) => { setDate(d); setChosenKind(null); };

  const day = calendar.status === 'ready' ? calendar.data.days.find((d) => d.date === date) : undefined;
  const derived = kindFor(day, start);
  const kind = chosenKind ?? derived;
  const save = useSubmit((requestId) =>
    call(planShift, { date, start, end, ...(kind ? { kind } : {}), staffIds, ...(note.trim() ? { note: note.trim() } : {}) }, { requestId }),
  );
  const e = save.errors;
  // Another slot is another submission: a new request id once the form changes after a failure.
  const edit = <T,>(set: (v: T) => void) => (v: T) => { set(v); if (save.error) save.reset(); };
  const toggle = (id: string) => edit(setStaffIds)(staffIds.includes(id) ? staffIds.filter((x) => x !== id) : [...staffIds, id]);

  const submit = async () => {
    const r = await save.submit();
    if (!r) return;
    backOr(ROUTES.staff.roster);
  };

  return (
    <View className='card'>
      <Text className='card__title'>安排值班</Text>
      <Text className='card__text'>选择日期、时段和值班人员。已经结束的时段、与本人其他班次重叠的时段，服务端会拒绝。</Text>
      <DateField label='值班日期' date={date} onDate={edit(pickDate)} error={e.date} />
      {calendar.status === 'loading' ? <Text className='item__meta'>正在读取当天的日历…</Text> : null}
      {calendar.status === 'error' ? <Button className='btn' onClick={calendar.reload}>读取日历失败，重试</Button> : null}
      {day ? <Text id='plan-day-type' className='item__meta'>当天为{day.holiday ? `${day.holiday}·` : ''}{DAY_TYPE_TEXT[day.type]}{day.official ? '' : '（当年官方安排尚未公布，按星期推算）'}</Text> : null}
      <TimeField label='开始时间' id='plan-start' value={start} onChange={edit(setStart)} error={e.start} />
      <TimeField label='结束时间' id='plan-end' value={end} onChange={edit(setEnd)} error={e.end} />
      <Choice label='值班类型' value={kind ?? ('' as ShiftKind)} options={KIND_OPTIONS} onChange={edit((k: ShiftKind) => setChosenKind(k))} error={e.kind} />
      {derived && kind !== derived ? <Text className='item__meta'>按日历应为「{SHIFT_KIND_LABELS[derived]}」，类型与日历不符时服务端会拒绝。</Text> : null}
      <View className={e.staffIds ? 'field field--invalid' : 'field'}>
        <Text className='field__label'>值班人员（可多选）</Text>
        {colleagues.status === 'loading' ? <Text className='card__text'>正在读取本居委的工作人员…</Text> : null}
        {colleagues.status === 'error' ? <Button className='btn' onClick={colleagues.reload}>读取工作人员失败，重试</Button> : null}
        {colleagues.status === 'ready' ? (
          <View className='choice'>
            {colleagues.data.map((s) => (
              <Button key={s.id} className={staffIds.includes(s.id) ? 'choice__item choice__item--on plan__staff' : 'choice__item plan__staff'} aria-pressed={staffIds.includes(s.id)} onClick={() => toggle(s.id)}>
                {s.name}
              </Button>
            ))}
          </View>
        ) : null}
        <Text className='item__meta'>已选 {staffIds.length} 人</Text>
        {e.staffIds ? <View role='alert'><Text className='field__error'>{e.staffIds}</Text></View> : null}
      </View>
      <TextArea label='备注' value={note} maxlength={200} optional onChange={edit(setNote)} error={e.note} />
      <FormError error={save.error} />
      <Button id='plan-submit' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>保存值班安排</Button>
    </View>
  );
}

export default function RosterPlanPage() {
  const { date } = useRouter().params;
  const today = localDate();
  const wanted = date ? decodeURIComponent(date) : '';
  // The week being viewed; a past day cannot be planned any more, so today instead.
  const initialDate = DATE_RE.test(wanted) && wanted >= today ? wanted : today;
  return (
    <Screen>
      <StaffGate>
        {(me) => (isSecretary(me) ? <PlanForm initialDate={initialDate} /> : <Text className='state__text'>只有书记可以安排值班。如需调整班次，请联系本居委书记。</Text>)}
      </StaffGate>
    </Screen>
  );
}
