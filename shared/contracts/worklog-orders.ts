/**
 * worklog, 问题处置: an issue handled as a work order — reported → assigned → handled → closed,
 * with a due date; every transition is recorded (who, when) and validated
 * (shared/worklog/workorder.ts). Timeliness counts are in worklog.committeeStats.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { ORDER_EVENTS, ORDER_STATUSES } from '../domain/worklog';
import { instantOutput, localDate, localMonth, optionalText, pageInput, pageOf, recordId, text } from './common';

export const orderStatus = z.enum(ORDER_STATUSES);

const historyEntry = z.object({
  event: z.enum(ORDER_EVENTS),
  from: orderStatus.nullable(),
  to: orderStatus,
  by: z.string(),
  byName: z.string().nullable(),
  at: instantOutput,
  note: z.string().nullable(),
  assigneeId: z.string().nullable(),
});

export const workOrder = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  place: z.string().nullable(),
  status: orderStatus,
  reportedBy: z.string(),
  reportedAt: instantOutput,
  assigneeId: z.string().nullable(),
  dueDate: z.string(),
  resolution: z.string().nullable(),
  closedAt: instantOutput.nullable(),
  /** open and past due right now */
  overdue: z.boolean(),
  history: z.array(historyEntry),
  version: z.number().int(),
});
export type WorkOrderOut = z.infer<typeof workOrder>;

const orderRef = { orderId: recordId, version: z.number().int().min(1).optional() };

export const reportIssue = defineAction(
  'worklog',
  'reportIssue',
  z
    .object({
      title: text('问题标题', 100),
      description: text('问题描述', 2000, 'multi'),
      place: optionalText('问题地点', 100),
      /** the last local date by which it should be closed; today or later */
      dueDate: localDate,
    })
    .strict(),
  workOrder,
);

/** Secretary: reported → assigned, or reassign an assigned order to someone else of the committee. */
export const assignIssue = defineAction('worklog', 'assignIssue', z.object({ ...orderRef, assigneeId: z.string().min(1).max(64) }).strict(), workOrder);
/** The assignee: assigned → handled, with what was done. */
export const handleIssue = defineAction('worklog', 'handleIssue', z.object({ ...orderRef, resolution: text('处置情况', 2000, 'multi') }).strict(), workOrder);
/** Secretary or reporter: handled → assigned when the handling is not good enough, with the reason. */
export const returnIssue = defineAction('worklog', 'returnIssue', z.object({ ...orderRef, reason: text('退回原因', 500, 'multi') }).strict(), workOrder);
/** Secretary or reporter: handled → closed. */
export const closeIssue = defineAction('worklog', 'closeIssue', z.object({ ...orderRef, note: optionalText('结案说明', 500, 'multi') }).strict(), workOrder);
/** Secretary: closed → assigned, only with a recorded reason. */
export const reopenIssue = defineAction('worklog', 'reopenIssue', z.object({ ...orderRef, reason: text('重新打开原因', 500, 'multi') }).strict(), workOrder);

export const getIssue = defineAction('worklog', 'getIssue', z.object({ orderId: recordId }).strict(), workOrder);

export const listIssues = defineAction(
  'worklog',
  'listIssues',
  z
    .object({
      /** reported in this month; omit for all */
      month: localMonth.optional(),
      status: orderStatus.optional(),
      /** only orders assigned to the caller */
      assignedToMe: z.boolean().default(false),
      ...pageInput,
    })
    .strict(),
  pageOf(workOrder, { total: z.number().int() }),
);
