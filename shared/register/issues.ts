/**
 * What the import tells staff about a file, row by row. Three severities:
 * - error: the file cannot be imported as it is (a row cannot be placed, or rows contradict each
 *   other); the whole import is refused, because a partial register would silently distort both
 *   rubric metrics it is the denominator of.
 * - incomplete: the person is imported but does not count as complete for 居民信息完善率 — the
 *   very thing that metric measures, so it must not block the import.
 * - notice: information (an ignored column, a column the file lacks).
 * Messages never contain an ID or phone number, only row numbers and field names.
 */
import type { RegisterFieldKey } from './columns';

export type IssueSeverity = 'error' | 'incomplete' | 'notice';

export const ISSUE_SEVERITY = {
  HEADER_NOT_FOUND: 'error',
  COLUMN_MISSING: 'error',
  COLUMN_DUPLICATE: 'error',
  NO_ROWS: 'error',
  COLUMN_ABSENT: 'notice',
  COLUMN_IGNORED: 'notice',
  HOUSEHOLD_ID_MISSING: 'error',
  HOUSEHOLD_ID_INVALID: 'error',
  NAME_MISSING: 'error',
  NAME_INVALID: 'error',
  ID_NUMERIC_CORRUPTED: 'error',
  ID_DUPLICATE: 'error',
  HOUSEHOLD_NO_HOUSEHOLDER: 'error',
  HOUSEHOLD_MULTIPLE_HOUSEHOLDERS: 'error',
  HOUSEHOLD_PLACE_CONFLICT: 'error',
  ID_MISSING: 'incomplete',
  ID_INVALID: 'incomplete',
  ID_LEGACY_15: 'incomplete',
  GENDER_INVALID: 'incomplete',
  GENDER_MISMATCH: 'incomplete',
  BIRTH_DATE_INVALID: 'incomplete',
  BIRTH_DATE_MISMATCH: 'incomplete',
  RELATION_INVALID: 'incomplete',
  PHONE_INVALID: 'incomplete',
  RESIDENCE_STATUS_INVALID: 'incomplete',
  ETHNICITY_INVALID: 'incomplete',
  POLITICAL_STATUS_INVALID: 'incomplete',
  PLACE_INVALID: 'incomplete',
  FIELD_MISSING: 'incomplete',
  HOUSEHOLD_PLACE_MISSING: 'incomplete',
  GRID_INVALID: 'notice',
} as const satisfies Record<string, IssueSeverity>;

export type RegisterIssueCode = keyof typeof ISSUE_SEVERITY;

export interface RegisterIssue {
  code: RegisterIssueCode;
  severity: IssueSeverity;
  /** the file row (header = row 1 unless a title precedes it); null for the file as a whole */
  row: number | null;
  /** every row involved, for household-level issues */
  rows?: number[];
  field?: RegisterFieldKey;
  /** 「第 12 行：公民身份号码校验位不正确」 */
  message: string;
}

/** 第 12 行 / 第 8、9 行 / 第 3、5、7、9、11 行等 8 行 */
export function rowsLabel(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).join('、');
  return rows.length > 5 ? `第 ${shown} 行等 ${rows.length} 行` : `第 ${shown} 行`;
}

export function makeIssue(code: RegisterIssueCode, rows: readonly number[], text: string, field?: RegisterFieldKey): RegisterIssue {
  const issue: RegisterIssue = {
    code,
    severity: ISSUE_SEVERITY[code],
    row: rows[0] ?? null,
    message: rows.length ? `${rowsLabel(rows)}：${text}` : text,
  };
  if (rows.length > 1) issue.rows = [...rows];
  if (field) issue.field = field;
  return issue;
}
