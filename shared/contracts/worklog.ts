/**
 * worklog: staff work records (工作记录) — 走访 visits (seed 004 附件二 form), 首问接待 receptions
 * confirmed by the resident, 会议记录 meetings, 活动开展 activities — their lists, detail and the
 * monthly counts the points card and the acceptance rubric use. Work orders: worklog-orders.ts.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { RECEPTION_CATEGORIES, RECORD_TYPES, VISIT_KINDS } from '../domain/worklog';
import { cloudFileId, instantInput, instantOutput, localDate, localMonth, optionalText, pageInput, pageOf, photoFileIds, recordId, text } from './common';

export const recordType = z.enum(RECORD_TYPES);
export const visitKind = z.enum(VISIT_KINDS);
export const receptionCategory = z.enum(RECEPTION_CATEGORIES);

const visitFields = z.object({
  /** 走访时间 */
  at: instantInput,
  /** 走访居民姓名 */
  residentName: text('走访居民姓名', 20),
  building: text('楼号', 32),
  room: text('室号', 16),
  /** 家庭成员情况 */
  familySituation: text('家庭成员情况', 500, 'multi'),
  /** 走访事由 */
  reason: text('走访事由', 500, 'multi'),
  /** 困难或诉求 */
  difficulty: optionalText('困难或诉求', 500, 'multi'),
  /** 备注栏的走访对象类型 */
  kind: visitKind,
  line: optionalText('业务条线', 20),
  remark: optionalText('备注', 200, 'multi'),
  photoFileIds,
});
const lineNeedsName = (v: { kind: string; line: string | null }) => v.kind !== 'line' || v.line !== null;
const lineMessage = { message: '业务条线走访请填写条线名称', path: ['line'] };

export const visitInput = visitFields.strict().refine(lineNeedsName, lineMessage);

const receptionFields = z.object({
  at: instantInput,
  residentName: optionalText('来询居民姓名', 20),
  building: optionalText('楼号', 32),
  room: optionalText('室号', 16),
  category: receptionCategory,
  /** 咨询或办事事项 */
  matter: text('咨询或办事事项', 500, 'multi'),
  /** 答复或办理结果 */
  outcome: text('答复或办理结果', 500, 'multi'),
});
export const receptionInput = receptionFields.strict();

const meetingFields = z.object({
  at: instantInput,
  topic: text('会议主题', 100),
  attendeeCount: z.number({ error: '请填写参会人数' }).int().min(1, '参会人数至少 1 人').max(2000),
  attendees: z.array(text('参会人员', 20)).max(200).default([]),
  minutes: text('会议纪要', 5000, 'multi'),
  decisions: z.array(text('决定事项', 500)).max(50).default([]),
});
export const meetingInput = meetingFields.strict();

const activityFields = z.object({
  at: instantInput,
  title: text('活动名称', 100),
  place: text('活动地点', 100),
  attendance: z.number({ error: '请填写参与人数' }).int().min(0).max(100_000),
  description: optionalText('活动内容', 2000, 'multi'),
  photoFileIds,
});
export const activityInput = activityFields.strict();

// ── outputs ─────────────────────────────────────────────────────────────────

const receptionStatus = z.enum(['pending', 'confirmed']);

/** A list row: personal names masked. */
export const recordSummary = z.object({
  id: z.string(),
  type: recordType,
  at: instantOutput,
  localDate: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  /** the caller may still edit or remove it */
  editable: z.boolean(),
  /** one line for the list */
  title: z.string(),
  residentNameMasked: z.string().nullable(),
  place: z.string().nullable(),
  visitKind: visitKind.nullable(),
  receptionStatus: receptionStatus.nullable(),
});
export type RecordSummary = z.infer<typeof recordSummary>;

const confirmationOut = z.object({
  status: receptionStatus,
  method: z.enum(['scan', 'signature']).nullable(),
  confirmedAt: instantOutput.nullable(),
  signatureFileId: z.string().nullable(),
  signerName: z.string().nullable(),
  tokenExpiresAt: instantOutput.nullable(),
});

/** The full record for its author or the secretary; reading it is audited. */
export const recordDetail = recordSummary.extend({
  editableUntil: instantOutput,
  visit: visitFields.omit({ at: true }).extend({ householdKey: z.string() }).nullable(),
  reception: receptionFields.omit({ at: true }).extend({ confirmation: confirmationOut }).nullable(),
  meeting: meetingFields.omit({ at: true }).nullable(),
  activity: activityFields.omit({ at: true }).nullable(),
});

export const receptionCreated = z.object({
  record: recordSummary,
  /** the one-time token the resident's mini-program scans (shown as a QR code); null once confirmed */
  token: z.string().nullable(),
  expiresAt: instantOutput.nullable(),
});

// ── actions ─────────────────────────────────────────────────────────────────

