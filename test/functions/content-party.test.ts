/**
 * content · 党建园地 through the real path (runner → bundle → SDK → local cloud): publishing,
 * correcting, reading, likes, sign-ups with exact capacity under a race, and the staff's sign-up roll.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import {
  cancelPartySignup,
  editPartyPost,
  getPartyPost,
  likePartyPost,
  listPartyPosts,
  withdrawPartyPost,
  listPartySignups,
  publishPartyPost,
  signUpParty,
} from '../../shared/contracts/content-party';
import { DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { HOME, OTHER, allPages, resident, useContentCloud } from './content-fixtures';

const CROWD = Array.from({ length: 8 }, (_, i) => `party-resident-${i}`);
const OUTSIDER = 'party-resident-other-committee';

jest.setTimeout(60_000);

const t = useContentCloud({ users: [...CROWD.map((o, i) => resident(o, HOME, `居民${'甲乙丙丁戊己庚辛'[i]}明`)), resident(OUTSIDER, OTHER, '外来人')] });

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
const inTwoHours = () => new Date(Date.now() + 7_200_000).toISOString();
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publishActivity(capacity: number) {
  return ok(
    await t.call(WANGLI, publishPartyPost, {
      kind: 'activity',
      title: '重温入党誓词',
      body: '组织党员重温入党誓词。',
      startsAt: inTwoHours(),
      place: '居委会二楼会议室',
      capacity,
      signupDeadline: inOneHour(),
    }),
  ).id;
}

describe('party.publish', () => {
  it('lets staff publish an article, an activity and a volunteer call', async () => {
    const article = ok(await t.call(WANGLI, publishPartyPost, { kind: 'article', title: '学习二十大精神', body: '全文学习。' }));
    const call = ok(await t.call(ZHANGMIN, publishPartyPost, { kind: 'volunteer', title: '垃圾分类志愿者', body: '每周六早上。', capacity: 5 }));
    const detail = ok(await t.call(ZHOU, getPartyPost, { id: call.id }));
    expect(detail).toMatchObject({ kind: 'volunteer', capacity: 5, signupCount: 0, authorName: '张敏', signupOpen: true });
    expect(ok(await t.call(ZHOU, getPartyPost, { id: article.id }))).toMatchObject({ kind: 'article', capacity: null, signupOpen: false });
  });

  it('is idempotent for a retried request', async () => {
    const input = { kind: 'article', title: '重试的文章', body: '同一请求只发布一次。' };
    const a = ok(await t.call(WANGLI, publishPartyPost, input, 'retry-request-0001'));
    const b = ok(await t.call(WANGLI, publishPartyPost, input, 'retry-request-0001'));
    expect(b.id).toBe(a.id);
  });

  it('rejects bad input with field details', async () => {
    const missing = await t.call(WANGLI, publishPartyPost, { kind: 'activity', title: '缺地点', body: 'x', startsAt: inTwoHours(), capacity: 3, signupDeadline: inOneHour() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const late = await t.call(WANGLI, publishPartyPost, { kind: 'activity', title: '截止太晚', body: 'x', startsAt: inOneHour(), place: '某处', capacity: 3, signupDeadline: inTwoHours() });
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'signupDeadline', message: '报名截止时间不能晚于活动开始时间' })] } });
    expect(await t.call(WANGLI, publishPartyPost, { kind: 'poster', title: 'x', body: 'y' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(await t.call(WANGLI, publishPartyPost, { kind: 'volunteer', title: '过期招募', body: 'x', capacity: 3, signupDeadline: past })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '报名截止时间已过，请重新设置' },
    });
  });

  it('refuses residents, strangers and callers without identity', async () => {
    const input = { kind: 'article', title: '标题', body: '正文' };
    expect(await t.call(ZHOU, publishPartyPost, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('someone-new', publishPartyPost, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('', publishPartyPost, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('party.list and party.get', () => {
  it('lists more than 100 posts fully across pages, newest first, by kind', async () => {
    const base = Date.now() - 86_400_000;
    const docs = Array.from({ length: 130 }, (_, i) => ({
      _id: `bulk-article-${String(i).padStart(3, '0')}`,
      committeeId: HOME,
      kind: 'article',
      title: `批量文章${i}`,
      body: '.',
      startsAt: null,
      endsAt: null,
      place: null,
      signupDeadline: null,
      capacity: null,
      signupCount: 0,
      likeCount: 0,
      authorStaffId: DEMO.staffId(WANGLI),
      authorName: '王丽',
      publishedAt: new Date(base - i * 60_000),
    }));
    await t.db.collection('party_posts').add(docs);
    const { items, pages } = await allPages(async (offset) => ok(await t.call(ZHOU, listPartyPosts, { kind: 'article', offset, limit: 50 })));
    const seen = items.map((p) => p.id);
    const bulk = seen.filter((id) => id.startsWith('bulk-article-'));
    expect(bulk).toEqual(docs.map((d) => d._id));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    const times = (await Promise.all([0, 50].map(async (o) => ok(await t.call(ZHOU, listPartyPosts, { kind: 'article', offset: o, limit: 50 }))))).flatMap((p) => p.items.map((i) => i.publishedAt));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps committees apart', async () => {
    const id = await publishActivity(3);
    expect(await t.call(OUTSIDER, getPartyPost, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, getPartyPost, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const theirs = ok(await t.call(OUTSIDER, listPartyPosts, {}));
    expect(theirs.items.some((p) => p.id === id)).toBe(false);
    expect(await t.call(ZHOU, getPartyPost, { id: 'no-such-post' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHOU, listPartyPosts, { limit: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('', listPartyPosts, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('party.withdraw', () => {
  it('takes a post down: residents no longer see it or sign up, staff still do, and the reason is kept once', async () => {
    const id = await publishActivity(5);
    ok(await t.call(ZHOU, signUpParty, { id }));
    const first = ok(await t.call(ZHANGMIN, withdrawPartyPost, { id, reason: '活动因天气取消' }));
    // a second take-down (a retry, or a colleague) answers the first one
    expect(ok(await t.call(WANGLI, withdrawPartyPost, { id, reason: '别的原因' }))).toEqual(first);
    const stored = (await t.db.collection('party_posts').doc(id).get()).data[0];
    expect(stored).toMatchObject({ withdrawnReason: '活动因天气取消' });

    const residentIds = ok(await t.call(ZHOU, listPartyPosts, { limit: 50 })).items.map((p) => p.id);
    expect(residentIds).not.toContain(id);
    expect(await t.call(ZHOU, getPartyPost, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '这条内容已被居委会撤下' } });
    expect(await t.call(CROWD[4]!, signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(CROWD[4]!, likePartyPost, { id, liked: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ withdrawn: true, signupOpen: false, signupCount: 1 });
    expect(ok(await t.call(ZHANGMIN, listPartyPosts, { limit: 50 })).items.find((p) => p.id === id)).toMatchObject({ withdrawn: true });
    expect((await auditEntries(t.db, { action: 'party.withdraw', subjectId: id })).length).toBe(1);
  });

  it('is for the committee\'s staff only, with a reason', async () => {
    const id = await publishActivity(5);
    expect(await t.call(ZHOU, withdrawPartyPost, { id, reason: '不想看' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, withdrawPartyPost, { id, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(OUTSIDER, withdrawPartyPost, { id, reason: '撤下' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ withdrawn: false });
  });
});

describe('party.like', () => {
  it('counts one like per user, and unlike takes it back', async () => {
    const id = await publishActivity(2);
    ok(await t.call(ZHOU, likePartyPost, { id, liked: true }));
    await Promise.all([1, 2, 3].map(() => t.call(ZHOU, likePartyPost, { id, liked: true })));
    const other = ok(await t.call(CROWD[0]!, likePartyPost, { id, liked: true }));
    expect(other.likeCount).toBe(2);
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ likeCount: 2, likedByMe: true });
    expect(ok(await t.call(ZHOU, likePartyPost, { id, liked: false })).likeCount).toBe(1);
    expect(ok(await t.call(ZHOU, likePartyPost, { id, liked: false })).likeCount).toBe(1);
    expect((await t.db.collection('party_likes').where({ postId: id }).count()).total).toBe(1);
  });

  it('marks on the list what the caller liked and signed up for, and nobody else\'s', async () => {
    const liked = await publishActivity(5);
    const joined = await publishActivity(5);
    const neither = await publishActivity(5);
    ok(await t.call(CROWD[2]!, likePartyPost, { id: liked, liked: true }));
    ok(await t.call(CROWD[2]!, signUpParty, { id: joined }));
    ok(await t.call(CROWD[3]!, likePartyPost, { id: neither, liked: true }));
    const mine = new Map(ok(await t.call(CROWD[2]!, listPartyPosts, { kind: 'activity', limit: 50 })).items.map((p) => [p.id, p]));
    expect(mine.get(liked)).toMatchObject({ likedByMe: true, signedUpByMe: false });
    expect(mine.get(joined)).toMatchObject({ likedByMe: false, signedUpByMe: true });
    expect(mine.get(neither)).toMatchObject({ likedByMe: false, signedUpByMe: false, likeCount: 1 });
  });

  it('rejects bad input and other committees', async () => {
    const id = await publishActivity(2);
    expect(await t.call(ZHOU, likePartyPost, { id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(OUTSIDER, likePartyPost, { id, liked: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('someone-new', likePartyPost, { id, liked: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('party.signup', () => {
  it('gives the last place to exactly one of many racing residents', async () => {
    const id = await publishActivity(2);
    ok(await t.call(ZHOU, signUpParty, { id }));
    // warm every function instance first, so the sign-ups below really run at the same time
    await Promise.all(CROWD.map((o) => t.call(o, getPartyPost, { id })));
    const results = await Promise.all(CROWD.map((o) => t.call(o, signUpParty, { id })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'SIGNUP_FULL', message: '名额已满' } });
    expect((await t.db.collection('party_signups').where({ postId: id }).count()).total).toBe(2);
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ signupCount: 2, capacity: 2, signedUpByMe: true, signupOpen: false });
  });

  it('treats a repeated sign-up as the same one, and a cancel frees the place', async () => {
    const id = await publishActivity(1);
    const twice = await Promise.all([t.call(ZHOU, signUpParty, { id }), t.call(ZHOU, signUpParty, { id })]);
    for (const r of twice) expect(ok(r)).toMatchObject({ signedUp: true, signupCount: 1 });
    expect(await t.call(CROWD[1]!, signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'SIGNUP_FULL' } });
    expect(ok(await t.call(ZHOU, cancelPartySignup, { id }))).toMatchObject({ signedUp: false, signupCount: 0 });
    expect(ok(await t.call(ZHOU, cancelPartySignup, { id }))).toMatchObject({ signedUp: false, signupCount: 0 });
    expect(ok(await t.call(CROWD[1]!, signUpParty, { id }))).toMatchObject({ signupCount: 1 });
  });

  it('closes sign-up after the deadline and refuses articles', async () => {
    const past = new Date(Date.now() - 3_600_000);
    await t.db.collection('party_posts').add({
      _id: 'closed-activity',
      committeeId: HOME,
      kind: 'activity',
      title: '已截止',
      body: '.',
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: null,
      place: '某处',
      signupDeadline: past,
      capacity: 10,
      signupCount: 0,
      likeCount: 0,
      authorStaffId: DEMO.staffId(WANGLI),
      authorName: '王丽',
      publishedAt: past,
    });
    expect(await t.call(ZHOU, signUpParty, { id: 'closed-activity' })).toMatchObject({ ok: false, error: { code: 'SIGNUP_CLOSED', message: '报名已截止' } });
    const article = ok(await t.call(WANGLI, publishPartyPost, { kind: 'article', title: '文章', body: '不需报名' })).id;
    expect(await t.call(ZHOU, signUpParty, { id: article })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is for residents of the committee only', async () => {
    const id = await publishActivity(5);
    expect(await t.call(WANGLI, signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OUTSIDER, signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('', signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHOU, signUpParty, { id: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('party.signups', () => {
  it('shows staff masked names, and full names only on reveal, which is audited', async () => {
    const id = await publishActivity(5);
    ok(await t.call(ZHOU, signUpParty, { id }));
    ok(await t.call(CROWD[2]!, signUpParty, { id }));
    const masked = ok(await t.call(WANGLI, listPartySignups, { id }));
    expect(masked).toMatchObject({ total: 2, capacity: 5, nextOffset: null });
    expect(masked.items.map((s) => s.name)).toEqual(['周**', '居***']);
    expect((await auditEntries(t.db, { subjectId: id })).length).toBe(0);

    const full = ok(await t.call(WANGLI, listPartySignups, { id, reveal: true }));
    expect(full.items.map((s) => s.name)).toEqual(['周阿姨', '居民丙明']);
    const log = { data: await auditEntries(t.db, { subjectId: id }) };
    expect(log.data).toEqual([expect.objectContaining({ actorId: DEMO.staffId(WANGLI), action: 'party.signups.reveal', subjectType: 'party_post', count: 2, committeeId: HOME })]);
  });

  it('pages the roll and refuses residents and other committees’ staff', async () => {
    const id = await publishActivity(5);
    for (const o of CROWD.slice(3, 6)) ok(await t.call(o, signUpParty, { id }));
    const first = ok(await t.call(WANGLI, listPartySignups, { id, limit: 2 }));
    expect(first.items).toHaveLength(2);
    const second = ok(await t.call(WANGLI, listPartySignups, { id, limit: 2, offset: first.nextOffset! }));
    expect(second).toMatchObject({ nextOffset: null, items: [expect.anything()] });
    expect(await t.call(ZHOU, listPartySignups, { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, listPartySignups, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(WANGLI, listPartySignups, { id, reveal: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('party.edit', () => {
  const stored = async (id: string) => (await t.db.collection('party_posts').doc(id).get()).data[0];
  const edits = async (id: string) => (await auditEntries(t.db, { action: 'party.edit', subjectId: id }));

  it('corrects an article\'s title and text, and residents see that it was changed', async () => {
    const id = ok(await t.call(WANGLI, publishPartyPost, { kind: 'article', title: '学习党章', body: '第一章。' })).id;
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ editedAt: null, scheduleChangedAt: null });
    const before = Date.now();
    const r = ok(await t.call(ZHANGMIN, editPartyPost, { id, title: '  学习新党章 ', body: '第一章 总纲。' }));
    expect(r.id).toBe(id);
    expect(Date.parse(r.editedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ title: '学习新党章', body: '第一章 总纲。', editedAt: r.editedAt, scheduleChangedAt: null });
    expect(await stored(id)).toMatchObject({ editedByStaffId: DEMO.staffId(ZHANGMIN) });
  });

  it('moves an activity (time, place, 名额, deadline) and marks the schedule change', async () => {
    const id = await publishActivity(5);
    const [startsAt, endsAt, signupDeadline] = [inHours(5), inHours(7), inHours(4)];
    const r = ok(await t.call(WANGLI, editPartyPost, { id, startsAt, endsAt, place: '社区党群服务站', capacity: 8, signupDeadline }));
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ startsAt, endsAt, signupDeadline, place: '社区党群服务站', capacity: 8, editedAt: r.editedAt, scheduleChangedAt: r.editedAt, signupOpen: true });
  });

  it('changes a volunteer call\'s 名额 and adds a time and place it did not have', async () => {
    const id = ok(await t.call(ZHANGMIN, publishPartyPost, { kind: 'volunteer', title: '楼道清洁', body: '每周六。', capacity: 4 })).id;
    const r = ok(await t.call(ZHANGMIN, editPartyPost, { id, capacity: 6 }));
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ capacity: 6, editedAt: r.editedAt, scheduleChangedAt: null, startsAt: null });
    const again = ok(await t.call(ZHANGMIN, editPartyPost, { id, startsAt: inHours(30), place: '3号楼门口', signupDeadline: inHours(20) }));
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ place: '3号楼门口', scheduleChangedAt: again.editedAt, startsAt: expect.any(String) });
  });

  it('sets scheduleChangedAt only when the start, end or place really changes', async () => {
    const id = await publishActivity(5);
    const post = ok(await t.call(ZHANGMIN, getPartyPost, { id }));
    // same place and start as now, a new title and 名额: an edit, but not a schedule change
    const title = ok(await t.call(ZHANGMIN, editPartyPost, { id, title: '重温入党誓词（更正）', capacity: 6, place: post.place!, startsAt: post.startsAt! }));
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ editedAt: title.editedAt, scheduleChangedAt: null });
    expect((await edits(id)).map((e) => e.details)).toEqual([{ fields: ['title', 'capacity'] }]);

    const moved = ok(await t.call(ZHANGMIN, editPartyPost, { id, place: '居委会一楼活动室' }));
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ editedAt: moved.editedAt, scheduleChangedAt: moved.editedAt });
    const deadline = ok(await t.call(ZHANGMIN, editPartyPost, { id, signupDeadline: inHours(1.5) }));
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ editedAt: deadline.editedAt, scheduleChangedAt: moved.editedAt });
    const ends = ok(await t.call(ZHANGMIN, editPartyPost, { id, endsAt: inHours(3) }));
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ scheduleChangedAt: ends.editedAt });
  });

  it('answers a correction that changes nothing with the last edit, writing nothing', async () => {
    const id = await publishActivity(5);
    const post = ok(await t.call(ZHANGMIN, getPartyPost, { id }));
    expect(ok(await t.call(ZHANGMIN, editPartyPost, { id, title: post.title, capacity: 5 }))).toEqual({ id, editedAt: null });
    expect(await stored(id)).not.toHaveProperty('editedAt');
    const first = ok(await t.call(ZHANGMIN, editPartyPost, { id, place: '新的地点' }));
    // a retry of the same correction (and an instant written in another zone) changes nothing
    const sameStart = new Date(post.startsAt!).toISOString().replace('Z', '+00:00');
    expect(ok(await t.call(WANGLI, editPartyPost, { id, place: '新的地点', startsAt: sameStart }, 'edit-retry-0001'))).toEqual(first);
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id }))).toMatchObject({ editedAt: first.editedAt, scheduleChangedAt: first.editedAt });
    expect(await edits(id)).toHaveLength(1);
  });

  it('writes an audit entry naming the changed fields, never their values', async () => {
    const id = await publishActivity(5);
    ok(await t.call(WANGLI, editPartyPost, { id, body: '请带好党员证。', place: '二楼会议室' }));
    const log = await edits(id);
    expect(log).toEqual([expect.objectContaining({ actorId: DEMO.staffId(WANGLI), action: 'party.edit', subjectType: 'party_post', subjectId: id, committeeId: HOME, count: 1, details: { fields: ['body', 'place'] } })]);
    expect(JSON.stringify(log)).not.toContain('二楼会议室');
  });

  it('refuses an edit without any field', async () => {
    const id = await publishActivity(5);
    expect(await t.call(ZHANGMIN, editPartyPost, { id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ message: '没有要修改的内容，请至少修改一项' })] } });
    expect(await t.call(ZHANGMIN, editPartyPost, { id, title: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'title', message: '请填写标题' })] } });
    expect(await t.call(ZHANGMIN, editPartyPost, { id, capacity: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ path: 'capacity' })] } });
    expect(await t.call(ZHANGMIN, editPartyPost, { id, kind: 'article' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses fields the post\'s kind does not take, naming them', async () => {
    const article = ok(await t.call(WANGLI, publishPartyPost, { kind: 'article', title: '文章', body: '正文' })).id;
    expect(await t.call(ZHANGMIN, editPartyPost, { id: article, title: '新标题', place: '某处' })).toMatchObject({
      ok: false,
      error: { code: 'PARTY_FIELD_NOT_FOR_KIND', message: '这条内容只能修改标题、正文，不能修改地点', details: [{ path: 'place', message: '这条内容没有地点，不能修改' }] },
    });
    expect(await t.call(ZHANGMIN, editPartyPost, { id: article, capacity: 3 })).toMatchObject({ ok: false, error: { code: 'PARTY_FIELD_NOT_FOR_KIND', details: [expect.objectContaining({ path: 'capacity' })] } });
    const call = ok(await t.call(ZHANGMIN, publishPartyPost, { kind: 'volunteer', title: '招募', body: '正文', capacity: 3 })).id;
    expect(await t.call(ZHANGMIN, editPartyPost, { id: call, endsAt: inHours(3) })).toMatchObject({ ok: false, error: { code: 'PARTY_FIELD_NOT_FOR_KIND', details: [expect.objectContaining({ path: 'endsAt' })] } });
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id: article }))).toMatchObject({ title: '文章', editedAt: null });
  });

  it('keeps an activity\'s times in order after the change is merged with the post', async () => {
    const id = await publishActivity(5); // deadline in one hour, start in two
    expect(await t.call(ZHANGMIN, editPartyPost, { id, startsAt: inHours(0.5) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '报名截止时间不能晚于活动开始时间', details: [{ path: 'signupDeadline', message: '报名截止时间不能晚于活动开始时间' }] },
    });
    expect(await t.call(ZHANGMIN, editPartyPost, { id, signupDeadline: inHours(3) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'signupDeadline', message: '报名截止时间不能晚于活动开始时间' }] } });
    ok(await t.call(ZHANGMIN, editPartyPost, { id, endsAt: inHours(3) }));
    expect(await t.call(ZHANGMIN, editPartyPost, { id, startsAt: inHours(4), signupDeadline: inHours(1) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'endsAt', message: '结束时间应晚于开始时间' }] } });
    expect(await t.call(ZHANGMIN, editPartyPost, { id, signupDeadline: new Date(Date.now() - 60_000).toISOString() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '报名截止时间已过，请重新设置', details: [expect.objectContaining({ path: 'signupDeadline' })] },
    });
    // moving start and end together keeps the order, and is taken
    ok(await t.call(ZHANGMIN, editPartyPost, { id, startsAt: inHours(4), endsAt: inHours(5) }));
    expect(ok(await t.call(ZHANGMIN, getPartyPost, { id })).endsAt).not.toBeNull();
  });

  it('is for the post\'s own committee staff only', async () => {
    const id = await publishActivity(5);
    expect(await t.call(ZHOU, editPartyPost, { id, title: '改一改' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OUTSIDER, editPartyPost, { id, title: '改一改' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, editPartyPost, { id, title: '改一改' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('', editPartyPost, { id, title: '改一改' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHANGMIN, editPartyPost, { id: 'no-such-post', title: '改一改' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ title: '重温入党誓词', editedAt: null });
    expect(await edits(id)).toHaveLength(0);
  });

  it('never lowers 名额 below the residents already signed up', async () => {
    const id = await publishActivity(5);
    for (const o of CROWD.slice(0, 3)) ok(await t.call(o, signUpParty, { id }));
    expect(await t.call(ZHANGMIN, editPartyPost, { id, capacity: 2 })).toMatchObject({
      ok: false,
      error: { code: 'PARTY_CAPACITY_BELOW_SIGNUPS', message: '已有 3 人报名，名额不能少于 3 人', details: [{ path: 'capacity', message: '已有 3 人报名，名额不能少于 3 人' }] },
    });
    ok(await t.call(ZHANGMIN, editPartyPost, { id, capacity: 3 }));
    expect(ok(await t.call(ZHOU, getPartyPost, { id }))).toMatchObject({ capacity: 3, signupCount: 3, signupOpen: false });
    expect(await t.call(ZHOU, signUpParty, { id })).toMatchObject({ ok: false, error: { code: 'SIGNUP_FULL' } });
  });

  it('agrees with racing sign-ups: a cut of 名额 and the sign-ups never both win past the new 名额', async () => {
    const racers = CROWD.slice(2, 6);
    // the cut starts a little later each round, so it meets the sign-ups at different moments
    for (const lag of [0, 2, 4, 6, 8, 10, 12, 15]) {
      const id = await publishActivity(6);
      for (const o of CROWD.slice(0, 2)) ok(await t.call(o, signUpParty, { id }));
      // warm every function instance first, so the calls below really run at the same time
      await Promise.all([...racers, WANGLI].map((o) => t.call(o, getPartyPost, { id })));
      const later = new Promise((r) => setTimeout(r, lag)).then(() => t.call(WANGLI, editPartyPost, { id, capacity: 3 }));
      const [cut, ...signups] = await Promise.all([later, ...racers.map((o) => t.call(o, signUpParty, { id }))]);
      const joined = signups.filter((r) => r.ok).length;
      for (const r of signups.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'SIGNUP_FULL' } });
      const p = await stored(id);
      expect(p.signupCount).toBe(2 + joined);
      expect((await t.db.collection('party_signups').where({ postId: id }).count()).total).toBe(p.signupCount);
      expect(p.signupCount).toBeLessThanOrEqual(p.capacity);
      if (cut.ok) {
        expect(p.capacity).toBe(3);
      } else {
        // the cut lost to sign-ups that had already passed 3, and says how many there were
        expect(cut).toMatchObject({ ok: false, error: { code: 'PARTY_CAPACITY_BELOW_SIGNUPS', message: expect.stringMatching(/^已有 [4-6] 人报名，名额不能少于 [4-6] 人$/) } });
        expect(p.capacity).toBe(6);
      }
    }
  });

  it('refuses to correct a post that was taken down', async () => {
    const id = await publishActivity(5);
    ok(await t.call(ZHANGMIN, withdrawPartyPost, { id, reason: '活动取消' }));
    expect(await t.call(ZHANGMIN, editPartyPost, { id, title: '改个标题' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '这条内容已被居委会撤下，不能再修改' } });
    expect(await stored(id)).toMatchObject({ title: '重温入党誓词' });
    expect(await edits(id)).toHaveLength(0);
  });
});
