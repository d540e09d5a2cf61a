/**
 * Masks for display. A mask keeps the length of what it hides, so a masked value still looks
 * like the kind of thing it is, and keeps only what a person needs to recognise their own record.
 */

const STAR = '*';

/**
 * **************1234: only the last 4 kept. The first 3 are not: with the last 4 (the sequence and
 * the check character) they left a handful of candidates per person among Shanghai's county codes
 * once the birth date was known (issue 17). Numbers shorter than 8 characters are starred whole.
 * Applied to a mask of the old form it gives the new form, so stored masks can be rewritten.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length < 8) return STAR.repeat(s.length);
  return STAR.repeat(s.length - 4) + s.slice(-4);
}

/** 138****5678 for 11 or more characters; shorter numbers keep only their last 4. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s.length >= 11) return s.slice(0, 3) + STAR.repeat(s.length - 7) + s.slice(-4);
  if (s.length > 4) return STAR.repeat(s.length - 4) + s.slice(-4);
  return STAR.repeat(s.length);
}

/**
 * Two-character surnames (复姓) still common enough to appear in a register. Keeping the whole
 * surname reads naturally (欧阳** rather than 欧***) and reveals no more than "the surname".
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '申屠', '太史', '澹台',
  '公冶', '濮阳', '淳于', '单于', '钟离', '闻人', '赫连', '司空', '第五', '左丘', '东郭', '拓跋',
]);

/** 张* , 王** , 欧阳**: the surname is kept, every other character starred. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return STAR.repeat(chars.length);
  const head = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, head).join('') + STAR.repeat(chars.length - head);
}
