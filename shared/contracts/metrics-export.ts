/**
 * metrics.exportSnapshot: one snapshot as an Excel workbook laid out like the seed 000 acceptance
 * table (plus the street and committee breakdowns), written to cloud storage for the liaison to
 * hand to the acceptance team (docs/liaison.md).
 */
import { z } from 'zod';
import { defineAction } from '../contract';

export const exportSnapshot = defineAction(
  'metrics',
  'exportSnapshot',
  z.strictObject({ id: z.string().regex(/^[\w-]{1,64}$/, '标识不正确') }),
  z.object({
    /** cloud:// fileID of the .xlsx in cloud storage */
    fileID: z.string(),
    /** temporary download URL (valid for about two hours) */
    url: z.string(),
    /** what to call the file when saving it */
    fileName: z.string(),
  }),
);
