/**
 * Schemas shared by the content contracts (党建园地, 议事厅, 社区公告): ids, instants, local dates
 * and the one pagination shape every list uses.
 */
import { z } from 'zod';
import { isLocalDate } from '../time';

export const contentId = z.string().trim().min(1, '缺少编号').max(64);

/** An instant from the client, with its zone (2026-10-01T09:00:00+08:00), as a Date. */
export const instantInput = z.iso.datetime({ offset: true, message: '时间格式不正确' }).transform((s) => new Date(s));

/** Instants go over the wire as ISO strings. */
export const instantOutput = z.iso.datetime({ offset: true });

/** A Shanghai calendar date such as 2026-10-31. */
export const localDate = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');

export const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

/** Offset pagination: a page never exceeds 50 rows, and the server says where the next one starts. */
export const PAGE_MAX = 50;
export const pageInput = {
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(PAGE_MAX).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** offset of the next page, null when this page is the last */
    nextOffset: z.number().int().nullable(),
  });

/** Who wrote something, as other people may see it (names of residents are masked). */
export const authorView = z.object({
  kind: z.enum(['staff', 'resident']),
  name: z.string(),
  mine: z.boolean(),
});
