/**
 * Typed input keys for the rubrics other code feeds: the acceptance metrics (seed 000) and the
 * staff points card (seed 004). A unit test checks these lists against the rubric files, so a
 * key renamed in one place fails the build of the other.
 */
import type { InstanceValue, NumberValue, RateValue } from './inputs';

/** The acceptance indicators the platform computes (the rest are assessor-entered). */
export const ACCEPTANCE_PLATFORM_KEYS = [
  'initCompletionRate',
  'residentInfoCompletenessRate',
  'visitsPerCommittee',
  'meetingsPerCommittee',
  'activitiesPerCommittee',
  'issuesHandledPerCommittee',
  'householdCloudRate',
  'interactiveUsage',
] as const;

/** The acceptance indicators an assessor enters (the ops team's set-up). */
export const ACCEPTANCE_ASSESSOR_KEYS = ['opsTeamDesignated', 'opsRegulationsEstablished'] as const;

export const ACCEPTANCE_INPUT_KEYS = [...ACCEPTANCE_PLATFORM_KEYS, ...ACCEPTANCE_ASSESSOR_KEYS] as const;

export type InteractiveUsage = 'allWithOutcome' | 'allUsed' | 'oneMissing' | 'twoOrMoreMissing';

/** What the metrics code computes for a district and window; assessor items may be absent. */
export interface AcceptanceInputValues {
  initCompletionRate?: RateValue;
  residentInfoCompletenessRate?: RateValue;
  visitsPerCommittee?: NumberValue;
  meetingsPerCommittee?: NumberValue;
  activitiesPerCommittee?: NumberValue;
  issuesHandledPerCommittee?: NumberValue;
  householdCloudRate?: RateValue;
  interactiveUsage?: InteractiveUsage;
  opsTeamDesignated?: boolean;
  opsRegulationsEstablished?: boolean;
}


/** What a month earns, counted from records or the secretary's evidenced entries (publicityAdopted is a yes/no). */
export const POINTS_CARD_COUNT_KEYS = [
  'firstContactReceptions',
  'onlineRepliesSatisfied',
  'householdsVisited',
  'staggeredShiftsAttended',
  'specialActionDays',
  'volunteerServiceDays',
  'personalAwardsCity',
  'personalAwardsDistrict',
  'personalAwardsStreet',
  'collectiveAwardsCity',
  'collectiveAwardsDistrict',
  'collectiveAwardsStreet',
  'publicityAdopted',
  'personalExcellentRatings',
  'committeeExcellentRatings',
  'trainingsAttended',
  'competitionsEntered',
  'competitionFirstPrizes',
  'competitionSecondPrizes',
  'competitionThirdPrizes',
] as const;

/** The 投诉扣分 items: each rests on a collective decision (积分规则说明 3), not on evidence. */
export const POINTS_CARD_DECISION_KEYS = ['residentComplaints', 'disputeEscalations', 'safetyOrDisciplineBreach'] as const;

export const POINTS_CARD_INPUT_KEYS = [...POINTS_CARD_COUNT_KEYS, ...POINTS_CARD_DECISION_KEYS] as const;

/** One staff member's month. Counts come from staff records; the rest is entered by the secretary. */
export interface PointsCardInputValues {
  /** receptions the resident confirmed by signing (0.2 each) */
  firstContactReceptions?: number;
  /** online answers the resident marked satisfied (0.5 each) */
  onlineRepliesSatisfied?: number;
  /** distinct households visited with a record (10 at 30; −0.5 per household short, +0.3 per household over) */
  householdsVisited?: number;
  /** staggered shifts attended (0.5 each) */
  staggeredShiftsAttended?: number;
  /** days in special actions (0.5 each) */
  specialActionDays?: number;
  /** days of volunteer service (0.5 each) */
  volunteerServiceDays?: number;
  personalAwardsCity?: number;
  personalAwardsDistrict?: number;
  personalAwardsStreet?: number;
  collectiveAwardsCity?: number;
  collectiveAwardsDistrict?: number;
  collectiveAwardsStreet?: number;
  publicityAdopted?: boolean;
  personalExcellentRatings?: number;
  committeeExcellentRatings?: number;
  trainingsAttended?: number;
  competitionsEntered?: number;
  competitionFirstPrizes?: number;
  competitionSecondPrizes?: number;
  competitionThirdPrizes?: number;
  /** each −5 to −3, with the reason the committee decided on */
  residentComplaints?: InstanceValue[];
  /** each −10 to −5 */
  disputeEscalations?: InstanceValue[];
  /** zeroes the month */
  safetyOrDisciplineBreach?: boolean;
}

type Exact<K extends string, T> = [Exclude<K, keyof T>, Exclude<keyof T, K>] extends [never, never] ? true : never;
// compile-time: each key list and its value type name the same keys
export const KEY_LISTS_MATCH_TYPES: [Exact<(typeof ACCEPTANCE_INPUT_KEYS)[number], AcceptanceInputValues>, Exact<(typeof POINTS_CARD_INPUT_KEYS)[number], PointsCardInputValues>] = [true, true];
