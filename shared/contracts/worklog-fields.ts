/** zod building blocks shared by the worklog and roster contracts. */
import { z } from 'zod';
import { isLocalDate } from '../time';
import { MAX_PAGE_SIZE } from '../worklog/rules';

/** Trimmed, non-empty text of at most `max` characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

/** Optional text: blank becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** An absolute instant with its offset, e.g. 2026-10-01T09:30:00+08:00; becomes a Date. */
export const instantInput = z.iso.datetime({ offset: true, error: '时间格式不正确' }).transform((s) => new Date(s));

export const localDate = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
export const localMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** A file in cloud storage, as wx.cloud.uploadFile answers it. */
export const cloudFileId = z.string().regex(/^cloud:\/\/[\w.-]+\/\S{1,300}$/, '文件标识不正确');
export const photoFileIds = z.array(cloudFileId).max(9, '照片最多 9 张').default([]);

export const recordIdInput = z.string().regex(/^[\w-]{1,64}$/, '记录标识不正确');

export const page = {
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
};

export const pageOutput = { total: z.number().int(), nextOffset: z.number().int().nullable() };

/** Output instants travel as ISO strings. */
export const isoString = z.string();
