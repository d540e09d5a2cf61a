/**
 * Mainland phone numbers. Mobiles are 11 digits starting 13-19; landlines are an area code
 * (0 + 2-3 digits) and a 7-8 digit local number. A bare 8-digit number is a Shanghai landline,
 * because every register this product reads is a Shanghai one.
 */

export type PhoneKind = 'mobile' | 'landline';

export interface NormalizedPhone {
  kind: PhoneKind;
  /** digits only: 13812345678, 02162345678 */
  value: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/** Folds full-width characters and strips the separators people type; keeps digits and a leading +. */
function digitsOf(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-()（）.]/g, '');
}

/** The number as a canonical mobile (11 digits), or null. Accepts +86 / 0086 / 86 prefixes. */
export function normalizeMobile(raw: string): string | null {
  let s = digitsOf(raw);
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  return MOBILE.test(s) ? s : null;
}

export function isMainlandMobile(raw: string): boolean {
  return normalizeMobile(raw) !== null;
}

/** A mobile or a mainland landline in canonical digits, or null. */
export function normalizePhone(raw: string): NormalizedPhone | null {
  const mobile = normalizeMobile(raw);
  if (mobile) return { kind: 'mobile', value: mobile };
  const s = digitsOf(raw);
  // 010 and 02x have 8-digit local numbers; 0xxx areas have 7 or 8.
  if (/^0(10|2\d)[2-9]\d{7}$/.test(s) || /^0[3-9]\d{2}[2-9]\d{6,7}$/.test(s)) return { kind: 'landline', value: s };
  if (/^[2-9]\d{7}$/.test(s)) return { kind: 'landline', value: `021${s}` };
  return null;
}
