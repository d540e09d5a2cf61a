/**
 * metrics: seed 000 acceptance metrics per committee, street and district, stored as immutable
 * snapshots; exclusions and assessor entries that liaisons enter (docs/metrics.md).
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { EXCLUSION_KINDS, SCOPE_LEVELS } from '../domain/metrics';
import { INIT_ITEMS } from '../metrics/checklist';
import { cloudFileId, instantOutput, localDate, pageInput, pageOf, text } from './common';

const id = z.string().regex(/^[\w-]{1,64}$/, '标识不正确');
export const scopeInput = z.strictObject({ level: z.enum(SCOPE_LEVELS), id });
const fraction = z.object({ num: z.number().int().nonnegative(), den: z.number().int().nonnegative() });

export const scopeOut = z.object({ level: z.enum(SCOPE_LEVELS), id: z.string(), districtId: z.string(), name: z.string() });
export const windowOut = z.object({ from: z.string(), to: z.string() });

const indicatorBrief = z.object({ path: z.string(), label: z.string(), score: z.number(), max: z.number().nullable(), status: z.string() });

export const snapshotSummary = z.object({
  id: z.string(),
  scope: scopeOut,
  window: windowOut,
  rubric: z.object({ id: z.string(), version: z.string() }),
  inputHash: z.string(),
  total: z.number(),
  max: z.number().nullable(),
  complete: z.boolean(),
  computedAt: instantOutput,
  computedBy: z.string(),
  indicators: z.array(indicatorBrief),
});
export type SnapshotSummary = z.infer<typeof snapshotSummary>;

const progress = z.object({ committeesDone: z.number().int(), committeesTotal: z.number().int() });

/** A computation either finished (a snapshot, new or the identical one already stored) or ran out of time. */
export const computeOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), created: z.boolean(), snapshot: snapshotSummary }),
  z.object({ status: z.literal('partial'), message: z.string(), progress }),
]);

const fromInput = localDate.optional();

/** A liaison computes now: the district liaison their district (or a street in it), a street liaison their street. */
export const compute = defineAction('metrics', 'compute', z.strictObject({ scope: scopeInput, from: fromInput }), computeOutput);

/** One district of the daily run, invoked by the metrics function itself (no WeChat identity). */
export const runDistrict = defineAction('metrics', 'runDistrict', z.strictObject({ districtId: id, from: fromInput }), computeOutput);

export const listSnapshots = defineAction(
  'metrics',
  'listSnapshots',
  z.strictObject({ scope: scopeInput, ...pageInput }),
  pageOf(snapshotSummary),
);

export const exclusionOut = z.object({
  id: z.string(),
  committeeId: z.string(),
  kind: z.enum(EXCLUSION_KINDS),
  reason: z.string(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
});

const inputValue = z.union([fraction, z.string(), z.boolean(), z.number()]);

export const committeeRowOut = z.object({
  committeeId: z.string(),
  code: z.string(),
  name: z.string(),
  streetId: z.string(),
  exclusion: exclusionOut.nullable(),
  initGaps: z.array(z.enum(INIT_ITEMS)),
  profileGaps: z.array(z.string()),
  completeness: fraction,
  cloud: fraction,
  visits: z.number().int(),
  meetings: z.number().int(),
  activities: z.number().int(),
  issuesHandled: z.number().int(),
  columns: z.object({ party: z.boolean(), topics: z.boolean(), notices: z.boolean() }),
  topicOutcome: z.boolean(),
  noticeInteraction: z.boolean(),
  eventClosure: fraction,
});

const indicatorOut = indicatorBrief.extend({
  groups: z.array(z.string()),
  proposed: z.number().nullable(),
  band: z.string().nullable(),
  value: z.string().nullable(),
  assessed: z.object({ score: z.number(), reason: z.string(), evidence: z.array(z.string()), by: z.string().nullable() }).nullable(),
});

export const snapshotView = snapshotSummary.extend({
  /** liaison: the whole scope; committee: staff see only their own committee's row */
  viewer: z.enum(['liaison', 'committee']),
  /** null for the committee viewer: the scope's score is not theirs to see */
  total: z.number().nullable(),
  values: z.record(z.string(), inputValue),
  counted: z.number().int(),
  excluded: z.number().int(),
  indicators: z.array(indicatorOut),
  hints: z.array(z.object({ path: z.string(), label: z.string(), need: z.number().int().nullable(), text: z.string(), toBand: z.object({ index: z.number().int(), text: z.string() }).nullable() })),
  holdingBack: z.record(z.string(), z.array(z.object({ committeeId: z.string(), name: z.string(), shortfall: z.number(), detail: z.string() }))),
  rows: z.array(committeeRowOut),
  /** a district snapshot's streets, each computed and scored over its own committees (no assessor entries) */
  streets: z.array(z.object({ id: z.string(), name: z.string(), counted: z.number().int(), values: z.record(z.string(), inputValue), total: z.number() })),
  ignoredAssessments: z.array(z.object({ id: z.string(), path: z.string(), why: z.string() })),
  /** seed 001 indicators the platform's data supports */
  grid: z.object({ eventClosureRate: fraction.optional() }),
});
export type SnapshotView = z.infer<typeof snapshotView>;

export const getSnapshot = defineAction('metrics', 'getSnapshot', z.strictObject({ id }), snapshotView);

export const exclusionRecord = exclusionOut.extend({ streetId: z.string(), evidence: z.array(z.string()), enteredAt: instantOutput, revokedAt: instantOutput.nullable() });

export const addExclusion = defineAction(
  'metrics',
  'addExclusion',
  z.strictObject({
    committeeId: id,
    kind: z.enum(EXCLUSION_KINDS, { error: '请选择不纳入验收的情形' }),
    reason: text('原因', 500, 'multi'),
    confirmedBy: text('认定部门', 100),
    confirmedAt: localDate,
    evidence: z.array(cloudFileId).max(9, '证明材料最多 9 个').default([]),
  }),
  exclusionRecord,
);

export const revokeExclusion = defineAction('metrics', 'revokeExclusion', z.strictObject({ id }), exclusionRecord);

export const listExclusions = defineAction('metrics', 'listExclusions', z.strictObject({ districtId: id, includeRevoked: z.boolean().default(false) }), z.object({ items: z.array(exclusionRecord) }));

export const assessmentRecord = z.object({ id: z.string(), path: z.string(), score: z.number(), reason: z.string(), evidence: z.array(z.string()), by: z.string(), at: instantOutput });

export const assess = defineAction(
  'metrics',
  'assess',
  z.strictObject({
    districtId: id,
    path: z.string().regex(/^[A-Za-z][\w.]{0,63}$/, '指标标识不正确'),
    score: z.number().min(0).max(100),
    reason: text('评定理由', 500, 'multi'),
    evidence: z.array(cloudFileId).max(20, '证据最多 20 个').default([]),
  }),
  assessmentRecord,
);

/** The entry in force per indicator (the latest), newest first. */
export const listAssessments = defineAction('metrics', 'listAssessments', z.strictObject({ districtId: id }), z.object({ items: z.array(assessmentRecord) }));

/** What the daily timer run answers (it is not an action: CloudBase calls it with a timer event). */
export const TIMER_TRIGGER = 'daily';
export const timerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string().optional(), Message: z.string().optional() });
export const dailyReport = z.object({
  window: windowOut,
  districts: z.array(
    z.object({
      districtId: z.string(),
      status: z.enum(['done', 'partial', 'failed', 'running', 'notStarted']),
      snapshotId: z.string().nullable(),
      created: z.boolean().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export type DailyReport = z.infer<typeof dailyReport>;
