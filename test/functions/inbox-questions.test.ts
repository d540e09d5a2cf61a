/**
 * inbox: asking, reading, answering, handing over and rating, with the authorisation matrix
 * (a resident sees only their own questions, staff only their committee's) and the 线上反馈
 * counts, through the real path.
 */
import { ask, getQuestion, handOver, myQuestions, rate, reply, satisfiedCounts, staffInbox } from '../../shared/contracts/inbox';
import { localMonthOf } from '../../shared/time';
import { collection } from '../../cloudfunctions/_kit/store';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHAOYUN, ZHOU } from '../support/demo-identities';
import { ok, signedInResident, useTestCloud } from '../support/local-cloud';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

const HOME = DEMO.home._id;
const NEXT_DOOR = DEMO.neighbour._id;

const t = useTestCloud({
  prepare: async (cloud) => {
    const resident = (name: string, committeeId: string) => signedInResident(`openid-${name}`, committeeId, name, { verified: true });
    await cloud.db.collection('users').add([resident('ana', HOME), resident('bo', HOME), resident('cai', NEXT_DOOR)]);
    await cloud.db.collection('staff').add({ _id: 'staff-left', corpId: cloud.wecom.corpId, userId: 'left', openid: 'openid-left', name: '已停用', roles: ['staff'], committeeId: HOME, streetId: 'street-310107005', districtId: 'district-310107', active: false });
  },
});

const errorOf = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? null : env.error!.code);
const questionDoc = async (id: string) => (await collection(t.db, 'inbox_questions').byId(id))!;
const askAs = async (openid: string, content: string, requestId?: string) => ok(await t.call(openid, ask, { content }, requestId)).question;

describe('inbox.ask', () => {
  it('stores a question for the resident’s committee with a 24-hour deadline, once per requestId', async () => {
    const before = Date.now();
    const q = await askAs('openid-ana', '小区东门的路灯坏了，什么时候能修？', 'req-ask-ana-1');
    expect(q).toMatchObject({ content: '小区东门的路灯坏了，什么时候能修？', status: 'open', overdue: false, replies: [], rating: null, canRate: false, staffDetails: null });
    expect(new Date(q.dueAt).getTime() - new Date(q.askedAt).getTime()).toBe(24 * 3600_000);
    expect(new Date(q.askedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const doc = await questionDoc(q.id);
    expect(doc).toMatchObject({ committeeId: HOME, streetId: 'street-310107005', districtId: 'district-310107', askerOpenid: 'openid-ana', householdId: 'household-openid-ana' });
    expect(doc.askedAt).toBeInstanceOf(Date);
    const again = await askAs('openid-ana', '小区东门的路灯坏了，什么时候能修？', 'req-ask-ana-1');
    expect(again.id).toBe(q.id);
    expect((await t.db.collection('inbox_questions').where({ askerOpenid: 'openid-ana' }).count()).total).toBe(1);
  });

  it('refuses people without a claimed household, content that fails the check, and bad input', async () => {
    expect(errorOf(await t.call(ZHOU, ask, { content: '请问居委会几点上班？' }))).toBe('INBOX_NOT_RESIDENT');
    expect(errorOf(await t.call(WANGLI, ask, { content: '请问居委会几点上班？' }))).toBe('INBOX_NOT_RESIDENT');
    expect(errorOf(await t.call('', ask, { content: '请问居委会几点上班？' }))).toBe('UNAUTHENTICATED');
    const rejected = await t.call('openid-bo', ask, { content: '楼下有人在办假证，电话贴满了墙' });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringMatching(/安全检测/) } });
    expect(errorOf(await t.call('openid-bo', ask, { content: ' ' }))).toBe('INVALID_INPUT');
    expect(errorOf(await t.call('openid-bo', ask, { content: '长'.repeat(501) }))).toBe('INVALID_INPUT');
    expect(errorOf(await t.call('openid-bo', ask, { content: '请问', committeeId: NEXT_DOOR }))).toBe('INVALID_INPUT');
    expect((await t.db.collection('inbox_questions').where({ askerOpenid: 'openid-bo' }).count()).total).toBe(0);
  });
});

