/**
 * Stored shape of a resident question (居民留言 / 线上反馈). One document per question: the
 * replies, the hand-overs and the rating live on it, so a question reads and changes as a unit.
 */

export const QUESTION_STATUSES = ['open', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const NOTIFY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotifyStatus = (typeof NOTIFY_STATUSES)[number];

export interface QuestionReply {
  id: string;
  staffId: string;
  /** shown to the resident: who from the committee answered */
  staffName: string;
  text: string;
  at: Date;
  /** a complete answer (完整解答) closes the question; an interim reply ("正在核实") does not */
  complete: boolean;
}

export interface QuestionHandover {
  fromStaffId: string;
  toStaffId: string;
  note: string | null;
  at: Date;
}

export interface QuestionRating {
  satisfied: boolean;
  at: Date;
}

export interface QuestionNotify {
  status: NotifyStatus;
  /** staff ids the last attempt was addressed to */
  recipients: string[];
  /** on_duty: the roster's on-duty staff; committee: nobody on duty, every active colleague */
  audience: 'on_duty' | 'committee' | null;
  attempts: number;
  lastAttemptAt: Date | null;
  /** stable error code of the last failure (never WeCom's raw message) */
  error: string | null;
}

export interface QuestionDoc {
  _id: string;
  committeeId: string;
  streetId: string;
  districtId: string;
  askerOpenid: string;
  householdId: string;
  content: string;
  askedAt: Date;
  /** the reply deadline (shared/inbox/deadline.ts) */
  dueAt: Date;
  status: QuestionStatus;
  /** who it was last handed to; null = the whole committee */
  assigneeStaffId: string | null;
  replies: QuestionReply[];
  handovers: QuestionHandover[];
  /** the complete answer's author and time, copied out of `replies` so lists and counts can query them */
  answeredBy: string | null;
  answeredAt: Date | null;
  rating: QuestionRating | null;
  notify: QuestionNotify;
}
