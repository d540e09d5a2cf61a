/**
 * inbox: questions a resident asks their committee (居民留言 / 线上反馈). A resident sees only
 * their own questions, staff only their committee's; both are decided on the server.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { NOTIFY_STATUSES, QUESTION_STATUSES } from '../domain/inbox';
import { instantOutput, pageInput, pageOf, plainString } from './common';

export const MAX_QUESTION_LENGTH = 500;
export const MAX_REPLY_LENGTH = 1000;

const id = z.string().trim().min(1).max(64);
const iso = instantOutput;

export const replyView = z.object({ id: z.string(), staffName: z.string(), text: z.string(), at: iso, complete: z.boolean() });

export const questionView = z.object({
  id: z.string(),
  content: z.string(),
  askedAt: iso,
  dueAt: iso,
  status: z.enum(QUESTION_STATUSES),
  /** open past the deadline, or answered after it (shared/inbox/deadline.ts) */
  overdue: z.boolean(),
  replies: z.array(replyView),
  rating: z.object({ satisfied: z.boolean(), at: iso }).nullable(),
  /** the asker may rate: a complete answer exists and no rating yet (false for staff) */
  canRate: z.boolean(),
  /** what only the committee's staff see; null for the resident */
  staffDetails: z
    .object({
      committeeId: z.string(),
      assigneeStaffId: z.string().nullable(),
      answeredBy: z.string().nullable(),
      handovers: z.array(z.object({ fromStaffId: z.string(), toStaffId: z.string(), note: z.string().nullable(), at: iso })),
      notifyStatus: z.enum(NOTIFY_STATUSES),
      notifyError: z.string().nullable(),
    })
    .nullable(),
});
export type QuestionView = z.infer<typeof questionView>;

const one = z.object({ question: questionView });
const total = z.number().int();

/** A resident asks their committee. Send a requestId: a retried ask creates one question. */
export const ask = defineAction(
  'inbox',
  'ask',
  z.object({ content: plainString('留言内容', 'multi').min(2, '请写下您想咨询的问题').max(MAX_QUESTION_LENGTH, `留言最多 ${MAX_QUESTION_LENGTH} 字`) }).strict(),
  one,
);

/** The caller's own questions, newest first. */
export const myQuestions = defineAction('inbox', 'myQuestions', z.object({ ...pageInput }).strict(), pageOf(questionView, { total }));

/** One question: the asker or staff of its committee. */
export const getQuestion = defineAction('inbox', 'getQuestion', z.object({ id }).strict(), one);

/**
 * The committee's inbox for its staff: open questions first (earliest deadline first), then
 * answered ones (latest answer first). `status` narrows to one of the two.
 */
export const staffInbox = defineAction(
  'inbox',
  'staffInbox',
  z.object({ status: z.enum(['all', ...QUESTION_STATUSES]).default('all'), ...pageInput }).strict(),
  pageOf(questionView, { total, openCount: z.number().int(), overdueCount: z.number().int() }),
);

/** `complete: false` is an interim reply ("正在核实"); a complete answer closes the question. */
export const reply = defineAction(
  'inbox',
  'reply',
  z.object({ questionId: id, text: plainString('回复内容', 'multi').min(2, '请填写回复内容').max(MAX_REPLY_LENGTH, `回复最多 ${MAX_REPLY_LENGTH} 字`), complete: z.boolean() }).strict(),
  one,
);

export const handOver = defineAction(
  'inbox',
  'handOver',
  z.object({ questionId: id, toStaffId: id, note: plainString('转交说明').max(200, '备注最多 200 字').optional() }).strict(),
  one,
);

export const rate = defineAction('inbox', 'rate', z.object({ questionId: id, satisfied: z.boolean() }).strict(), one);

/** Sends the WeCom notice of a question again after a failure. */
export const retryNotify = defineAction('inbox', 'retryNotify', z.object({ questionId: id }).strict(), one);

/**
 * 线上反馈 counts for a Shanghai month: satisfied complete answers per staff member. A staff
 * member sees their own line; a secretary the whole committee.
 */
export const satisfiedCounts = defineAction(
  'inbox',
  'satisfiedCounts',
  z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }).strict(),
  z.object({
    month: z.string(),
    items: z.array(z.object({ staffId: z.string(), name: z.string(), satisfiedAnswers: z.number().int(), points: z.number() })),
  }),
);

export const INBOX_CODES = {
  notResident: 'INBOX_NOT_RESIDENT',
  closed: 'INBOX_QUESTION_CLOSED',
  notAnswered: 'INBOX_NOT_ANSWERED',
  alreadyRated: 'INBOX_ALREADY_RATED',
  badColleague: 'INBOX_BAD_COLLEAGUE',
  contentRejected: 'CONTENT_REJECTED',
  notifyNotFailed: 'INBOX_NOTIFY_NOT_FAILED',
} as const;

