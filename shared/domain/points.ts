/**
 * Stored shapes of the 百事汇 points card (seed 004 附件三): the secretary's entries, the
 * collective decisions deductions rest on, the signed card (a frozen snapshot) and the
 * corrections made after signing. Computed items are never stored for an unsigned card: they are
 * read from the work records, the roster and the inbox each time.
 */
import type { InstanceValue } from '../rubric/inputs';
import type { RubricResult } from '../rubric/engine';

export const AWARD_LEVELS = ['city', 'district', 'street'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

export const COMPETITION_PRIZES = ['none', 'first', 'second', 'third'] as const;
export type CompetitionPrize = (typeof COMPETITION_PRIZES)[number];

/** What the secretary enters, by kind. Dated kinds count distinct days (每参与1天). */
export type EntryPayload =
  | { kind: 'specialAction'; date: string; title: string }
  | { kind: 'volunteer'; date: string; title: string }
  | { kind: 'award'; level: AwardLevel; holder: 'personal' | 'collective'; title: string }
  | { kind: 'publicity'; level: AwardLevel; title: string }
  | { kind: 'inspection'; holder: 'personal' | 'committee'; title: string }
  | { kind: 'training'; level: AwardLevel; date: string; title: string }
  | { kind: 'competition'; title: string; prize: CompetitionPrize }
  | { kind: 'complaint'; points: number; decisionId: string; reason: string }
  | { kind: 'dispute'; points: number; decisionId: string; reason: string }
  | { kind: 'safetyBreach'; decisionId: string; reason: string };

export type EntryKind = EntryPayload['kind'];
export const DEDUCTION_KINDS = ['complaint', 'dispute', 'safetyBreach'] as const satisfies readonly EntryKind[];
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export interface Evidence {
  /** cloud:// fileIDs of certificates, screenshots, sign-in sheets */
  fileIds: string[];
  text: string | null;
}

export interface PointsEntryDoc {
  _id: string;
  committeeId: string;
  staffId: string;
  /** YYYY-MM, Shanghai */
  month: string;
  entry: EntryPayload;
  evidence: Evidence;
  createdBy: string;
  createdAt: Date;
  /** soft delete before signing; removed entries are kept but never counted */
  removedAt: Date | null;
  removedBy: string | null;
}

/** 会议记录: the 居委会班子 collective decision a deduction must cite (积分规则说明 3). */
export interface PointsDecisionDoc {
  _id: string;
  committeeId: string;
  /** Shanghai local date of the meeting */
  date: string;
  /** meeting name or minutes reference, e.g. 2026年10月班子会议 第3项 */
  meeting: string;
  /** names of the committee members who took part */
  participants: string[];
  /** what was decided */
  text: string;
  /** the staff members the decision concerns: only their cards may cite it */
  staffIds: string[];
  fileIds: string[];
  recordedBy: string;
  createdAt: Date;
}

/** The rubric inputs of one card, as the engine takes them (keys of PointsCardInputValues). */
export type CardValues = {
  firstContactReceptions: number;
  onlineRepliesSatisfied: number;
  householdsVisited: number;
  staggeredShiftsAttended: number;
  specialActionDays: number;
  volunteerServiceDays: number;
  personalAwardsCity: number;
  personalAwardsDistrict: number;
  personalAwardsStreet: number;
  collectiveAwardsCity: number;
  collectiveAwardsDistrict: number;
  collectiveAwardsStreet: number;
  publicityAdopted: boolean;
  personalExcellentRatings: number;
  committeeExcellentRatings: number;
  trainingsAttended: number;
  competitionsEntered: number;
  competitionFirstPrizes: number;
  competitionSecondPrizes: number;
  competitionThirdPrizes: number;
  residentComplaints: InstanceValue[];
  disputeEscalations: InstanceValue[];
  safetyOrDisciplineBreach: boolean;
};

/** The counts read from other people's records (sources.ts), kept with a signed card as evidence. */
export interface RecordCounts {
  receptionsConfirmed: number;
  receptionsPending: number;
  satisfiedAnswers: number;
  visits: number;
  householdsVisited: number;
  shiftsAttended: number;
  shiftsPlanned: number;
}

/** A signed card (_id = cardId(staffId, month)): never updated after it is written. */
export interface PointsCardDoc {
  _id: string;
  staffId: string;
  staffName: string;
  committeeId: string;
  streetId: string | null;
  districtId: string | null;
  month: string;
  year: string;
  counts: RecordCounts;
  /** the entries as they were at signing */
  entries: PointsEntryDoc[];
  values: CardValues;
  result: RubricResult;
  total: number;
  rubricId: string;
  rubricVersion: string;
  signedBy: string;
  signedByName: string;
  signedAt: Date;
  /** recordId of the signing request: a retry of it answers this card instead of a refusal */
  requestKey: string | null;
}

/** A visible correction of a signed card; the latest one (highest sequence) is the card's effective total. */
export interface PointsCorrectionDoc {
  _id: string;
  cardId: string;
  staffId: string;
  committeeId: string;
  streetId: string | null;
  month: string;
  year: string;
  /** 1, 2, …: each correction applies to the values the previous one left */
  sequence: number;
  reason: string;
  evidence: Evidence;
  /** the values this correction replaced, before → after */
  changes: { key: string; before: unknown; after: unknown }[];
  values: CardValues;
  result: RubricResult;
  total: number;
  rubricVersion: string;
  by: string;
  byName: string;
  at: Date;
  /** recordId of the request: a retry answers this correction instead of applying it twice */
  requestKey: string | null;
}
