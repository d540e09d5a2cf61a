/**
 * roster: the duty roster (错时值班). The secretary plans shifts (evening / weekend / holiday /
 * regular) on Shanghai local dates; the week view marks China's official holidays and adjusted
 * working days; staff sign in for their own shift inside its window; the inbox asks who is on
 * duty now.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { SHIFT_KINDS } from '../domain/roster';
import { DAY_TYPES } from '../domain/roster';
import { LOCAL_TIME } from '../roster/shift';
import { instantOutput, localDate, localMonth, optionalText, recordId } from './common';

export const shiftKind = z.enum(SHIFT_KINDS);
const localTime = z.string().regex(LOCAL_TIME, '时间格式应为 HH:mm');

export const shiftOut = z.object({
  id: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startAt: instantOutput,
  endAt: instantOutput,
  kind: shiftKind,
  staffId: z.string(),
  staffName: z.string(),
  note: z.string().nullable(),
  signedInAt: instantOutput.nullable(),
  attended: z.boolean(),
});
export type ShiftOut = z.infer<typeof shiftOut>;

export const planShift = defineAction(
  'roster',
  'planShift',
  z
    .object({
      date: localDate,
      start: localTime,
      end: localTime,
      /** omitted: derived from the calendar and the start time */
      kind: shiftKind.optional(),
      staffIds: z.array(z.string().min(1).max(64)).min(1, '请选择值班人员').max(10),
      note: optionalText('备注', 200, 'multi'),
    })
    .strict()
    .refine((v) => v.end > v.start, { message: '结束时间应晚于开始时间', path: ['end'] })
    .refine((v) => new Set(v.staffIds).size === v.staffIds.length, { message: '值班人员重复', path: ['staffIds'] }),
  z.object({ shifts: z.array(shiftOut) }),
);

export const removeShift = defineAction('roster', 'removeShift', z.object({ shiftId: recordId }).strict(), z.object({ id: z.string(), removed: z.literal(true) }));

const calendarDay = z.object({
  date: z.string(),
  weekday: z.number().int().min(1).max(7),
  type: z.enum(DAY_TYPES),
  holiday: z.string().nullable(),
  /** false: the official arrangement for that year is not published yet; typed by weekday only */
  official: z.boolean(),
  shifts: z.array(shiftOut),
});

/** Monday to Sunday of the week containing `date`. */
export const week = defineAction('roster', 'week', z.object({ date: localDate }).strict(), z.object({ from: z.string(), to: z.string(), days: z.array(calendarDay) }));

export const signIn = defineAction(
  'roster',
  'signIn',
  z.object({ shiftId: recordId }).strict(),
  z.object({ shift: shiftOut, onTime: z.boolean(), alreadySignedIn: z.boolean() }),
);

export const onDutyNow = defineAction(
  'roster',
  'onDutyNow',
  z.object({}).strict(),
  z.object({ at: instantOutput, staff: z.array(z.object({ staffId: z.string(), staffName: z.string(), shiftId: z.string(), kind: shiftKind, endAt: instantOutput, signedIn: z.boolean() })) }),
);

export const attendance = defineAction(
  'roster',
  'attendance',
  z.object({ month: localMonth, scope: z.enum(['mine', 'committee']).default('mine') }).strict(),
  z.object({
    month: z.string(),
    staff: z.array(z.object({ staffId: z.string(), staffName: z.string(), planned: z.number().int(), attended: z.number().int(), late: z.number().int(), missed: z.number().int() })),
  }),
);
