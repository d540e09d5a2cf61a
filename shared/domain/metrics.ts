/**
 * Stored shapes of the metrics function (docs/metrics.md): the facts gathered per committee for a
 * window, liaison-entered exclusions and assessor entries, and the immutable snapshots.
 */
import type { AcceptanceInputValues } from '../rubric/keys';
import type { RubricResult } from '../rubric/engine';

export const SCOPE_LEVELS = ['district', 'street'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export interface MetricsScope {
  level: ScopeLevel;
  /** the district's or street's _id */
  id: string;
  districtId: string;
  name: string;
}

/** seed 000 备注 ① and ② (the rubric's `definitions.exclusions`). */
export const EXCLUSION_KINDS = ['codeOrBoundaryError', 'otherSpecial'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

/** A committee left out of the acceptance (numerator and denominator), entered by a liaison. */
export interface ExclusionDoc {
  _id: string;
  committeeId: string;
  districtId: string;
  streetId: string;
  kind: ExclusionKind;
  reason: string;
  /** who confirmed it: 公安部门 (①) or 市级验收工作小组 (②), with the office named */
  confirmedBy: string;
  /** Shanghai local date of the confirmation */
  confirmedAt: string;
  evidence: string[];
  enteredBy: string;
  enteredAt: Date;
  /** an exclusion is withdrawn, never deleted: snapshots computed before keep naming it */
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** An assessor's entry for one indicator of a district; the latest entry per indicator applies. */
export interface AssessmentDoc {
  _id: string;
  districtId: string;
  rubricId: string;
  /** indicator path in the rubric */
  path: string;
  score: number;
  reason: string;
  /** cloud fileIDs of the evidence */
  evidence: string[];
  byStaffId: string;
  byName: string;
  at: Date;
}

/** What the platform holds about one committee in a window: the facts every indicator is computed from. */
export interface CommitteeFacts {
  committeeId: string;
  code: string;
  name: string;
  streetId: string;
  /** profile fields that are missing or invalid (empty = filled) */
  profileGaps: string[];
  /** active staff / secretaries whose WeCom sign-in is bound (openid set) */
  staffBound: number;
  /** register households (inRegister) */
  households: number;
  householdsWithBuilding: number;
  householdsWithGrid: number;
  /** register households 上云 by the end of the window */
  householdsOnCloud: number;
  /** active register persons, and those with every required field valid */
  persons: number;
  personsComplete: number;
  visits: number;
  receptionsConfirmed: number;
  meetings: number;
  activities: number;
  /** work orders closed in the window (an order closed twice in it counts once) */
  ordersClosed: number;
  /** seed 001 事件办结率: orders reported in the window, and of those closed within 7 days */
  ordersReported: number;
  ordersClosedInWeek: number;
  partyUse: number;
  topicUse: number;
  outcomes: number;
  noticeUse: number;
  /** first reads and visible 留言 on notices in the window */
  noticeInteractions: number;
}

export interface ExclusionRef {
  id: string;
  committeeId: string;
  kind: ExclusionKind;
  reason: string;
  confirmedBy: string;
  confirmedAt: string;
}

export interface AssessmentRef {
  id: string;
  path: string;
  score: number;
  reason: string;
  evidence: string[];
  by: string;
  at: string;
}

/** Everything a snapshot's scores are reproducible from; its canonical JSON is hashed. */
export interface SnapshotInputs {
  committees: CommitteeFacts[];
  /** streets of the scope, and whether each has an active street liaison */
  streets: { id: string; name: string; liaisons: number }[];
  districtLiaisons: number;
  exclusions: ExclusionRef[];
  assessments: AssessmentRef[];
}

export interface SnapshotDoc {
  _id: string;
  scope: MetricsScope;
  /** scope key for listing: `district:<id>` or `street:<id>` */
  scopeKey: string;
  window: { from: string; to: string };
  rubric: { id: string; version: string };
  inputs: SnapshotInputs;
  inputHash: string;
  values: AcceptanceInputValues;
  /** assessor entries that no longer fit the indicator (e.g. the value moved to another band) */
  ignoredAssessments: { id: string; path: string; why: string }[];
  result: RubricResult;
  total: number;
  computedAt: Date;
  /** staff id of the liaison, or `timer` */
  computedBy: string;
}