describe('reading questions', () => {
  let anaQ: string;
  let caiQ: string;
  beforeAll(async () => {
    anaQ = (await askAs('openid-ana', '垃圾分类的时间能不能调整到晚上八点？')).id;
    caiQ = (await askAs('openid-cai', '社区食堂周末开门吗？')).id;
  });

  it('shows a resident their own questions only, newest first', async () => {
    const mine = ok(await t.call('openid-ana', myQuestions, {}));
    expect(mine.total).toBe(2);
    expect(mine.items[0]!.id).toBe(anaQ);
    expect(ok(await t.call('openid-bo', myQuestions, {})).items).toEqual([]);
    expect(ok(await t.call('openid-ana', getQuestion, { id: anaQ })).question.staffDetails).toBeNull();
  });

  it('never shows a resident someone else’s question, nor staff another committee’s', async () => {
    expect(errorOf(await t.call('openid-bo', getQuestion, { id: anaQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-cai', getQuestion, { id: anaQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call(LIQIANG, getQuestion, { id: anaQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call(ZHANGMIN, getQuestion, { id: caiQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call(CHENJIE, getQuestion, { id: anaQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-left', getQuestion, { id: anaQ }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-ana', getQuestion, { id: 'no-such-question' }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-ana', getQuestion, {}))).toBe('INVALID_INPUT');
  });

  it('gives committee staff their inbox: open first by deadline, overdue flagged, paged', async () => {
    // make the first question overdue
    const first = (await collection(t.db, 'inbox_questions').some((c) => c.where({ askerOpenid: 'openid-ana' }).orderBy('askedAt', 'asc'), 1))[0]!;
    await t.db.collection('inbox_questions').doc(first._id).update({ askedAt: new Date(Date.now() - 30 * 3600_000), dueAt: new Date(Date.now() - 6 * 3600_000) });
    const inbox = ok(await t.call(ZHANGMIN, staffInbox, {}));
    expect(inbox).toMatchObject({ total: 2, openCount: 2, overdueCount: 1, nextOffset: null });
    expect(inbox.items.map((i) => [i.id, i.overdue])).toEqual([
      [first._id, true],
      [anaQ, false],
    ]);
    expect(inbox.items[0]!.staffDetails).toMatchObject({ committeeId: HOME, notifyStatus: 'sent' });
    expect(JSON.stringify(inbox)).not.toContain('openid-ana');
    const paged = ok(await t.call(WANGLI, staffInbox, { limit: 1, offset: 1 }));
    expect(paged.items.map((i) => i.id)).toEqual([anaQ]);
    const next = ok(await t.call(LIQIANG, staffInbox, {}));
    expect(next.items.map((i) => i.id)).toEqual([caiQ]);
  });

  it('keeps residents, liaisons and deactivated staff out of staff inboxes', async () => {
    for (const openid of ['openid-ana', CHENJIE, ZHAOYUN, 'openid-left', '']) {
      expect(errorOf(await t.call(openid, staffInbox, {}))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect(errorOf(await t.call(ZHANGMIN, staffInbox, { status: 'closed' }))).toBe('INVALID_INPUT');
  });
});

describe('answering, handing over and rating', () => {
  let qid: string;
  beforeAll(async () => {
    qid = (await askAs('openid-bo', '我家楼上漏水，物业一直不来处理，怎么办？')).id;
  });

  it('records an interim reply without closing the question; the resident cannot rate it yet', async () => {
    const res = ok(await t.call(ZHANGMIN, reply, { questionId: qid, text: '已收到，我们今天联系物业核实。', complete: false })).question;
    expect(res).toMatchObject({ status: 'open', replies: [{ staffName: '张敏', complete: false }] });
    expect(errorOf(await t.call('openid-bo', rate, { questionId: qid, satisfied: true }))).toBe('INBOX_NOT_ANSWERED');
  });

  it('hands over to a colleague of the same committee only, and records it', async () => {
    expect(errorOf(await t.call(ZHANGMIN, handOver, { questionId: qid, toStaffId: 'staff-liqiang' }))).toBe('INBOX_BAD_COLLEAGUE');
    expect(errorOf(await t.call(ZHANGMIN, handOver, { questionId: qid, toStaffId: 'staff-left' }))).toBe('INBOX_BAD_COLLEAGUE');
    expect(errorOf(await t.call(ZHANGMIN, handOver, { questionId: qid, toStaffId: 'staff-zhangmin' }))).toBe('INBOX_BAD_COLLEAGUE');
    expect(errorOf(await t.call(LIQIANG, handOver, { questionId: qid, toStaffId: 'staff-liqiang' }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-bo', handOver, { questionId: qid, toStaffId: 'staff-wangli' }))).toBe('FORBIDDEN');
    const res = ok(await t.call(ZHANGMIN, handOver, { questionId: qid, toStaffId: 'staff-wangli', note: '涉及物业，请书记协调' })).question;
    expect(res.staffDetails).toMatchObject({ assigneeStaffId: 'staff-wangli', handovers: [{ fromStaffId: 'staff-zhangmin', toStaffId: 'staff-wangli', note: '涉及物业，请书记协调' }] });
    const doc = await questionDoc(qid);
    expect(doc.handovers[0]!.at).toBeInstanceOf(Date);
  });

  it('lets no one outside the committee reply, and refuses bad replies', async () => {
    expect(errorOf(await t.call(LIQIANG, reply, { questionId: qid, text: '我来答', complete: true }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-bo', reply, { questionId: qid, text: '我自己答', complete: true }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(CHENJIE, reply, { questionId: qid, text: '联络员答', complete: true }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(WANGLI, reply, { questionId: qid, text: '', complete: true }))).toBe('INVALID_INPUT');
    expect(errorOf(await t.call(WANGLI, reply, { questionId: qid, text: '好的' }))).toBe('INVALID_INPUT');
    expect((await questionDoc(qid)).replies).toHaveLength(1);
  });

  it('closes the question with a complete answer, once (a retry adds nothing)', async () => {
    const input = { questionId: qid, text: '已与物业约定明天上午九点上门维修，费用由物业承担。', complete: true };
    const res = ok(await t.call(WANGLI, reply, input, 'req-reply-wangli')).question;
    expect(res).toMatchObject({ status: 'answered', staffDetails: { answeredBy: 'staff-wangli' } });
    ok(await t.call(WANGLI, reply, input, 'req-reply-wangli'));
    expect((await questionDoc(qid)).replies).toHaveLength(2);
    expect(errorOf(await t.call(ZHANGMIN, reply, { questionId: qid, text: '补充一句', complete: false }))).toBe('INBOX_QUESTION_CLOSED');
    expect(errorOf(await t.call(ZHANGMIN, handOver, { questionId: qid, toStaffId: 'staff-wangli' }))).toBe('INBOX_QUESTION_CLOSED');
    const seen = ok(await t.call('openid-bo', getQuestion, { id: qid })).question;
    expect(seen).toMatchObject({ status: 'answered', canRate: true, staffDetails: null });
    expect(seen.replies.map((r) => r.staffName)).toEqual(['张敏', '王丽']);
  });

  it('lets only the asker rate, once', async () => {
    expect(errorOf(await t.call('openid-ana', rate, { questionId: qid, satisfied: false }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call(WANGLI, rate, { questionId: qid, satisfied: true }))).toBe('NOT_FOUND');
    expect(errorOf(await t.call('openid-bo', rate, { questionId: qid, satisfied: 'yes' }))).toBe('INVALID_INPUT');
    const res = ok(await t.call('openid-bo', rate, { questionId: qid, satisfied: true })).question;
    expect(res).toMatchObject({ rating: { satisfied: true }, canRate: false });
    expect(errorOf(await t.call('openid-bo', rate, { questionId: qid, satisfied: false }))).toBe('INBOX_ALREADY_RATED');
    expect((await questionDoc(qid)).rating!.satisfied).toBe(true);
  });
});

describe('inbox.satisfiedCounts', () => {
  const month = localMonthOf(new Date());
  beforeAll(async () => {
    // a history written straight into the collection; counted by hand below
    const base = {
      streetId: 'street-310107005', districtId: 'district-310107', askerOpenid: 'openid-ana', householdId: 'household-openid-ana', content: '历史留言',
      status: 'answered', assigneeStaffId: null, replies: [], handovers: [],
      notify: { status: 'sent', recipients: [], audience: 'committee', attempts: 1, lastAttemptAt: null, error: null },
    };
    const old = new Date('2026-01-10T02:00:00Z');
    const rated = (id: string, committeeId: string, answeredBy: string, satisfied: boolean, at: Date) => ({
      ...base, _id: id, committeeId, askedAt: old, dueAt: old, answeredBy, answeredAt: old, rating: { satisfied, at },
    });
    const thisMonth = new Date();
    await t.db.collection('inbox_questions').add([
      rated('h1', HOME, 'staff-zhangmin', true, thisMonth),
      rated('h2', HOME, 'staff-zhangmin', true, thisMonth),
      rated('h3', HOME, 'staff-zhangmin', false, thisMonth), // not satisfied
      rated('h4', HOME, 'staff-zhangmin', true, new Date('2026-01-15T02:00:00Z')), // another month
      rated('h5', NEXT_DOOR, 'staff-liqiang', true, thisMonth), // another committee
      { ...rated('h6', HOME, 'staff-wangli', true, thisMonth), answeredBy: null }, // rated without a complete answer: never counts
    ]);
  });

  it('gives a secretary the committee’s satisfied answers per staff member', async () => {
    // zhangmin: h1, h2; wangli: the rated answer of the previous block
    const res = ok(await t.call(WANGLI, satisfiedCounts, { month }));
    expect(res.items).toEqual([
      { staffId: 'staff-zhangmin', name: '张敏', satisfiedAnswers: 2, points: 1 },
      { staffId: 'staff-wangli', name: '王丽', satisfiedAnswers: 1, points: 0.5 },
    ]);
    const jan = ok(await t.call(WANGLI, satisfiedCounts, { month: '2026-01' }));
    expect(jan.items.find((i) => i.staffId === 'staff-zhangmin')).toMatchObject({ satisfiedAnswers: 1, points: 0.5 });
  });

  it('gives a staff member their own line only; others may not ask', async () => {
    expect(ok(await t.call(ZHANGMIN, satisfiedCounts, { month })).items).toEqual([{ staffId: 'staff-zhangmin', name: '张敏', satisfiedAnswers: 2, points: 1 }]);
    expect(ok(await t.call(LIQIANG, satisfiedCounts, { month })).items).toEqual([{ staffId: 'staff-liqiang', name: '李强', satisfiedAnswers: 1, points: 0.5 }]);
    expect(errorOf(await t.call('openid-bo', satisfiedCounts, { month }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(CHENJIE, satisfiedCounts, { month }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(WANGLI, satisfiedCounts, { month: '2026-13' }))).toBe('INVALID_INPUT');
  });
});
