/**
 * points: the monthly 百事汇 points card (seed 004 附件三, docs/points.md). Computed items come
 * from work records, the roster and the inbox; the secretary enters the rest with evidence,
 * cites a collective decision for every deduction, and signs. A signed card is frozen: changes
 * are refused (CARD_SIGNED) and audited, and corrections are separate, visible entries.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { CORRECTABLE_COUNTS, cardValues, complaintPoints, disputePoints, entryPayload, evidenceInput, evidenceView, localMonth, pointsId } from './points-fields';
import { cloudFileId, instantOutput, localDate, pageInput, pageOf, text } from './common';

export const POINTS_CODES = {
  signed: 'CARD_SIGNED',
  monthOpen: 'CARD_MONTH_OPEN',
  ownCard: 'CARD_OWN',
  notSigned: 'CARD_NOT_SIGNED',
  decisionRequired: 'DECISION_REQUIRED',
  outsideMonth: 'ENTRY_OUTSIDE_MONTH',
  evidenceRequired: 'EVIDENCE_REQUIRED',
  staffNotInCommittee: 'STAFF_NOT_IN_COMMITTEE',
  unchanged: 'CORRECTION_EMPTY',
} as const;

export const entryView = z.object({
  id: z.string(),
  staffId: z.string(),
  month: z.string(),
  entry: entryPayload,
  evidence: evidenceView,
  createdBy: z.string(),
  createdAt: instantOutput,
});
export type EntryView = z.infer<typeof entryView>;

export const itemView = z.object({
  id: z.string(),
  label: z.string(),
  group: z.string(),
  score: z.number(),
  /** what the rule read, e.g. "27 户" */
  value: z.string().nullable(),
  notes: z.array(z.string()),
});

export const signatureView = z.object({ signedBy: z.string(), signedByName: z.string(), signedAt: instantOutput, rubricId: z.string(), rubricVersion: z.string() });

export const correctionView = z.object({
  id: z.string(),
  sequence: z.number().int(),
  reason: z.string(),
  evidence: evidenceView,
  changes: z.array(z.object({ key: z.string(), before: z.unknown(), after: z.unknown() })),
  total: z.number(),
  by: z.string(),
  byName: z.string(),
  at: instantOutput,
});

export const countsView = z.object({
  receptionsConfirmed: z.number().int(),
  receptionsPending: z.number().int(),
  satisfiedAnswers: z.number().int(),
  visits: z.number().int(),
  householdsVisited: z.number().int(),
  shiftsAttended: z.number().int(),
  shiftsPlanned: z.number().int(),
});

export const cardView = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  committeeId: z.string(),
  month: z.string(),
  from: z.string(),
  to: z.string(),
  /** open: computed now from the records; signed: the snapshot taken at signing */
  status: z.enum(['open', 'signed']),
  counts: countsView,
  values: cardValues,
  items: z.array(itemView),
  totals: z.object({ main: z.number(), penalty: z.number(), total: z.number(), reset: z.boolean() }),
  entries: z.array(entryView),
  signature: signatureView.nullable(),
  /** shown beside the signed card, oldest first; never merged into it */
  corrections: z.array(correctionView),
  /** the latest correction's total, else the card's */
  effectiveTotal: z.number(),
});
export type CardView = z.infer<typeof cardView>;

const staffMonth = { staffId: pointsId.optional(), month: localMonth };

/** One card: staff their own (staffId omitted), the secretary any of the committee's staff. */
export const getCard = defineAction('points', 'getCard', z.object(staffMonth).strict(), z.object({ card: cardView }));

/** The month's cards of the committee (secretary) or the caller's own (staff). */
export const listCards = defineAction(
  'points',
  'listCards',
  z.object({ month: localMonth }).strict(),
  z.object({
    month: z.string(),
    items: z.array(z.object({ staffId: z.string(), staffName: z.string(), status: z.enum(['open', 'signed']), total: z.number(), effectiveTotal: z.number(), corrections: z.number().int() })),
  }),
);

/** The secretary enters an item with evidence, or a deduction citing a decision. Send a requestId. */
export const addEntry = defineAction('points', 'addEntry', z.object({ staffId: pointsId, month: localMonth, entry: entryPayload, evidence: evidenceInput.default({ fileIds: [], text: null }) }).strict(), z.object({ entry: entryView }));

/** Removes an entry of an unsigned card. */
export const removeEntry = defineAction('points', 'removeEntry', z.object({ entryId: pointsId }).strict(), z.object({ removed: z.literal(true) }));

/** The secretary signs a finished month's card; the computed inputs and the result are frozen with the signature. */
export const signCard = defineAction('points', 'signCard', z.object({ staffId: pointsId, month: localMonth }).strict(), z.object({ card: cardView }));

const decisionRef = z.object({ decisionId: pointsId, reason: text('事由', 300, 'multi') }).strict();

/**
 * A correction of a signed card: new values for counts (each before → after is kept), added
 * deductions or a 安全守纪 reset, each citing a decision. The signed card is not touched.
 */
export const correctCard = defineAction(
  'points',
  'correctCard',
  z
    .object({
      staffId: pointsId,
      month: localMonth,
      reason: text('更正原因', 300, 'multi'),
      evidence: evidenceInput.default({ fileIds: [], text: null }),
      counts: z.partialRecord(z.enum(CORRECTABLE_COUNTS, { error: '该项目不能直接更正' }), z.number().int('次数须为整数').min(0, '次数不能为负数')).default({}),
      publicityAdopted: z.boolean().optional(),
      complaints: z.array(decisionRef.extend({ points: complaintPoints })).max(10).default([]),
      disputes: z.array(decisionRef.extend({ points: disputePoints })).max(10).default([]),
      safetyBreach: decisionRef.optional(),
    })
    .strict(),
  z.object({ card: cardView }),
);

export const decisionView = z.object({
  id: z.string(),
  date: z.string(),
  meeting: z.string(),
  participants: z.array(z.string()),
  text: z.string(),
  staffIds: z.array(z.string()),
  fileIds: z.array(z.string()),
  recordedBy: z.string(),
  createdAt: instantOutput,
});

/** 居委会班子集体讨论决定: recorded once, cited by deductions. Send a requestId. */
export const recordDecision = defineAction(
  'points',
  'recordDecision',
  z
    .object({
      date: localDate,
      meeting: text('会议名称或记录编号', 100),
      participants: z.array(text('参会人员', 20)).min(2, '集体讨论须至少两名班子成员参加').max(30),
      text: text('决定内容', 1000, 'multi'),
      staffIds: z.array(pointsId).min(1, '请选择决定涉及的工作人员').max(50),
      fileIds: z.array(cloudFileId).max(9, '会议记录附件最多 9 个文件').default([]),
    })
    .strict(),
  z.object({ decision: decisionView }),
);

/** The committee's decisions, newest meeting first. */
export const listDecisions = defineAction(
  'points',
  'listDecisions',
  z.object({ ...pageInput }).strict(),
  pageOf(decisionView),
);
