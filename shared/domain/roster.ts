/**
 * A duty shift (错时值班) of one staff member. The secretary plans a slot for one or more staff;
 * each gets its own document, so sign-in, attendance and "who is on duty now" are plain indexed
 * queries on scalar fields.
 */

/** Kinds of calendar day (the contracts name them; shared/roster/calendar.ts decides them). */
export const DAY_TYPES = ['workday', 'weekend', 'holiday', 'adjusted_workday'] as const;
export type DayType = (typeof DAY_TYPES)[number];

export const SHIFT_KINDS = ['evening', 'weekend', 'holiday', 'regular'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export interface ShiftDoc {
  _id: string;
  committeeId: string;
  staffId: string;
  /** denormalised for the week view and the inbox's "on duty" notice */
  staffName: string;
  /** Shanghai local date and wall-clock times as planned */
  date: string;
  start: string;
  end: string;
  /** the same window as absolute instants: [startAt, endAt) */
  startAt: Date;
  endAt: Date;
  kind: ShiftKind;
  note: string | null;
  plannedBy: string;
  createdAt: Date;
  signedInAt: Date | null;
  /** signed in no later than the on-time grace after the start: what 错时值班 counts */
  attended: boolean;
}
