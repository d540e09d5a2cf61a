/**
 * household: population register import (docs/household.md). A file with errors imports nothing
 * and answers its row-numbered issues; a valid file becomes an import job applied in batches, so
 * a large register finishes over several calls of `continueImport` within the function timeout.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { id, plainString } from './common';

/** Issues shown per severity in one answer; the counts are always complete. */
export const ISSUES_SHOWN_PER_SEVERITY = 100;

const count = z.number().int().min(0);

export const importCounts = z.object({
  households: z.object({ created: count, updated: count, unchanged: count, removed: count }),
  persons: z.object({ created: count, updated: count, unchanged: count, movedOut: count }),
});

export const importProgress = z.object({
  jobId: z.string(),
  /** cancelled: a newer import of the committee replaced this unfinished one */
  status: z.enum(['running', 'done', 'cancelled']),
  /** households applied so far / in the file */
  done: count,
  total: count,
  persons: count,
  completePersons: count,
  /** exact once status is done */
  counts: importCounts.nullable(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const registerIssueView = z.object({
  code: z.string(),
  severity: z.enum(['error', 'incomplete', 'notice']),
  row: z.number().int().nullable(),
  message: z.string(),
});

export const importRegister = defineAction(
  'household',
  'importRegister',
  z
    .object({
      /** cloud:// fileID from wx.cloud.uploadFile */
      fileID: z.string().trim().min(1, '请先上传人口库文件').max(512),
      /** the uploaded file's name, to refuse a legacy .xls clearly */
      filename: plainString('文件名').max(200).optional(),
      /** staff import their own committee; a district liaison names one of the district */
      committeeId: id.optional(),
      /**
       * full (default): the file is the committee's whole register, households it no longer lists
       * leave the register; partial: a file split by grid or building, other households untouched.
       */
      mode: z.enum(['full', 'partial']).default('full'),
    })
    .strict(),
  z.object({
    /** false: the file has errors and nothing was imported */
    accepted: z.boolean(),
    summary: z.object({ rows: count, households: count, persons: count, completePersons: count, errors: count, incomplete: count, notices: count }),
    /** errors first, then incomplete, then notices, by row; at most ISSUES_SHOWN_PER_SEVERITY of each */
    issues: z.array(registerIssueView),
    issuesTruncated: z.boolean(),
    job: importProgress.nullable(),
  }),
);

export const IMPORT_CODES = { running: 'HOUSEHOLD_IMPORT_RUNNING' } as const;

export const continueImport = defineAction('household', 'continueImport', z.object({ jobId: id }).strict(), importProgress);
