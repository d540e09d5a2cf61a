/**
 * The one character rule for text a person types: a comment, a title, a name, a register cell.
 * Refused are characters another resident would not see but that still act on their screen or in
 * an export: control characters (NUL, BEL, terminal escapes), bidi overrides and isolates (U+202E
 * makes "txt.exe" read "exe.txt"), zero-width characters (two names that look equal but are not)
 * and lone UTF-16 surrogates (storage turns them into U+FFFD, so what is stored would differ from
 * what was answered). Contracts (shared/contracts/common.ts) and the register import
 * (shared/register/schema.ts) both ask this module, so a form field and an imported cell agree.
 *
 * Written as a scan over code points rather than with regex property escapes or look-behind,
 * because the mini-program's JavaScript engines differ in which of those they parse.
 */

/** Single-line text (a title, a name) also refuses line breaks and tabs; multi-line keeps them. */
export type TextLines = 'single' | 'multi';
export type HiddenCharKind = 'control' | 'lineBreak' | 'bidi' | 'zeroWidth' | 'surrogate';
export interface HiddenChar {
  kind: HiddenCharKind;
  /** the offending code point (a lone surrogate's code unit) */
  codePoint: number;
  /** its offset in UTF-16 code units */
  index: number;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;

/** Emoji blocks, so a ZWJ inside 👨‍👩‍👧 or 🏳️‍🌈 is kept: it joins pictures, it hides nothing. */
function isPictographic(cp: number): boolean {
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2300 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff);
}
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;

function kindOf(cp: number, lines: TextLines): HiddenCharKind | null {
  if (cp === 0x0a) return lines === 'multi' ? null : 'lineBreak';
  if (cp === 0x09) return lines === 'multi' ? null : 'control';
  // a CR left in multi-line text was not normalised (normalizeLineBreaks): refused as control
  if (cp === 0x0d) return lines === 'multi' ? 'control' : 'lineBreak';
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff) return 'zeroWidth';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate';
  return null;
}

/** The first character the rule refuses in `s`, or null when `s` is plain text. */
export function findHiddenChar(s: string, lines: TextLines = 'single'): HiddenChar | null {
  // Array.from walks code points; a lone surrogate comes out on its own, a pair as one emoji
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  let index = 0;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const kind = kindOf(cp, lines);
    if (kind && !(cp === ZWJ && joinsEmoji(cps, i))) return { kind, codePoint: cp, index };
    index += cp > 0xffff ? 2 : 1;
  }
  return null;
}

function joinsEmoji(cps: number[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && (cps[before] === VS16 || isSkinTone(cps[before]!))) before--;
  return before >= 0 && isPictographic(cps[before]!) && i + 1 < cps.length && isPictographic(cps[i + 1]!);
}

/** CRLF and lone CR (a paste from Windows) are a newline like any other. */
export const normalizeLineBreaks = (s: string) => s.replace(/\r\n?/g, '\n');

/** The message shown beside the field, naming it. */
export function hiddenCharMessage(label: string, kind: HiddenCharKind): string {
  return kind === 'lineBreak' ? `「${label}」不能换行，请写在一行内` : `「${label}」含有不可见或控制字符，请删除后再提交`;
}
