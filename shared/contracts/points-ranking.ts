/**
 * points.yearRanking: the street's 居民区社工积分排行榜 (seed 004 积分规则说明 2) from signed
 * monthly cards; the top 20% are eligible for the 优秀 recommendation (docs/points.md).
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { pointsId } from './points-fields';

export const rankingRow = z.object({
  rank: z.number().int(),
  staffId: z.string(),
  name: z.string(),
  committeeId: z.string().nullable(),
  total: z.number(),
  /** months of the year with a signed card (only those count) */
  signedMonths: z.array(z.string()),
  /** months whose total is a correction's, not the signed original's */
  correctedMonths: z.array(z.string()),
  eligible: z.boolean(),
});

export const yearRanking = defineAction(
  'points',
  'yearRanking',
  z.object({ year: z.string().regex(/^\d{4}$/, '年份格式应为 YYYY'), streetId: pointsId.optional() }).strict(),
  z.object({
    year: z.string(),
    streetId: z.string(),
    /** staff ranked (the 20% is of this number) */
    ranked: z.number().int(),
    /** floor(20% × ranked): ranks 1…cut are eligible, ties at the cut included */
    cut: z.number().int(),
    items: z.array(rankingRow),
  }),
);
