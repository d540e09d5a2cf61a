/** zod building blocks of the points card contracts: entries, evidence, card values. */
import { z } from 'zod';
import { AWARD_LEVELS, COMPETITION_PRIZES, type CardValues, type EntryPayload } from '../domain/points';
import { POINTS_CARD_COUNT_KEYS } from '../rubric/keys';
import { cloudFileId, localDate, localMonth, plainString, text } from './common';

export { localMonth };

export const pointsId = z.string().regex(/^[\w:-]{1,80}$/, '编号不正确');

/** A multiple of 0.1 (the rubric's step) within [lo, hi]. */
const deductionPoints = (lo: number, hi: number, label: string) =>
  z
    .number({ error: `请填写${label}扣分` })
    .min(lo, `${label}每次扣 ${-hi} 至 ${-lo} 分，请填写 ${lo} 至 ${hi} 之间的负数`)
    .max(hi, `${label}每次扣 ${-hi} 至 ${-lo} 分，请填写 ${lo} 至 ${hi} 之间的负数`)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, '扣分须为 0.1 的整数倍');

export const complaintPoints = deductionPoints(-5, -3, '居民投诉');
export const disputePoints = deductionPoints(-10, -5, '矛盾调处');

const level = z.enum(AWARD_LEVELS, { error: '请选择市、区或街镇级' });
const title = text('名称或事由', 100);
const decisionId = pointsId;
const reason = text('扣分事由', 300, 'multi');

export const entryPayload = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('specialAction'), date: localDate, title }).strict(),
    z.object({ kind: z.literal('volunteer'), date: localDate, title }).strict(),
    z.object({ kind: z.literal('award'), level, holder: z.enum(['personal', 'collective']), title }).strict(),
    z.object({ kind: z.literal('publicity'), level, title }).strict(),
    z.object({ kind: z.literal('inspection'), holder: z.enum(['personal', 'committee']), title }).strict(),
    z.object({ kind: z.literal('training'), level, date: localDate, title }).strict(),
    z.object({ kind: z.literal('competition'), title, prize: z.enum(COMPETITION_PRIZES).default('none') }).strict(),
    z.object({ kind: z.literal('complaint'), points: complaintPoints, decisionId, reason }).strict(),
    z.object({ kind: z.literal('dispute'), points: disputePoints, decisionId, reason }).strict(),
    z.object({ kind: z.literal('safetyBreach'), decisionId, reason }).strict(),
  ],
  { error: '不支持的积分项目' },
);
// compile-time: the wire shape and the stored shape are the same union
export const ENTRY_PAYLOAD_MATCHES: z.output<typeof entryPayload> extends EntryPayload ? (EntryPayload extends z.output<typeof entryPayload> ? true : never) : never = true;

export const evidenceInput = z
  .object({
    fileIds: z.array(cloudFileId).max(9, '证明材料最多 9 个文件').default([]),
    text: plainString('证明材料说明', 'multi')
      .max(500, '说明不能超过 500 个字')
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();

export const evidenceView = z.object({ fileIds: z.array(z.string()), text: z.string().nullable() });

const count = z.number().int().min(0);
const instance = z.object({ points: z.number(), reason: z.string(), evidence: z.array(z.string()).optional() });

export const cardValues = z.object({
  firstContactReceptions: count,
  onlineRepliesSatisfied: count,
  householdsVisited: count,
  staggeredShiftsAttended: count,
  specialActionDays: count,
  volunteerServiceDays: count,
  personalAwardsCity: count,
  personalAwardsDistrict: count,
  personalAwardsStreet: count,
  collectiveAwardsCity: count,
  collectiveAwardsDistrict: count,
  collectiveAwardsStreet: count,
  publicityAdopted: z.boolean(),
  personalExcellentRatings: count,
  committeeExcellentRatings: count,
  trainingsAttended: count,
  competitionsEntered: count,
  competitionFirstPrizes: count,
  competitionSecondPrizes: count,
  competitionThirdPrizes: count,
  residentComplaints: z.array(instance),
  disputeEscalations: z.array(instance),
  safetyOrDisciplineBreach: z.boolean(),
});
export const CARD_VALUES_MATCH: z.output<typeof cardValues> extends CardValues ? (CardValues extends z.output<typeof cardValues> ? true : never) : never = true;

/** The count-type inputs a correction may set directly (deductions and the reset need a decision). */
// publicityAdopted is a yes/no, not a count: correctCard sets it through its own field
export type CorrectableCount = Exclude<(typeof POINTS_CARD_COUNT_KEYS)[number], 'publicityAdopted'>;
export const CORRECTABLE_COUNTS: readonly CorrectableCount[] = POINTS_CARD_COUNT_KEYS.filter((k): k is CorrectableCount => k !== 'publicityAdopted');
