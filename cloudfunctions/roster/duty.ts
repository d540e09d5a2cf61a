/**
 * Signing in for one's own shift inside its window (shared/roster/shift.ts: from 15 minutes
 * before the start to the end; on time up to 15 minutes after the start), the week view with
 * the official calendar, who is on duty now, and attendance per month.
 */
import { attendance, onDutyNow, signIn, week } from '@shared/contracts/roster';
import { AppError } from '@shared/errors';
import { calendarDay } from '@shared/roster/calendar';
import { addDays, signInVerdict, weekStart } from '@shared/roster/shift';
import { localWindow, monthWindow } from '@shared/time';
import { summarizeStaffMonth } from '@shared/worklog/summary';
import { committeeStaff } from '../_kit/access';
import { iso } from '../_kit/iso';
import { monthShifts } from '../_kit/month-shifts';
import { shiftsOnDuty } from '../_kit/on-duty';
import { handle } from '../_kit/runtime';
import { allCommitteeStaff } from '../_kit/staff-directory';
import { collection } from '../_kit/store';
import { toShift } from './view';

export const signInHandler = handle(signIn, async ({ shiftId }, ctx) => {
  const who = await committeeStaff(ctx);
  const shifts = collection(ctx.db, 'roster_shifts');
  const doc = await shifts.byIdIn(shiftId, who);
  if (doc.staffId !== who.actorId) throw new AppError('FORBIDDEN', '只能为本人的班次签到');
  if (doc.signedInAt) return { shift: toShift(doc), onTime: doc.attended, alreadySignedIn: true };
  const now = ctx.now();
  const verdict = signInVerdict(doc, now);
  if (verdict === 'too_early') throw new AppError('SIGN_IN_TOO_EARLY', `班次 ${doc.start} 开始，开始前 15 分钟内才能签到`);
  if (verdict === 'closed') throw new AppError('SIGN_IN_CLOSED', '班次已结束，不能再签到');
  const attended = verdict === 'on_time';
  const res = await shifts.ref.where({ _id: doc._id, signedInAt: null }).update({ signedInAt: now, attended });
  if (res.updated !== 1) {
    // a concurrent retry signed in first: answer what it stored
    const again = await shifts.byIdIn(shiftId, who);
    return { shift: toShift(again), onTime: again.attended, alreadySignedIn: true };
  }
  return { shift: toShift({ ...doc, signedInAt: now, attended }), onTime: attended, alreadySignedIn: false };
});

export const weekHandler = handle(week, async ({ date }, ctx) => {
  const who = await committeeStaff(ctx);
  const from = weekStart(date);
  const w = localWindow(from, 7);
  const _ = ctx.db.command;
  const shifts = await collection(ctx.db, 'roster_shifts').all((c) =>
    c.where({ committeeId: who.committeeId, startAt: _.gte(w.start).and(_.lt(w.end)) }).orderBy('startAt', 'asc').orderBy('_id', 'asc'),
  );
  const days = Array.from({ length: 7 }, (_, i) => {
    const d = addDays(from, i);
    return { ...calendarDay(d), shifts: shifts.filter((s) => s.date === d).map(toShift) };
  });
  return { from, to: w.to, days };
});

export const onDutyNowHandler = handle(onDutyNow, async (_input, ctx) => {
  const who = await committeeStaff(ctx);
  const now = ctx.now();
  const shifts = await shiftsOnDuty(ctx.db, who.committeeId, now);
  return { at: iso(now), staff: shifts.map((s) => ({ staffId: s.staffId, staffName: s.staffName, shiftId: s._id, kind: s.kind, endAt: iso(s.endAt), signedIn: s.signedInAt !== null })) };
});

export const attendanceHandler = handle(attendance, async ({ month, scope }, ctx) => {
  const who = await committeeStaff(ctx);
  if (scope === 'committee' && !who.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以查看全居委会的出勤');
  const w = monthWindow(month);
  const [shifts, people] = await Promise.all([
    monthShifts(ctx, scope === 'mine' ? { committeeId: who.committeeId, staffId: who.actorId } : { committeeId: who.committeeId }, w),
    scope === 'mine' ? Promise.resolve([who.staff]) : allCommitteeStaff(ctx.db, who.committeeId),
  ]);
  const now = ctx.now();
  return {
    month,
    staff: people.map((p) => {
      const s = summarizeStaffMonth(p._id, [], shifts, w, now);
      return { staffId: p._id, staffName: p.name, planned: s.shiftsPlanned, attended: s.shiftsAttended, late: s.shiftsLate, missed: s.shiftsMissed };
    }),
  };
});