export const createVisit = defineAction('worklog', 'createVisit', visitInput, recordSummary);
export const createReception = defineAction('worklog', 'createReception', receptionInput, receptionCreated);
/** A fresh token for a pending reception (the previous one stops working). */
export const renewReceptionToken = defineAction('worklog', 'renewReceptionToken', z.object({ recordId: recordId }).strict(), receptionCreated);
/** Confirmation by a signature drawn on the staff device, uploaded to cloud storage first. */
export const signReception = defineAction(
  'worklog',
  'signReception',
  z.object({ recordId: recordId, signatureFileId: cloudFileId, signerName: text('签名居民姓名', 20) }).strict(),
  recordSummary,
);

const tokenInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, '二维码无效，请让工作人员重新出示') }).strict();
const receptionForResident = z.object({
  committeeName: z.string().nullable(),
  staffName: z.string(),
  at: instantOutput,
  category: receptionCategory,
  matter: z.string(),
  outcome: z.string(),
  confirmed: z.boolean(),
});
/** What the resident is about to confirm (the resident's mini-program, after scanning). */
export const previewReception = defineAction('worklog', 'previewReception', tokenInput, receptionForResident);
/** The resident confirms by the scanned token: single use, short-lived. */
export const confirmReception = defineAction('worklog', 'confirmReception', tokenInput, receptionForResident);

export const createMeeting = defineAction('worklog', 'createMeeting', meetingInput, recordSummary);
export const createActivity = defineAction('worklog', 'createActivity', activityInput, recordSummary);

/** The author corrects a record inside the edit window; the whole form is sent again. */
export const updateRecord = defineAction(
  'worklog',
  'updateRecord',
  z.discriminatedUnion('type', [
    z.object({ recordId: recordId, type: z.literal('visit'), visit: visitInput }).strict(),
    z.object({ recordId: recordId, type: z.literal('reception'), reception: receptionInput }).strict(),
    z.object({ recordId: recordId, type: z.literal('meeting'), meeting: meetingInput }).strict(),
    z.object({ recordId: recordId, type: z.literal('activity'), activity: activityInput }).strict(),
  ]),
  recordSummary,
);

export const removeRecord = defineAction('worklog', 'removeRecord', z.object({ recordId: recordId }).strict(), z.object({ id: z.string(), removed: z.literal(true) }));

export const getRecord = defineAction('worklog', 'getRecord', z.object({ recordId: recordId }).strict(), recordDetail);

export const listRecords = defineAction(
  'worklog',
  'listRecords',
  z
    .object({
      /** mine: the caller's own; committee: everyone's (secretary only) */
      scope: z.enum(['mine', 'committee']).default('mine'),
      month: localMonth,
      type: recordType.optional(),
      /** committee scope: one staff member's records */
      staffId: z.string().max(64).optional(),
      ...pageInput,
    })
    .strict(),
  pageOf(recordSummary, { total: z.number().int() }),
);

export const staffMonthSummary = z.object({
  staffId: z.string(),
  staffName: z.string(),
  visits: z.number().int(),
  householdsVisited: z.number().int(),
  specialVisits: z.number().int(),
  receptionsConfirmed: z.number().int(),
  receptionsPending: z.number().int(),
  meetings: z.number().int(),
  activities: z.number().int(),
  shiftsAttended: z.number().int(),
  shiftsLate: z.number().int(),
  shiftsMissed: z.number().int(),
  shiftsPlanned: z.number().int(),
});

/** The month's counts per staff member for the points card: the caller's own, or (secretary) everyone's. */
export const monthSummary = defineAction(
  'worklog',
  'monthSummary',
  z.object({ month: localMonth, scope: z.enum(['mine', 'committee']).default('mine') }).strict(),
  z.object({ month: z.string(), from: z.string(), to: z.string(), staff: z.array(staffMonthSummary) }),
);

/** The committee's seed 000 counts for a month: 走访, 会议记录, 活动开展, 问题处置 and timeliness. */
export const committeeStats = defineAction(
  'worklog',
  'committeeStats',
  z
    .object({
      /** a Shanghai calendar month … */
      month: localMonth.optional(),
      /** … or seed 000's 月度: 30 consecutive natural days from this local date */
      from: localDate.optional(),
    })
    .strict()
    .refine((v) => (v.month === undefined) !== (v.from === undefined), { message: '请选择月份或起始日期（二选一）' }),
  z.object({
    committeeId: z.string(),
    month: z.string().nullable(),
    /** the window counted, local dates inclusive */
    from: z.string(),
    to: z.string(),
    visits: z.number().int(),
    receptionsConfirmed: z.number().int(),
    meetings: z.number().int(),
    activities: z.number().int(),
    ordersReported: z.number().int(),
    ordersClosed: z.number().int(),
    overdueOpen: z.number().int(),
    overdueClosed: z.number().int(),
    /** instant overdue-open was judged at: the month's last moment, or now for the current month */
    asOf: instantOutput,
  }),
);
