/**
 * The secretary plans shifts: one document per staff member and slot, on a Shanghai local date,
 * never in the past, never overlapping another shift of the same person. The kind follows the
 * official calendar unless the secretary names one that does not contradict it.
 */
import { planShift, removeShift } from '@shared/contracts/roster';
import type { ShiftDoc } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { calendarDay } from '@shared/roster/calendar';
import { kindProblem, naturalKind, shiftInstants } from '@shared/roster/shift';
import { secretary } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { activeStaffByIds } from '../_kit/staff-directory';
import { collection } from '../_kit/store';
import { toShift } from './view';

export const planShiftHandler = handle(planShift, async (input, ctx) => {
  const who = await secretary(ctx);
  const now = ctx.now();
  const { startAt, endAt } = shiftInstants(input.date, input.start, input.end);
  if (endAt.getTime() <= now.getTime()) throw new AppError('SHIFT_IN_PAST', '不能安排已经结束的班次');
  const day = calendarDay(input.date);
  if (input.kind) {
    const problem = kindProblem(day, input.start, input.kind);
    if (problem) throw new AppError('SHIFT_KIND_MISMATCH', problem);
  }
  const kind = input.kind ?? naturalKind(day, input.start);
  const staff = await activeStaffByIds(ctx.db, who.committeeId, input.staffIds);

  const _ = ctx.db.command;
  const ids = new Map(input.staffIds.map((s) => [s, recordId(ctx, `roster:shift:${s}`)]));
  // overlapping shifts of the same person (other than this request's own, on a retry)
  const clash = await collection(ctx.db, 'roster_shifts').some(
    (c) => c.where({ committeeId: who.committeeId, staffId: _.in(input.staffIds), startAt: _.lt(endAt), endAt: _.gt(startAt) }),
    input.staffIds.length * 10,
  );
  const own = new Set(ids.values());
  const other = clash.find((s) => !own.has(s._id));
  if (other) throw new AppError('SHIFT_OVERLAP', `${other.staffName} 在 ${other.date} ${other.start}-${other.end} 已有值班`);

  const shifts = [];
  for (const staffId of input.staffIds) {
    const doc: Omit<ShiftDoc, '_id'> = {
      committeeId: who.committeeId,
      staffId,
      staffName: staff.get(staffId)!.name,
      date: input.date,
      start: input.start,
      end: input.end,
      startAt,
      endAt,
      kind,
      note: input.note,
      plannedBy: who.actorId,
      createdAt: now,
      signedInAt: null,
      attended: false,
    };
    const { record } = await insertOnce(ctx, 'roster_shifts', ids.get(staffId)!, doc);
    shifts.push(toShift(record));
  }
  return { shifts };
});

/** A planned shift may be removed until it starts and as long as nobody signed in. */
export const removeShiftHandler = handle(removeShift, async ({ shiftId }, ctx) => {
  const who = await secretary(ctx);
  const shifts = collection(ctx.db, 'roster_shifts');
  const doc = await shifts.byIdIn(shiftId, who);
  if (doc.signedInAt || doc.startAt.getTime() <= ctx.now().getTime()) throw new AppError('SHIFT_STARTED', '班次已开始或已签到，不能删除');
  const res = await shifts.ref.where({ _id: doc._id, signedInAt: null }).remove();
  if (res.deleted !== 1) throw new AppError('CONFLICT');
  return { id: doc._id, removed: true as const };
});
