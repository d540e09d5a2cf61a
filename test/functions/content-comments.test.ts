/**
 * content · comments (留言 on notices, comments on topics under discussion) through the real
 * path: the content-security check (word-list mode), a rejected comment never stored or shown,
 * staff hiding a comment, committee scope.
 */
import { addComment, hideComment, listComments, type CommentTarget } from '../../shared/contracts/content-comments';
import { publishNotice } from '../../shared/contracts/content-notices';
import { openTopic, proposeTopic } from '../../shared/contracts/content-topics';
import { LIQIANG, WANGLI, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { HOME, OTHER, resident, useContentCloud } from './content-fixtures';

const NEIGHBOUR = 'comment-resident-neighbour';
const OUTSIDER = 'comment-resident-other';

jest.setTimeout(60_000);

const t = useContentCloud({ users: [resident(NEIGHBOUR, HOME, '孙丽华'), resident(OUTSIDER, OTHER, '钱多多')], words: '测试屏蔽词,广告链接' });
let notice: string;
beforeAll(async () => {
  notice = ok(await t.call(WANGLI, publishNotice, { title: '垃圾分类新规', body: '请大家留言提建议。' })).id;
});

const onNotice = (): CommentTarget => ({ type: 'notice', id: notice });
const texts = async (openid: string, target: CommentTarget = onNotice()) => ok(await t.call(openid, listComments, { target, limit: 50 })).items.map((c) => c.text);

describe('comment.add', () => {
  it('stores a checked comment and shows it to the committee, author masked to others', async () => {
    const c = ok(await t.call(ZHOU, addComment, { target: onNotice(), text: '建议在3号门增设分类垃圾桶' }));
    expect(c).toMatchObject({ author: { kind: 'resident', name: '周阿姨', mine: true }, hidden: false });
    const seen = ok(await t.call(NEIGHBOUR, listComments, { target: onNotice() })).items.find((x) => x.id === c.id);
    expect(seen).toMatchObject({ text: '建议在3号门增设分类垃圾桶', author: { name: '周**', mine: false } });
    const reply = ok(await t.call(WANGLI, addComment, { target: onNotice(), text: '收到，下周安排。' }));
    expect(reply.author).toEqual({ kind: 'staff', name: '王丽', mine: true });
  });

  it('rejects unacceptable text with a clear Chinese message; nobody ever sees it', async () => {
    for (const text of ['这是测试屏蔽词', '测 试 屏 蔽 词 变形', '你个傻逼', '点这里：广告链接']) {
      const r = await t.call(NEIGHBOUR, addComment, { target: onNotice(), text });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringMatching(/^内容未通过安全检测（.+），请修改后再提交$/) } });
    }
    for (const viewer of [NEIGHBOUR, ZHOU, WANGLI]) for (const text of await texts(viewer)) expect(text).not.toMatch(/屏蔽|傻逼|广告/);
    expect((await t.db.collection('content_comments').where({ authorOpenid: NEIGHBOUR }).count()).total).toBe(0);
  });

  it('is idempotent for a retried request', async () => {
    const a = ok(await t.call(NEIGHBOUR, addComment, { target: onNotice(), text: '同一条留言' }, 'comment-request-1'));
    const b = ok(await t.call(NEIGHBOUR, addComment, { target: onNotice(), text: '同一条留言' }, 'comment-request-1'));
    expect(b.id).toBe(a.id);
    expect((await texts(ZHOU)).filter((x) => x === '同一条留言')).toHaveLength(1);
  });

  it('rejects bad input', async () => {
    expect(await t.call(ZHOU, addComment, { target: onNotice(), text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHOU, addComment, { target: onNotice(), text: '长'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHOU, addComment, { target: { type: 'article', id: notice }, text: '好' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps other committees and strangers out', async () => {
    expect(await t.call(OUTSIDER, addComment, { target: onNotice(), text: '路过' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, addComment, { target: onNotice(), text: '路过' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(OUTSIDER, listComments, { target: onNotice() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('', addComment, { target: onNotice(), text: '匿名' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('comments on topics', () => {
  it('are taken only while the topic is under discussion', async () => {
    const { id } = ok(await t.call(WANGLI, proposeTopic, { title: '停车位分配', description: '说明' }));
    const target = { type: 'topic' as const, id };
    expect(await t.call(WANGLI, addComment, { target, text: '先讨论规则' })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
    ok(await t.call(WANGLI, openTopic, { id }));
    ok(await t.call(NEIGHBOUR, addComment, { target, text: '建议按登记先后分配' }));
    expect(await t.call(ZHOU, addComment, { target, text: '测试屏蔽词' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await texts(ZHOU, target)).toEqual(['建议按登记先后分配']);
  });
});

describe('comment.setHidden', () => {
  it('lets staff hide a comment from residents and restore it', async () => {
    const c = ok(await t.call(NEIGHBOUR, addComment, { target: onNotice(), text: '这条稍后会被隐藏' }));
    expect(await t.call(ZHOU, hideComment, { id: c.id, hidden: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, hideComment, { id: c.id, hidden: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(WANGLI, hideComment, { id: c.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ok(await t.call(WANGLI, hideComment, { id: c.id, hidden: true }));
    expect(await texts(ZHOU)).not.toContain('这条稍后会被隐藏');
    expect(await texts(NEIGHBOUR)).not.toContain('这条稍后会被隐藏');
    const staffView = ok(await t.call(WANGLI, listComments, { target: onNotice(), limit: 50 })).items.find((x) => x.id === c.id);
    expect(staffView).toMatchObject({ hidden: true });
    ok(await t.call(WANGLI, hideComment, { id: c.id, hidden: false }));
    expect(await texts(ZHOU)).toContain('这条稍后会被隐藏');
  });
});
