/**
 * Stored shapes of the staff work records (工作记录) and issue work orders (问题处置). Every
 * record is bound server-side to a committee, a staff member and an instant.
 */

export const RECORD_TYPES = ['visit', 'reception', 'meeting', 'activity'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** 备注栏 of the 附件二 visit form: 一般走访, 特殊对象走访, 业务条线工作. */
export const VISIT_KINDS = ['ordinary', 'special', 'line'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export interface VisitFields {
  /** 走访居民姓名, as given: personal data, masked in lists */
  residentName: string;
  building: string;
  room: string;
  /** normalised building|room: the household identity "distinct households visited" counts */
  householdKey: string;
  /** 家庭成员情况 */
  familySituation: string;
  /** 走访事由 */
  reason: string;
  /** 困难或诉求 */
  difficulty: string | null;
  kind: VisitKind;
  /** the 业务条线 a line-business visit served (e.g. 民政, 计生) */
  line: string | null;
  /** 备注 */
  remark: string | null;
  photoFileIds: string[];
}

export const RECEPTION_CATEGORIES = ['consult', 'service'] as const;
export type ReceptionCategory = (typeof RECEPTION_CATEGORIES)[number];

export interface ReceptionConfirmation {
  status: 'pending' | 'confirmed';
  /** sha256 of the one-time token; the token itself is never stored */
  tokenHash: string | null;
  tokenExpiresAt: Date | null;
  method: 'scan' | 'signature' | null;
  confirmedAt: Date | null;
  /** scan: the resident's OPENID */
  confirmedByOpenid: string | null;
  /** signature: the image's cloud fileID, and the name the resident signed under */
  signatureFileId: string | null;
  signerName: string | null;
  /** signature: the staff member whose device captured it */
  capturedBy: string | null;
}

export interface ReceptionFields {
  residentName: string | null;
  building: string | null;
  room: string | null;
  category: ReceptionCategory;
  /** 咨询或办事事项 */
  matter: string;
  /** 答复或办理结果 */
  outcome: string;
  confirmation: ReceptionConfirmation;
}

export interface MeetingFields {
  topic: string;
  attendeeCount: number;
  attendees: string[];
  minutes: string;
  decisions: string[];
}

export interface ActivityFields {
  title: string;
  place: string;
  attendance: number;
  description: string | null;
  photoFileIds: string[];
}

interface RecordBase {
  _id: string;
  committeeId: string;
  staffId: string;
  /** the author's name when recorded (走访人), kept so an old record reads as it was written */
  staffName: string;
  /** when the work happened */
  at: Date;
  createdAt: Date;
  updatedAt: Date;
  /** the author may edit or remove the record until this instant */
  editableUntil: Date;
  /** soft delete: removed records are kept for audit but never listed or counted */
  removedAt: Date | null;
}

export type WorkRecordDoc =
  | (RecordBase & { type: 'visit'; visit: VisitFields })
  | (RecordBase & { type: 'reception'; reception: ReceptionFields })
  | (RecordBase & { type: 'meeting'; meeting: MeetingFields })
  | (RecordBase & { type: 'activity'; activity: ActivityFields });

// ── work orders ──────────────────────────────────────────────────────────────

export const ORDER_STATUSES = ['reported', 'assigned', 'handled', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = ['report', 'assign', 'reassign', 'handle', 'return', 'close', 'reopen'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export interface OrderHistoryEntry {
  event: OrderEvent;
  from: OrderStatus | null;
  to: OrderStatus;
  /** staff id of who did it */
  by: string;
  at: Date;
  /** required for return and reopen; the resolution for handle; optional otherwise */
  note: string | null;
  /** assign / reassign: who it went to */
  assigneeId?: string | null;
}

export interface WorkOrderDoc {
  _id: string;
  committeeId: string;
  title: string;
  description: string;
  place: string | null;
  reportedBy: string;
  reportedAt: Date;
  assigneeId: string | null;
  status: OrderStatus;
  /** the last local date the order may be closed on */
  dueDate: string;
  /** 00:00:00 Shanghai after dueDate: closing at or after this instant is late */
  dueBy: Date;
  resolution: string | null;
  /** the latest close; null while open (a reopen clears it) */
  closedAt: Date | null;
  /** instant of the latest history entry: month statistics skip orders untouched since before the month */
  lastEventAt: Date;
  history: OrderHistoryEntry[];
  /** optimistic concurrency: every transition increments it */
  version: number;
}
