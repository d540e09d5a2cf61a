/**
 * The one character rule for typed text (shared/plain-text.ts) and the contract blocks built on it
 * (text / optionalText / plainString in shared/contracts/common.ts): what would be invisible on
 * another resident's screen, reorder the text around it, or not survive storage is refused with a
 * message naming the field; ordinary Chinese, with its punctuation and spaces, passes untouched.
 */
import { findHiddenChar, hiddenCharMessage } from '../../../shared/plain-text';
import { optionalText, plainString, text } from '../../../shared/contracts/common';
import { addComment } from '../../../shared/contracts/content-comments';
import { publishNotice } from '../../../shared/contracts/content-notices';
import { ask } from '../../../shared/contracts/inbox';
import { registerFieldSchemas } from '../../../shared/register/schema';

const SENTENCE = '您好！3号楼东门的路灯坏了，能否尽快修理？\u3000谢谢——《居民公约》第5条：“爱护公物”。（周阿姨）';
const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('findHiddenChar', () => {
  const kind = (s: string, lines: 'single' | 'multi' = 'single') => findHiddenChar(s, lines)?.kind ?? null;

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC (an ANSI sequence)', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['C1 CSI', '\u009b'],
    ['C1 NEL', '\u0085'],
  ])('refuses the control character %s, in one line and in many', (_, c) => {
    expect(kind(`正常${c}文字`)).toBe('control');
    expect(kind(`正常${c}文字`, 'multi')).toBe('control');
  });

  // named by code point: the characters themselves would reorder the test report
  const char = (hex: string) => String.fromCharCode(parseInt(hex, 16));
  it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069'])('refuses the bidi override / isolate U+%s', (hex) => {
    const c = char(hex);
    expect(kind(`文件${c}txt.exe`)).toBe('bidi');
    expect(kind(`文件${c}txt.exe`, 'multi')).toBe('bidi');
  });

  it.each(['200B', '200C', '200D', '2060', 'FEFF'])('refuses the zero-width character U+%s', (hex) => {
    expect(kind(`张${char(hex)}三`)).toBe('zeroWidth');
  });

  it('keeps the zero-width joiner inside an emoji sequence (a family, a rainbow flag)', () => {
    expect(kind('全家福 👨‍👩‍👧 真好')).toBeNull();
    expect(kind('🏳️‍🌈')).toBeNull();
    expect(kind('👩🏽‍⚕️ 医生')).toBeNull();
    expect(kind('张\u200d👍')).toBe('zeroWidth');
    expect(kind('👍\u200d')).toBe('zeroWidth');
  });

  it('refuses lone UTF-16 surrogates and keeps paired ones (emoji, rare characters)', () => {
    expect(kind('坏\ud83d')).toBe('surrogate');
    expect(kind('\ude00坏')).toBe('surrogate');
    expect(kind('\ude00\ud83d')).toBe('surrogate');
    expect(kind('笑😀，生僻字𠀀')).toBeNull();
  });

  it('allows newline and tab only in multi-line text', () => {
    expect(kind('第一行\n第二行\t缩进', 'multi')).toBeNull();
    expect(kind('第一行\n第二行')).toBe('lineBreak');
    expect(kind('名称\t备注')).toBe('control');
    expect(kind('回车\r', 'multi')).toBe('control');
  });

  it('passes a normal Chinese sentence: full-width punctuation, the ideographic space, digits', () => {
    expect(kind(SENTENCE)).toBeNull();
    expect(kind(`${SENTENCE}\n${SENTENCE}`, 'multi')).toBeNull();
    expect(kind('Café · Zoë · 买买提·艾力 ½ №5 ©')).toBeNull();
  });

  it('names the field in the message', () => {
    expect(hiddenCharMessage('留言内容', 'control')).toBe('「留言内容」含有不可见或控制字符，请删除后再提交');
    expect(hiddenCharMessage('标题', 'lineBreak')).toBe('「标题」不能换行，请写在一行内');
  });
});

describe('contract text blocks', () => {
  it('text() refuses every class with the field named, single- and multi-line', () => {
    for (const bad of ['\u0000', '\u001b', '\u202e', '\u200b', '\ud800', '\u0085']) {
      expect(messageOf(text('标题', 80).safeParse(`通知${bad}标题`))).toEqual(['「标题」含有不可见或控制字符，请删除后再提交']);
      expect(messageOf(text('正文', 2000, 'multi').safeParse(`正文${bad}内容`))).toEqual(['「正文」含有不可见或控制字符，请删除后再提交']);
    }
  });

  it('text() keeps newlines in bodies (CRLF as LF) and refuses them in titles', () => {
    expect(text('正文', 2000, 'multi').parse('第一段\r\n第二段\r第三段\n\t第四段')).toBe('第一段\n第二段\n第三段\n\t第四段');
    expect(messageOf(text('标题', 80).safeParse('两行\n标题'))).toEqual(['「标题」不能换行，请写在一行内']);
    // surrounding whitespace (a trailing newline, a BOM a paste left) is trimmed, not refused
    expect(text('标题', 80).parse('\ufeff 标题 \n')).toBe('标题');
  });

  it('passes ordinary Chinese text through unchanged', () => {
    expect(text('留言内容', 500, 'multi').parse(SENTENCE)).toBe(SENTENCE);
    expect(optionalText('备注', 200).parse(SENTENCE)).toBe(SENTENCE);
    expect(optionalText('备注', 200).parse('   ')).toBeNull();
  });

  it('optionalText() and plainString() take the same rule', () => {
    expect(messageOf(optionalText('备注', 200).safeParse('备\u202e注'))).toEqual(['「备注」含有不可见或控制字符，请删除后再提交']);
    expect(messageOf(plainString('转交说明').safeParse('转交\u0007'))).toEqual(['「转交说明」含有不可见或控制字符，请删除后再提交']);
  });

  it('the actions that carry residents’ text refuse it: a comment, a question, a notice title', () => {
    const target = { type: 'notice', id: 'n1' };
    expect(addComment.input.safeParse({ target, text: '好的\u202e' }).success).toBe(false);
    expect(addComment.input.safeParse({ target, text: '好的\n谢谢' }).success).toBe(true);
    expect(ask.input.safeParse({ content: '路灯\u0000坏了' }).success).toBe(false);
    expect(ask.input.safeParse({ content: '路灯坏了\n在东门' }).success).toBe(true);
    expect(publishNotice.input.safeParse({ title: '停水\u202e通知', body: '明天停水' }).success).toBe(false);
    expect(publishNotice.input.safeParse({ title: '停水通知', body: '明天\n停水' }).success).toBe(true);
  });
});

describe('the register import cell check', () => {
  const fields = registerFieldSchemas({ today: '2026-10-01' });

  it('refuses the same characters as the contracts, naming the column', () => {
    for (const bad of ['\u0000', '\u202e', '\u200b', '\ud800', '\u0085']) {
      const r = fields.building.safeParse(`5${bad}号楼`);
      expect(messageOf(r)).toEqual([hiddenCharMessage('楼号', findHiddenChar(`5${bad}号楼`, 'single')!.kind)]);
    }
    expect(fields.building.parse('5号楼')).toBe('5号楼');
  });
});
