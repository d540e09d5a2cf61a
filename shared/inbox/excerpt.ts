/**
 * The part of a question a WeCom notice may show. Notices land on staff phones and lock screens,
 * so the excerpt is short and any number long enough to be a phone or an ID number is starred.
 */
export const EXCERPT_LENGTH = 20;

// 7+ digits (optionally with an ID number's trailing X): phones, landlines, ID numbers
const LONG_NUMBER = /\d[\d\s-]{5,}[\dXx]/g;

export function noticeExcerpt(content: string, length = EXCERPT_LENGTH): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  const masked = flat.replace(LONG_NUMBER, (m) => '*'.repeat(m.length));
  const chars = Array.from(masked);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : masked;
}
