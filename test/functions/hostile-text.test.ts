/**
 * Hostile text through the real path (issue 17, finding 5): control characters, a right-to-left
 * override, zero-width characters and lone surrogates in a comment, a question, a notice title and
 * a visit's resident name are refused with INVALID_INPUT naming the field, and nothing is
 * written anywhere; the same text without them is stored as typed.
 */
import { COLLECTION_NAMES } from '../../config/database';
import type { ActionContract } from '../../shared/contract';
import { addComment } from '../../shared/contracts/content-comments';
import { publishNotice } from '../../shared/contracts/content-notices';
import { ask } from '../../shared/contracts/inbox';
import { createVisit } from '../../shared/contracts/worklog';
import { WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { useContentCloud } from './content-fixtures';

jest.setTimeout(60_000);

const t = useContentCloud();
let notice: string;
beforeAll(async () => {
  notice = ok(await t.call(WANGLI, publishNotice, { title: '垃圾分类新规', body: '请大家留言提建议。' })).id;
});

/** every declared collection's size: a refused call must leave all of them as they were */
const counts = async () => Object.fromEntries(await Promise.all(COLLECTION_NAMES.map(async (n) => [n, (await t.db.collection(n).count()).total] as const)));

const HOSTILE = { rlo: '\u202e', nul: '\u0000', esc: '\u001b[2J', zwsp: '\u200b', surrogate: '\ud83d' };
const visit = (residentName: string) => ({
  at: new Date(Date.now() - 30 * 60_000).toISOString(),
  residentName,
  building: '12号楼',
  room: '301室',
  familySituation: '独居老人',
  reason: '例行走访',
  kind: 'special',
});

type Case = [what: string, caller: string, contract: ActionContract, input: (s: string) => unknown, field: string];
const CASES: Case[] = [
  ['a comment', ZHOU, addComment, (s) => ({ target: { type: 'notice', id: notice }, text: `建议增设${s}垃圾桶` }), '留言内容'],
  ['a question', ZHOU, ask, (s) => ({ content: `东门路灯${s}坏了` }), '留言内容'],
  ['a notice title', WANGLI, publishNotice, (s) => ({ title: `停水${s}通知`, body: '明日停水。' }), '标题'],
  ['a visit’s resident name', ZHANGMIN, createVisit, (s) => visit(`刘${s}建国`), '走访居民姓名'],
];

describe('hostile text', () => {
  it.each(CASES)('%s with a bidi override, NUL, ESC, a zero-width space or a lone surrogate is refused and writes nothing', async (_, caller, contract, input, field) => {
    const before = await counts();
    for (const [name, s] of Object.entries(HOSTILE)) {
      const r = await t.call(caller, contract, input(s), `hostile-${contract.action}-${name}`);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ message: `「${field}」含有不可见或控制字符，请删除后再提交` })] } });
    }
    expect(await counts()).toEqual(before);
  });

  it('stores the same text without them as typed, full-width punctuation and the ideographic space included', async () => {
    const typed = '建议：3号门增设分类垃圾桶！\u3000谢谢。\n——周阿姨';
    const c = ok(await t.call(ZHOU, addComment, { target: { type: 'notice', id: notice }, text: typed }));
    expect(c.text).toBe(typed);
    const stored = (await t.db.collection('content_comments').doc(c.id).get()).data[0] as { text: string };
    expect(stored.text).toBe(typed);
  });
});
