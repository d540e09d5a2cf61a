/**
 * The zod schema of one register row. Every column is a string cell (blank when the column is
 * absent); each field schema trims it, maps blank to null and either returns the canonical value
 * or fails with a Chinese reason and an issue code (`params.code`). The importer runs the field
 * schemas one by one so that one bad cell does not lose the rest of the row; `registerRowSchema`
 * runs them together, with the required fields and the cross-field checks, for a single record
 * entered or corrected by staff.
 */
import { z } from 'zod';
import { validateIdNumber, type Gender } from '../privacy/id-number';
import { normalizePhone, type NormalizedPhone } from '../privacy/phone';
import { findHiddenChar, hiddenCharMessage } from '../plain-text';
import { localDateOf } from '../time';
import type { RegisterFieldKey } from './columns';
import type { RegisterIssueCode } from './issues';
import {
  cleanCell,
  normalizeEthnicity,
  normalizeGender,
  normalizePoliticalStatus,
  normalizeRelation,
  normalizeResidenceStatus,
  parseLocalDate,
  type PoliticalStatus,
  type ResidenceStatus,
} from './values';

export interface RowSchemaOptions {
  /** YYYY-MM-DD (Shanghai) births may not be after; defaults to today */
  today?: string;
}

/** 'valid': an 18-digit number; 'legacy15': a 15-digit number upgraded to 18 (counts as incomplete). */
export type ParsedIdNumber = { status: 'valid' | 'legacy15'; number: string; birthDate: string; gender: Gender };

type Outcome<T> = { ok: true; value: T } | { ok: false; code: RegisterIssueCode; reason: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const bad = (code: RegisterIssueCode, reason: string): Outcome<never> => ({ ok: false, code, reason });

/** A nullable cell: blank → null, otherwise `parse` decides. */
function cell<T>(parse: (s: string) => Outcome<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null => {
      const s = cleanCell(raw);
      if (s === '') return null;
      const r = parse(s);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason, params: { code: r.code } });
      return z.NEVER;
    });
}

const NAME = /^[\p{Script=Han}A-Za-z·\s]{1,30}$/u;

function parseName(s: string): Outcome<string> {
  // Minority names use a middle dot; exports write it several ways.
  const name = s.normalize('NFKC').replace(/[•・．.]/g, '·').replace(/\s+/g, ' ');
  return NAME.test(name) && /[\p{Script=Han}A-Za-z]/u.test(name) ? ok(name) : bad('NAME_INVALID', '姓名只能包含汉字、字母和“·”，且不超过30个字');
}

function parsePhone(s: string): Outcome<NormalizedPhone> {
  // Several numbers in one cell are common ("138…，021-…"): prefer the first mobile.
  const parts = s.split(/[,，;；/、]+/).filter((p) => p.trim() !== '');
  const phones = parts.map(normalizePhone);
  if (phones.some((p) => p === null) || phones.length === 0) return bad('PHONE_INVALID', '联系电话不是有效的手机号码或固定电话');
  const valid = phones as NormalizedPhone[];
  return ok(valid.find((p) => p.kind === 'mobile') ?? valid[0]!);
}

/** A free-text cell: the same character rule as the contracts' text (shared/plain-text.ts). */
function text(max: number, code: RegisterIssueCode, label: string) {
  return (s: string): Outcome<string> => {
    const hidden = findHiddenChar(s, 'single');
    if (hidden) return bad(code, hiddenCharMessage(label, hidden.kind));
    return s.length <= max ? ok(s) : bad(code, `${label}不能超过 ${max} 个字`);
  };
}

