/**
 * roster · 错时值班 through the real path: planning by the secretary, the week view with the
 * official calendar, sign-in only for one's own shift inside its window, who is on duty now, and
 * attendance per month. Window edges that depend on the clock are exercised by moving a stored
 * shift's instants relative to now (the function judges the stored instants); the exact
 * millisecond edges are unit-tested in test/unit/roster.
 */
import { attendance, onDutyNow, planShift, removeShift, signIn, week } from '../../shared/contracts/roster';
import { monthSummary } from '../../shared/contracts/worklog';
import type { ShiftDoc } from '../../shared/domain/roster';
import { calendarDay } from '../../shared/roster/calendar';
import { naturalKind } from '../../shared/roster/shift';
import { dayjs, localDateOf, localMonthOf, SHANGHAI } from '../../shared/time';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const HOME = DEMO.home._id;
const OTHER = DEMO.neighbour._id;
const fail = (code: string) => ({ ok: false, error: { code } });

const t = useTestCloud();

/** A Shanghai local date `days` from today. */
const inDays = (days: number) => dayjs().tz(SHANGHAI).add(days, 'day').format('YYYY-MM-DD');
const MIN = 60_000;

/** Moves a stored shift so that its window sits at the given offsets from now (ms). */
async function placeShift(id: string, startOffset: number, endOffset: number): Promise<void> {
  const now = Date.now();
  await t.db.collection('roster_shifts').doc(id).update({ startAt: new Date(now + startOffset), endAt: new Date(now + endOffset) });
}

let seq = 0;
async function planFor(staffId: string, date = inDays(3), start = '18:00', end = '21:00') {
  // distinct slots so the same person never overlaps in these tests
  seq += 1;
  const d = dayjs(date).add(seq, 'day').format('YYYY-MM-DD');
  return ok(await t.call(WANGLI, planShift, { date: d, start, end, staffIds: [staffId] })).shifts[0]!;
}

