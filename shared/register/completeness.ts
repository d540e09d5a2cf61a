/**
 * 居民信息完善率 (seed 000): register persons whose required fields are all present and valid,
 * divided by all register persons. "Complete" here means:
 *
 * - 楼号, 室号 of the household, 姓名, 与户主关系, 居住状态, 民族, 政治面貌: present and valid;
 * - 公民身份号码: a valid 18-digit number (a 15-digit one, though upgraded for matching, is
 *   stale data to be corrected at the source, so it does not count);
 * - 性别, 出生日期: present and valid and agreeing with the ID number (a blank cell is filled
 *   from a valid ID number, which is what the governance platform itself does);
 * - 联系电话: required of the householder (户主), the household's contact; for other members it
 *   is optional, because children and many elderly members have no number of their own. A
 *   number that is present must be valid for anyone.
 * - 网格 is not required: not every register carries it.
 */
import { REGISTER_FIELD_KEYS, type RegisterFieldKey } from './columns';

export type IdStatus = 'valid' | 'legacy15' | 'invalid' | 'missing';

export interface CompletenessInput {
  building: string | null;
  room: string | null;
  name: string | null;
  idStatus: IdStatus;
  gender: string | null;
  birthDate: string | null;
  relation: string | null;
  isHouseholder: boolean;
  /** the valid contact number, or null (only presence matters here) */
  phone: unknown;
  residenceStatus: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  /** fields whose present value was rejected or contradicts the ID number */
  invalidFields: readonly RegisterFieldKey[];
}

const ALWAYS_REQUIRED = ['building', 'room', 'name', 'gender', 'birthDate', 'relation', 'residenceStatus', 'ethnicity', 'politicalStatus'] as const;

/** The fields that keep a person from counting as complete, in column order; empty when complete. */
export function incompleteFields(p: CompletenessInput): RegisterFieldKey[] {
  const out = new Set<RegisterFieldKey>(p.invalidFields);
  for (const f of ALWAYS_REQUIRED) if (p[f] === null || p[f] === '') out.add(f);
  if (p.idStatus !== 'valid') out.add('idNumber');
  if (p.isHouseholder && (p.phone === null || p.phone === undefined)) out.add('phone');
  return REGISTER_FIELD_KEYS.filter((f) => out.has(f));
}

export function isPersonComplete(p: CompletenessInput): boolean {
  return incompleteFields(p).length === 0;
}

export interface CompletenessRate {
  complete: number;
  total: number;
  /** complete / total, 0 when there is nobody */
  rate: number;
}

export function completenessRate(persons: Iterable<CompletenessInput>): CompletenessRate {
  let complete = 0;
  let total = 0;
  for (const p of persons) {
    total++;
    if (isPersonComplete(p)) complete++;
  }
  return { complete, total, rate: total === 0 ? 0 : complete / total };
}