export function registerFieldSchemas(options: RowSchemaOptions = {}) {
  const today = options.today ?? localDateOf(new Date());
  return {
    householdId: cell(text(64, 'HOUSEHOLD_ID_INVALID', '户编号')),
    building: cell(text(64, 'PLACE_INVALID', '楼号')),
    room: cell(text(32, 'PLACE_INVALID', '室号')),
    name: cell(parseName),
    idNumber: cell((s): Outcome<ParsedIdNumber> => {
      const r = validateIdNumber(s, { legacy15: 'upgrade', today });
      if (!r.ok) return bad(r.code === 'NUMERIC_CORRUPTED' ? 'ID_NUMERIC_CORRUPTED' : 'ID_INVALID', r.reason);
      return ok({ status: r.upgradedFrom15 ? 'legacy15' : 'valid', number: r.id, birthDate: r.birthDate, gender: r.gender });
    }),
    gender: cell((s) => {
      const g = normalizeGender(s);
      return g ? ok(g) : bad('GENDER_INVALID', '性别应为“男”或“女”');
    }),
    birthDate: cell((s) => {
      const d = parseLocalDate(s);
      if (!d) return bad('BIRTH_DATE_INVALID', '出生日期不是有效日期');
      return d > today ? bad('BIRTH_DATE_INVALID', '出生日期晚于今天') : ok(d);
    }),
    relation: cell((s) => {
      const r = normalizeRelation(s);
      return r ? ok(r) : bad('RELATION_INVALID', '与户主关系应为“户主”“配偶”“子”“女”等称谓');
    }),
    phone: cell(parsePhone),
    residenceStatus: cell((s): Outcome<ResidenceStatus> => {
      const r = normalizeResidenceStatus(s);
      return r ? ok(r) : bad('RESIDENCE_STATUS_INVALID', '居住状态应为人户一致、人在户不在、户在人不在或来沪人员');
    }),
    ethnicity: cell((s) => {
      const r = normalizeEthnicity(s);
      return r ? ok(r) : bad('ETHNICITY_INVALID', '民族不是国家标准中的民族名称');
    }),
    politicalStatus: cell((s): Outcome<PoliticalStatus> => {
      const r = normalizePoliticalStatus(s);
      return r ? ok(r) : bad('POLITICAL_STATUS_INVALID', '政治面貌不是国家标准中的名称');
    }),
    grid: cell(text(64, 'GRID_INVALID', '网格')),
  } satisfies Record<RegisterFieldKey, z.ZodType>;
}

export type RegisterFieldSchemas = ReturnType<typeof registerFieldSchemas>;
export type RegisterRowFields = { [K in RegisterFieldKey]: z.output<RegisterFieldSchemas[K]> };
export type RegisterRowInput = Partial<Record<RegisterFieldKey, string>>;

export interface CrossFieldProblem {
  field: 'gender' | 'birthDate';
  code: 'GENDER_MISMATCH' | 'BIRTH_DATE_MISMATCH';
  reason: string;
}

/** The register's gender and birth date must agree with what the ID number encodes. */
export function crossFieldProblems(row: Pick<RegisterRowFields, 'idNumber' | 'gender' | 'birthDate'>): CrossFieldProblem[] {
  const out: CrossFieldProblem[] = [];
  const id = row.idNumber;
  if (!id) return out;
  if (row.gender && row.gender !== id.gender) out.push({ field: 'gender', code: 'GENDER_MISMATCH', reason: '性别与公民身份号码不符' });
  if (row.birthDate && row.birthDate !== id.birthDate) out.push({ field: 'birthDate', code: 'BIRTH_DATE_MISMATCH', reason: '出生日期与公民身份号码不符' });
  return out;
}

/**
 * A whole row, strictly: 户编号 and 姓名 required, every present value valid, gender and birth
 * date consistent with the ID number. Issues carry the field as path and the Chinese reason.
 */
export function registerRowSchema(options: RowSchemaOptions = {}) {
  return z.object(registerFieldSchemas(options)).superRefine((row, ctx) => {
    if (!row.householdId) ctx.addIssue({ code: 'custom', path: ['householdId'], message: '户编号为空', params: { code: 'HOUSEHOLD_ID_MISSING' } });
    if (!row.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '姓名为空', params: { code: 'NAME_MISSING' } });
    for (const p of crossFieldProblems(row)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason, params: { code: p.code } });
  });
}

/** The issue code a field schema put on a zod issue. */
export function issueCodeOf(issue: z.core.$ZodIssue): RegisterIssueCode | null {
  const params = (issue as { params?: { code?: RegisterIssueCode } }).params;
  return params?.code ?? null;
}