describe('roster.planShift', () => {
  it('plans one shift per staff member, kind from the official calendar', async () => {
    const date = inDays(2);
    const res = ok(await t.call(WANGLI, planShift, { date, start: '18:00', end: '20:30', staffIds: ['staff-zhangmin', 'staff-wangli'], note: '晚间值班' }));
    expect(res.shifts).toHaveLength(2);
    expect(res.shifts.map((s) => s.staffName).sort()).toEqual(['张敏', '王丽'].sort());
    expect(res.shifts[0]).toMatchObject({ date, start: '18:00', end: '20:30', kind: naturalKind(calendarDay(date), '18:00'), signedInAt: null, attended: false });
    expect(res.shifts[0]!.startAt).toBe(dayjs.tz(`${date} 18:00`, SHANGHAI).toISOString());
  });

  it('creates one set of shifts for a retried request', async () => {
    const input = { date: inDays(40), start: '09:00', end: '11:00', staffIds: ['staff-zhangmin'] };
    const a = ok(await t.call(WANGLI, planShift, input, 'retry-shift-0001'));
    const b = ok(await t.call(WANGLI, planShift, input, 'retry-shift-0001'));
    expect(b.shifts[0]!.id).toBe(a.shifts[0]!.id);
    expect((await t.db.collection('roster_shifts').where({ date: input.date }).count()).total).toBe(1);
  });

  it('refuses overlaps, the past, contradictory kinds and strangers', async () => {
    const date = inDays(41);
    ok(await t.call(WANGLI, planShift, { date, start: '18:00', end: '20:00', staffIds: ['staff-zhangmin'] }));
    expect(await t.call(WANGLI, planShift, { date, start: '19:30', end: '21:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('SHIFT_OVERLAP'));
    // back to back is fine
    ok(await t.call(WANGLI, planShift, { date, start: '20:00', end: '21:00', staffIds: ['staff-zhangmin'] }));
    expect(await t.call(WANGLI, planShift, { date: inDays(-2), start: '18:00', end: '20:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('SHIFT_IN_PAST'));
    const workday = Array.from({ length: 14 }, (_, i) => inDays(50 + i)).find((d) => calendarDay(d).type === 'workday')!;
    expect(await t.call(WANGLI, planShift, { date: workday, start: '09:00', end: '12:00', kind: 'holiday', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('SHIFT_KIND_MISMATCH'));
    expect(await t.call(WANGLI, planShift, { date: workday, start: '09:00', end: '12:00', kind: 'evening', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('SHIFT_KIND_MISMATCH'));
    expect(await t.call(WANGLI, planShift, { date: workday, start: '18:00', end: '17:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(WANGLI, planShift, { date: workday, start: '25:00', end: '26:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(WANGLI, planShift, { date: workday, start: '18:00', end: '20:00', staffIds: [] })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(WANGLI, planShift, { date: workday, start: '18:00', end: '20:00', staffIds: ['staff-liqiang'] })).toMatchObject(fail('STAFF_NOT_IN_COMMITTEE'));
    expect(await t.call(ZHANGMIN, planShift, { date: workday, start: '18:00', end: '20:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(CHENJIE, planShift, { date: workday, start: '18:00', end: '20:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call('', planShift, { date: workday, start: '18:00', end: '20:00', staffIds: ['staff-zhangmin'] })).toMatchObject(fail('UNAUTHENTICATED'));
  });
});

describe('roster.removeShift', () => {
  it('removes a future shift nobody signed in to; refuses started ones and others', async () => {
    const s = await planFor('staff-zhangmin', inDays(60));
    expect(await t.call(ZHANGMIN, removeShift, { shiftId: s.id })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(LIQIANG, removeShift, { shiftId: s.id })).toMatchObject(fail('FORBIDDEN'));
    expect(ok(await t.call(WANGLI, removeShift, { shiftId: s.id }))).toEqual({ id: s.id, removed: true });
    expect(await t.call(WANGLI, removeShift, { shiftId: s.id })).toMatchObject(fail('NOT_FOUND'));
    const started = await planFor('staff-zhangmin', inDays(60));
    await placeShift(started.id, -MIN, 60 * MIN);
    expect(await t.call(WANGLI, removeShift, { shiftId: started.id })).toMatchObject(fail('SHIFT_STARTED'));
  });
});

describe('roster.week marks the official calendar', () => {
  it('the week of 2026-10-08: 国庆节 holidays, working days, the adjusted working Saturday, a weekend', async () => {
    await t.db.collection('roster_shifts').add({ _id: 'national-day-duty', committeeId: HOME, staffId: 'staff-zhangmin', staffName: '张敏', date: '2026-10-05', start: '09:00', end: '17:00', startAt: new Date('2026-10-05T01:00:00Z'), endAt: new Date('2026-10-05T09:00:00Z'), kind: 'holiday', note: null, plannedBy: 'staff-wangli', createdAt: new Date('2026-09-20T00:00:00Z'), signedInAt: null, attended: false } satisfies ShiftDoc);
    const w = ok(await t.call(ZHANGMIN, week, { date: '2026-10-08' }));
    expect(w.from).toBe('2026-10-05');
    expect(w.to).toBe('2026-10-11');
    expect(w.days.map((d) => [d.date, d.type, d.holiday])).toEqual([
      ['2026-10-05', 'holiday', '国庆节'],
      ['2026-10-06', 'holiday', '国庆节'],
      ['2026-10-07', 'holiday', '国庆节'],
      ['2026-10-08', 'workday', null],
      ['2026-10-09', 'workday', null],
      ['2026-10-10', 'adjusted_workday', '国庆节'],
      ['2026-10-11', 'weekend', null],
    ]);
    expect(w.days[0]!.shifts).toEqual([expect.objectContaining({ id: 'national-day-duty', kind: 'holiday', staffName: '张敏' })]);
    expect(ok(await t.call(LIQIANG, week, { date: '2026-10-08' })).days.flatMap((d) => d.shifts)).toEqual([]);
    expect(await t.call(ZHANGMIN, week, { date: '2026-10-32' })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(ZHOU, week, { date: '2026-10-08' })).toMatchObject(fail('FORBIDDEN'));
  });
});

describe('roster.signIn inside the window', () => {
  it('opens 15 minutes before the start: 10 minutes before is on time, 20 minutes before is too early', async () => {
    const early = await planFor('staff-zhangmin');
    await placeShift(early.id, 20 * MIN, 200 * MIN);
    expect(await t.call(ZHANGMIN, signIn, { shiftId: early.id })).toMatchObject(fail('SIGN_IN_TOO_EARLY'));
    const soon = await planFor('staff-zhangmin');
    await placeShift(soon.id, 10 * MIN, 190 * MIN);
    expect(ok(await t.call(ZHANGMIN, signIn, { shiftId: soon.id }))).toMatchObject({ onTime: true, alreadySignedIn: false, shift: { attended: true } });
  });

  it('is on time up to 15 minutes after the start, late after that, closed at the end', async () => {
    const onTime = await planFor('staff-zhangmin');
    await placeShift(onTime.id, -10 * MIN, 170 * MIN);
    expect(ok(await t.call(ZHANGMIN, signIn, { shiftId: onTime.id })).onTime).toBe(true);
    const late = await planFor('staff-zhangmin');
    await placeShift(late.id, -20 * MIN, 160 * MIN);
    const l = ok(await t.call(ZHANGMIN, signIn, { shiftId: late.id }));
    expect(l).toMatchObject({ onTime: false, shift: { attended: false } });
    expect(l.shift.signedInAt).not.toBeNull();
    const over = await planFor('staff-zhangmin');
    await placeShift(over.id, -180 * MIN, -MIN);
    expect(await t.call(ZHANGMIN, signIn, { shiftId: over.id })).toMatchObject(fail('SIGN_IN_CLOSED'));
  });

  it('signs in once; only for one’s own shift; never another committee’s', async () => {
    const s = await planFor('staff-zhangmin');
    await placeShift(s.id, -MIN, 60 * MIN);
    const first = ok(await t.call(ZHANGMIN, signIn, { shiftId: s.id }));
    const again = ok(await t.call(ZHANGMIN, signIn, { shiftId: s.id }));
    expect(again).toMatchObject({ alreadySignedIn: true, onTime: true, shift: { signedInAt: first.shift.signedInAt } });
    const hers = await planFor('staff-wangli');
    await placeShift(hers.id, -MIN, 60 * MIN);
    expect(await t.call(ZHANGMIN, signIn, { shiftId: hers.id })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(LIQIANG, signIn, { shiftId: hers.id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call('', signIn, { shiftId: hers.id })).toMatchObject(fail('UNAUTHENTICATED'));
    expect(await t.call(ZHANGMIN, signIn, { shiftId: '' })).toMatchObject(fail('INVALID_INPUT'));
  });
});

describe('roster.onDutyNow', () => {
  // a cloud of its own: no other test's shift may be on duty now
  const fresh = useTestCloud();

  it('names the staff whose shift window contains now, for the caller’s committee only', async () => {
    const now = Date.now();
    const shift = (id: string, committeeId: string, staffId: string, staffName: string, start: number, end: number): ShiftDoc => ({
      _id: id, committeeId, staffId, staffName, date: localDateOf(new Date(now)), start: '00:00', end: '23:59', startAt: new Date(now + start), endAt: new Date(now + end), kind: 'evening', note: null, plannedBy: 'staff-wangli', createdAt: new Date(now), signedInAt: null, attended: false,
    });
    await fresh.db.collection('roster_shifts').add([
      shift('on-now', HOME, 'staff-zhangmin', '张敏', -30 * MIN, 90 * MIN),
      shift('ended', HOME, 'staff-wangli', '王丽', -120 * MIN, -MIN),
      shift('later', HOME, 'staff-wangli', '王丽', 30 * MIN, 120 * MIN),
      shift('elsewhere', OTHER, 'staff-liqiang', '李强', -30 * MIN, 90 * MIN),
    ]);
    const duty = ok(await fresh.call(WANGLI, onDutyNow, {}));
    expect(duty.staff).toEqual([{ staffId: 'staff-zhangmin', staffName: '张敏', shiftId: 'on-now', kind: 'evening', endAt: new Date(now + 90 * MIN).toISOString(), signedIn: false }]);
    expect(ok(await fresh.call(LIQIANG, onDutyNow, {})).staff.map((s) => s.shiftId)).toEqual(['elsewhere']);
    expect(await fresh.call(CHENJIE, onDutyNow, {})).toMatchObject(fail('FORBIDDEN'));
    expect(await fresh.call(ZHANGMIN, onDutyNow, { committeeId: OTHER })).toMatchObject(fail('INVALID_INPUT'));
  });
});

describe('attendance per month', () => {
  // a cloud of its own: the month must hold only the shifts counted here
  const fresh = useTestCloud();

  it('counts attended (on-time) shifts per staff member, by hand, and feeds the month summary', async () => {
    const now = Date.now();
    const month = localMonthOf(new Date(now));
    const base = { committeeId: HOME, date: localDateOf(new Date(now)), start: '00:00', end: '23:59', kind: 'regular' as const, note: null, plannedBy: 'staff-wangli', createdAt: new Date(now) };
    // all inside the current Shanghai month: the start of today, Shanghai
    const dayStart = dayjs(now).tz(SHANGHAI).startOf('day').valueOf();
    const at = (h: number) => new Date(dayStart + h * 60 * MIN);
    await fresh.db.collection('roster_shifts').add([
      { ...base, _id: 'z1', staffId: 'staff-zhangmin', staffName: '张敏', startAt: at(0), endAt: at(1), signedInAt: at(0), attended: true },
      { ...base, _id: 'z2', staffId: 'staff-zhangmin', staffName: '张敏', startAt: at(1), endAt: at(2), signedInAt: new Date(at(1).getTime() + 20 * MIN), attended: false },
      { ...base, _id: 'z3', staffId: 'staff-zhangmin', staffName: '张敏', startAt: at(2), endAt: at(3), signedInAt: at(2), attended: true },
      { ...base, _id: 'w1', staffId: 'staff-wangli', staffName: '王丽', startAt: at(0), endAt: at(1), signedInAt: at(0), attended: true },
      { ...base, _id: 'l1', committeeId: OTHER, staffId: 'staff-liqiang', staffName: '李强', startAt: at(0), endAt: at(1), signedInAt: at(0), attended: true },
    ]);
    expect(ok(await fresh.call(ZHANGMIN, attendance, { month })).staff).toEqual([{ staffId: 'staff-zhangmin', staffName: '张敏', planned: 3, attended: 2, late: 1, missed: 0 }]);
    expect(await fresh.call(ZHANGMIN, attendance, { month, scope: 'committee' })).toMatchObject(fail('FORBIDDEN'));
    const all = ok(await fresh.call(WANGLI, attendance, { month, scope: 'committee' }));
    expect(all.staff.map((s) => [s.staffId, s.attended]).sort()).toEqual([
      ['staff-wangli', 1],
      ['staff-zhangmin', 2],
    ]);
    expect(ok(await fresh.call(ZHANGMIN, monthSummary, { month })).staff[0]).toMatchObject({ shiftsAttended: 2, shiftsLate: 1, shiftsPlanned: 3 });
    expect(await fresh.call(ZHANGMIN, attendance, { month: '2026-00' })).toMatchObject(fail('INVALID_INPUT'));
  });
});
