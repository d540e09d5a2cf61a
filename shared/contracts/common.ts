/**
 * The building blocks every contract is written with: ids, instants, calendar dates, text and
 * the one paging shape. A contract that needs one of these imports it from here; a rule that
 * more than one contract states (a label's wording, a date's format) is stated here once.
 */
import { z } from 'zod';
import { findHiddenChar, hiddenCharMessage, normalizeLineBreaks, type TextLines } from '../plain-text';
import { isLocalDate } from '../time';

/** A document id as the client sends it back (ids are opaque to the client). */
export const id = z.string().trim().min(1, '缺少编号').max(64, '编号不正确');

/** An id the server generates for a record (hex, or a derived key with dashes / underscores). */
export const recordId = z.string().regex(/^[\w-]{1,64}$/, '记录标识不正确');

/** An instant from the client with its zone (2026-10-01T09:00:00+08:00), as a Date. */
export const instantInput = z.iso.datetime({ offset: true, error: '时间格式不正确' }).transform((s) => new Date(s));

/** Instants travel to the client as checked ISO strings. */
export const instantOutput = z.iso.datetime({ offset: true });

/** A Shanghai calendar date such as 2026-10-31 (a due date, a shift's day, a birth date). */
export const localDate = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');

/** A Shanghai calendar month such as 2026-10. */
export const localMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/**
 * A trimmed string under the one character rule (shared/plain-text.ts): control, bidi-override
 * and zero-width characters and lone surrogates are refused with a message naming `label`;
 * single-line text also refuses line breaks, multi-line text (a body, a comment) keeps newlines
 * and tabs, a CRLF read as a newline. Every field of typed text is built from this, through
 * `text` / `optionalText` or, where a field words its own length messages, directly.
 */
export function plainString(label: string, lines: TextLines = 'single', params?: { error: string }) {
  const s = z.string(params);
  return (lines === 'multi' ? s.overwrite(normalizeLineBreaks) : s).trim().check((ctx) => {
    const hidden = findHiddenChar(ctx.value, lines);
    if (hidden) ctx.issues.push({ code: 'custom', message: hiddenCharMessage(label, hidden.kind), input: ctx.value });
  });
}

/** Trimmed, non-empty text of at most `max` characters, named `label` in the messages. */
export function text(label: string, max: number, lines: TextLines = 'single') {
  return plainString(label, lines, { error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

/** Optional text: blank becomes null. */
export function optionalText(label: string, max: number, lines: TextLines = 'single') {
  return plainString(label, lines)
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A file in cloud storage, as wx.cloud.uploadFile answers it. */
export const cloudFileId = z.string().regex(/^cloud:\/\/[\w.-]+\/\S{1,300}$/, '文件标识不正确');
export const photoFileIds = z.array(cloudFileId).max(9, '照片最多 9 张').default([]);

/**
 * The one paging shape (docs/conventions.md, "Lists"): `{ offset, limit }` in, `{ items,
 * nextOffset }` out, nextOffset null on the last page. A page is at most 100 rows; offsets stop at
 * 10,000 (past that a list wants a filter, not more paging).
 */
export const PAGE_MAX = 100;
export const OFFSET_MAX = 10_000;
export const pageInput = {
  offset: z.number().int().min(0).max(OFFSET_MAX).default(0),
  limit: z.number().int().min(1).max(PAGE_MAX).default(20),
};
export type PageRequest = { offset: number; limit: number };

/** A page of `item`; `extra` adds list-level fields (a total, a summary) beside items. */
export function pageOf<T extends z.ZodType>(item: T): z.ZodObject<{ items: z.ZodArray<T>; nextOffset: z.ZodNullable<z.ZodNumber> }>;
export function pageOf<T extends z.ZodType, E extends z.ZodRawShape>(item: T, extra: E): z.ZodObject<{ items: z.ZodArray<T>; nextOffset: z.ZodNullable<z.ZodNumber> } & E>;
export function pageOf(item: z.ZodType, extra: z.ZodRawShape = {}) {
  return z.object({
    items: z.array(item),
    /** offset of the next page, null when this page is the last */
    nextOffset: z.number().int().nullable(),
    ...extra,
  });
}
