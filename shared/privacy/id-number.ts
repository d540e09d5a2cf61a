/**
 * Chinese resident identity numbers (公民身份号码, GB 11643-1999).
 *
 * 18 characters: 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit sequence (odd =
 * male, even = female), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * 15-digit numbers (first-generation cards: region, YYMMDD, sequence, no check character) stopped
 * being valid on 2013-01-01. By default they are rejected with a reason the user can act on; a
 * caller that reads historical data (the population register) may ask for them to be upgraded to
 * the 18-digit form, which is what the second-generation card carries for almost everybody
 * (insert "19", append the check character). See docs/register.md for why the register does so.
 */
import { localDateOf } from '../time';

export type Gender = '男' | '女';

export type IdNumberErrorCode =
  | 'EMPTY'
  | 'NUMERIC_CORRUPTED'
  | 'LENGTH'
  | 'CHARACTERS'
  | 'REGION'
  | 'BIRTH_DATE'
  | 'BIRTH_FUTURE'
  | 'BIRTH_TOO_EARLY'
  | 'CHECK_DIGIT'
  | 'LEGACY_15';

export const ID_NUMBER_REASONS: Record<IdNumberErrorCode, string> = {
  EMPTY: '公民身份号码为空',
  NUMERIC_CORRUPTED: '公民身份号码被表格软件存成了数字，末尾数字已丢失，请将该列设为“文本”格式后重新导出',
  LENGTH: '公民身份号码应为18位',
  CHARACTERS: '公民身份号码只能包含数字，最后一位可以是X',
  REGION: '公民身份号码的地区码不正确',
  BIRTH_DATE: '公民身份号码中的出生日期不是有效日期',
  BIRTH_FUTURE: '公民身份号码中的出生日期晚于今天',
  BIRTH_TOO_EARLY: '公民身份号码中的出生日期早于1900年',
  CHECK_DIGIT: '公民身份号码校验位不正确',
  LEGACY_15: '15位旧身份证号码已停用，请填写18位公民身份号码',
};

export interface ValidIdNumber {
  ok: true;
  /** the normalised 18-character number (uppercase X) */
  id: string;
  region: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  /** true when the input was a 15-digit number upgraded to 18 */
  upgradedFrom15: boolean;
}

export interface InvalidIdNumber {
  ok: false;
  code: IdNumberErrorCode;
  reason: string;
}

export type IdNumberCheck = ValidIdNumber | InvalidIdNumber;

export interface IdNumberOptions {
  /** 'reject' (default) or 'upgrade' 15-digit numbers */
  legacy15?: 'reject' | 'upgrade';
  /** YYYY-MM-DD, the Shanghai local date births may not be after; defaults to today */
  today?: string;
}

/**
 * Province-level codes of GB/T 2260, plus 81/82/83 which residence permits for Hong Kong, Macao
 * and Taiwan residents use. A full county list would go stale (districts merge, e.g. 310103 卢湾
 * and 310108 闸北), and old numbers keep the old codes for life, so only the province is checked.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Weight of position i (0-based, left to right) is 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const CHECK_CHARS = '10X98765432';

/**
 * The canonical text form of a typed or exported number: full-width characters folded, spaces
 * removed, lowercase x raised, and the two tricks exporters use to keep Excel from reading the
 * number as a number (`="…"` and a leading apostrophe) undone.
 */
export function normalizeIdNumber(raw: string): string {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  const formula = /^="(.*)"$/.exec(s);
  if (formula) s = formula[1] ?? '';
  if (s.startsWith("'")) s = s.slice(1);
  return s.toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** YYYYMMDD → YYYY-MM-DD when it is a real Gregorian date, else null. */
export function compactDateToIso(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  if (d > days) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function fail(code: IdNumberErrorCode): InvalidIdNumber {
  return { ok: false, code, reason: ID_NUMBER_REASONS[code] };
}

/** Checks region and birth date of a 17-digit body (the 18-digit form without its check character). */
function checkBody(body17: string, today: string): InvalidIdNumber | { region: string; birthDate: string; gender: Gender } {
  const region = body17.slice(0, 6);
  const province = region.slice(0, 2);
  // Cards are issued by county-level offices; only the HK/Macao/Taiwan permits use 810000 etc.
  if (!PROVINCES.has(province) || (region.endsWith('0000') && !/^8[123]$/.test(province))) return fail('REGION');
  const birthDate = compactDateToIso(body17.slice(6, 14));
  if (!birthDate) return fail('BIRTH_DATE');
  if (birthDate < '1900-01-01') return fail('BIRTH_TOO_EARLY');
  if (birthDate > today) return fail('BIRTH_FUTURE');
  const gender: Gender = Number(body17[16]) % 2 === 1 ? '男' : '女';
  return { region, birthDate, gender };
}

export function validateIdNumber(raw: string, options: IdNumberOptions = {}): IdNumberCheck {
  const s = normalizeIdNumber(raw);
  const today = options.today ?? localDateOf(new Date());
  if (s === '') return fail('EMPTY');
  // 3.10101199001011E+17 or 310101199001011000.0: a spreadsheet held it as a number.
  if (/^\d+(\.\d+)?E\+?\d+$/.test(s) || /^\d+\.\d*$/.test(s)) return fail('NUMERIC_CORRUPTED');
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return fail('CHARACTERS');
    if (options.legacy15 !== 'upgrade') return fail('LEGACY_15');
    const body = `${s.slice(0, 6)}19${s.slice(6)}`;
    const checked = checkBody(body, today);
    if ('ok' in checked) return checked;
    return { ok: true, id: body + idCheckCharacter(body), ...checked, upgradedFrom15: true };
  }
  if (s.length !== 18) return fail('LENGTH');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('CHARACTERS');
  const body = s.slice(0, 17);
  const checked = checkBody(body, today);
  if ('ok' in checked) return checked;
  if (idCheckCharacter(body) !== s[17]) return fail('CHECK_DIGIT');
  return { ok: true, id: s, ...checked, upgradedFrom15: false };
}

export function isValidIdNumber(raw: string, options?: IdNumberOptions): boolean {
  return validateIdNumber(raw, options).ok;
}

/** Birth date (YYYY-MM-DD) of a valid number, or null when the number is not valid. */
export function birthDateFromIdNumber(raw: string, options?: IdNumberOptions): string | null {
  const r = validateIdNumber(raw, options);
  return r.ok ? r.birthDate : null;
}

/** Gender of a valid number (the 17th digit: odd 男, even 女), or null when the number is not valid. */
export function genderFromIdNumber(raw: string, options?: IdNumberOptions): Gender | null {
  const r = validateIdNumber(raw, options);
  return r.ok ? r.gender : null;
}
