/** Shift windows and the official calendar, in Asia/Shanghai whatever the process zone. */
import { calendarDay } from '../../../shared/roster/calendar';
import { kindProblem, naturalKind, shiftInstants, signInVerdict, weekStart } from '../../../shared/roster/shift';

describe('the sign-in window of a 18:00–21:00 shift on 2026-10-08', () => {
  const shift = shiftInstants('2026-10-08', '18:00', '21:00');
  const t = (hms: string) => new Date(`2026-10-08T${hms}+08:00`);

  it('is stored as absolute instants', () => {
    expect(shift.startAt.toISOString()).toBe('2026-10-08T10:00:00.000Z');
    expect(shift.endAt.toISOString()).toBe('2026-10-08T13:00:00.000Z');
  });

  it('opens 15 minutes before the start', () => {
    expect(signInVerdict(shift, new Date(t('17:45:00').getTime() - 1))).toBe('too_early');
    expect(signInVerdict(shift, t('17:45:00'))).toBe('on_time');
  });

  it('is on time until 15 minutes after the start, then late', () => {
    expect(signInVerdict(shift, t('18:15:00'))).toBe('on_time');
    expect(signInVerdict(shift, new Date(t('18:15:00').getTime() + 1))).toBe('late');
  });

  it('closes at the end', () => {
    expect(signInVerdict(shift, new Date(t('21:00:00').getTime() - 1))).toBe('late');
    expect(signInVerdict(shift, t('21:00:00'))).toBe('closed');
  });
});

describe('the official calendar (chinese-days)', () => {
  it('marks 2026-10-01 as 国庆节, a statutory holiday', () => {
    expect(calendarDay('2026-10-01')).toEqual({ date: '2026-10-01', weekday: 4, type: 'holiday', holiday: '国庆节', official: true });
  });

  it('marks Saturday 2026-10-10 as an adjusted working day of 国庆节', () => {
    expect(calendarDay('2026-10-10')).toEqual({ date: '2026-10-10', weekday: 6, type: 'adjusted_workday', holiday: '国庆节', official: true });
  });

  it('marks an ordinary weekend and weekday', () => {
    expect(calendarDay('2026-11-22')).toMatchObject({ weekday: 7, type: 'weekend', holiday: null });
    expect(calendarDay('2026-11-23')).toMatchObject({ weekday: 1, type: 'workday', holiday: null });
  });

  it('says when a year’s official arrangement is not in the package yet', () => {
    expect(calendarDay('2026-12-31').official).toBe(true);
    // 2027's arrangement is not in chinese-days 1.5.7: New Year's Day is then typed by weekday only
    expect(calendarDay('2027-01-01')).toMatchObject({ type: 'workday', official: false });
  });

  it('derives a slot’s kind from the calendar and refuses contradictions', () => {
    expect(naturalKind(calendarDay('2026-10-01'), '09:00')).toBe('holiday');
    expect(naturalKind(calendarDay('2026-11-22'), '09:00')).toBe('weekend');
    expect(naturalKind(calendarDay('2026-10-10'), '09:00')).toBe('regular');
    expect(naturalKind(calendarDay('2026-11-23'), '17:00')).toBe('evening');
    expect(naturalKind(calendarDay('2026-11-23'), '16:59')).toBe('regular');
    expect(kindProblem(calendarDay('2026-11-23'), '09:00', 'holiday')).toMatch(/不是法定节假日/);
    expect(kindProblem(calendarDay('2026-10-10'), '09:00', 'weekend')).toMatch(/不是周末休息日/);
    expect(kindProblem(calendarDay('2026-11-23'), '09:00', 'evening')).toMatch(/17:00/);
    expect(kindProblem(calendarDay('2026-10-01'), '18:00', 'evening')).toBeNull();
  });

  it('weeks start on Monday', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-10-01')).toBe('2026-09-28');
  });
});
