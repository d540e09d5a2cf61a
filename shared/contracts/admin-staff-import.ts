/**
 * admin.importStaff: rows a client read from a spreadsheet (one header row, then one member per
 * row). Every row is checked on the server; one bad row and nothing is imported, the error lists
 * every bad row by its number in the file.
 */
import { z } from 'zod';
import { defineAction } from '../contract';

export const MAX_IMPORT_ROWS = 500;

const cell = z.string().max(200).default('');

export const importRow = z
  .object({
    /** the row's line in the file, for messages; defaults to its index + 2 (line 1 is the header) */
    rowNumber: z.number().int().positive().optional(),
    /** 企业微信账号 */
    userId: cell,
    /** 姓名 */
    name: cell,
    /** 角色: labels or codes separated by 、 , ， ; or spaces, e.g. "社工、书记" */
    roles: cell,
    /** 所属区域代码: committee (12 digits), street (9) or district (6) code; empty for 市级管理员 */
    regionCode: cell,
  })
  .strict();
export type ImportRow = z.input<typeof importRow>;

export const importRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importStaff = defineAction(
  'admin',
  'importStaff',
  z.object({ rows: z.array(importRow).min(1, '文件中没有人员').max(MAX_IMPORT_ROWS, `一次最多导入 ${MAX_IMPORT_ROWS} 人`) }).strict(),
  z.object({
    created: z.number().int(),
    /** true when this requestId had already been imported: nothing new was written */
    replayed: z.boolean(),
  }),
);
