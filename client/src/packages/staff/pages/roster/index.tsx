/**
 * 错时值班: the week's shifts, Monday to Sunday, with weekends, holidays and adjusted working
 * days marked; I sign in for my own shift (the server enforces the window: 15 minutes before
 * the start until the end).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contract';
import { signIn, week, type ShiftOut } from '@shared/contracts/roster';
import type { AppError } from '@shared/errors';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { open } from '../../../../components/staff/nav';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { SHIFT_KIND_LABELS } from '../../../../components/staff/labels';
import { addDays, formatDateTime, formatLocalDate, localDate, weekdayName } from '../../../../lib/time';
import type { Me } from '../../../../hooks/useMe';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';
import { asAppError } from '../../../../lib/errors';

type Day = OutputOf<typeof week>['days'][number];

const DAY_TYPE: Record<Day['type'], string | null> = { workday: null, weekend: '周末', holiday: '节假日', adjusted_workday: '调休上班' };

function ShiftRow({ shift, mine, onSigned }: { shift: ShiftOut; mine: boolean; onSigned: (s: ShiftOut, note: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const now = Date.now();
  // Offer the button only around the window; the server has the last word.
  const open = mine && !shift.signedInAt && now < new Date(shift.endAt).getTime() && now >= new Date(shift.startAt).getTime() - 15 * 60_000;
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call(signIn, { shiftId: shift.id });
      onSigned(r.shift, r.alreadySignedIn ? '您已签到过。' : r.onTime ? '签到成功，按时到岗。' : '已签到，但晚于开始时间 15 分钟以上，记为迟到。');
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='day__shift'>
      <Text className='card__text'>{shift.start}–{shift.end} · {shift.staffName}{mine ? '（我）' : ''}</Text>
      <View className='badges'>
        <Text className={shift.kind === 'regular' ? 'badge' : 'badge badge--alert'}>{SHIFT_KIND_LABELS[shift.kind] ?? shift.kind}</Text>
        {shift.signedInAt ? <Text className={shift.attended ? 'badge badge--ok' : 'badge'}>{shift.attended ? '已签到' : '迟到签到'} {formatDateTime(shift.signedInAt, 'short')}</Text> : null}
      </View>
      {shift.note ? <Text className='item__meta'>{shift.note}</Text> : null}
      {error ? <View className='form__error' role='alert'><Text>{error.message}</Text></View> : null}
      {open ? <Button className='btn btn--primary' loading={busy} disabled={busy} onClick={() => void sign()}>签到</Button> : null}
    </View>
  );
}

/** One week; keyed by its date so that another week loads afresh. */
function WeekDays({ date, me, onNotice }: { date: string; me: Me; onNotice: (n: string) => void }) {
  const today = localDate();
  const [signed, setSigned] = useState<Record<string, ShiftOut>>({});
  const data = useAsync(() => call(week, { date }));
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorView error={data.error} onRetry={data.reload} />;
  return (
    <View>
      <Text className='section-title'>{formatLocalDate(data.data.from, 'short')} – {formatLocalDate(data.data.to, 'short')}</Text>
      {data.data.days.map((d) => {
        const rest = d.type === 'weekend' || d.type === 'holiday';
        const label = DAY_TYPE[d.type];
        return (
          <View key={d.date} className={`day${rest ? ' day--rest' : ''}${d.date === today ? ' day--today' : ''}`}>
            <View className='day__head'>
              <Text>{formatLocalDate(d.date, 'short')} {weekdayName(d.weekday)}{d.date === today ? '（今天）' : ''}</Text>
              {label ? <Text className={rest ? 'badge badge--alert' : 'badge'}>{d.holiday ? `${d.holiday}·${label}` : label}</Text> : null}
            </View>
            {d.shifts.length ? (
              d.shifts.map((s) => (
                // the mark only; the server checks the real owner when signing in
                <ShiftRow key={s.id} shift={signed[s.id] ?? s} mine={s.staffId === me.staffId} onSigned={(next, note) => { setSigned((m) => ({ ...m, [next.id]: next })); onNotice(note); }} />
              ))
            ) : (
              <Text className='item__meta'>无值班安排</Text>
            )}
          </View>
        );
      })}
    </View>
  );
}

function Week({ me }: { me: Me }) {
  const today = localDate();
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  // back from 安排值班: read the week again
  const [version, setVersion] = useState(0);
  useReturnReload(() => setVersion((v) => v + 1));
  return (
    <View>
      <View className='month-bar'>
        <Button className='btn' onClick={() => setDate(addDays(date, -7))}>上一周</Button>
        <Button className='btn' onClick={() => setDate(today)}>本周</Button>
        <Button className='btn' onClick={() => setDate(addDays(date, 7))}>下一周</Button>
      </View>
      {isSecretary(me) ? <Button id='roster-plan' className='btn btn--primary' onClick={() => open(withQuery(ROUTES.staff.rosterPlan, { date }))}>安排值班</Button> : null}
      {notice ? <View role='status'><Text className='notice'>{notice}</Text></View> : null}
      <WeekDays key={`${date}#${version}`} date={date} me={me} onNotice={setNotice} />
    </View>
  );
}

export default function RosterPage() {
  return (
    <Screen>
      <StaffGate>{(me) => <Week me={me} />}</StaffGate>
    </Screen>
  );
}
