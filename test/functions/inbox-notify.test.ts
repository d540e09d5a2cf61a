/**
 * The WeCom notice of a new question, asserted on what the fake WeCom received: the on-duty staff
 * when the roster has someone on duty, the whole committee otherwise, and a failure that keeps
 * the question (notify failed) and can be sent again.
 */
import { ask, getQuestion, retryNotify } from '../../shared/contracts/inbox';
import { collection } from '../../cloudfunctions/_kit/store';
import { DEMO, LIQIANG, WANGLI } from '../support/demo-identities';
import { ok, signedInResident, useTestCloud } from '../support/local-cloud';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

const HOME = DEMO.home._id;
const NEXT_DOOR = DEMO.neighbour._id;

const t = useTestCloud({
  prepare: async (cloud) => {
    await cloud.db.collection('users').add([signedInResident('openid-ana', HOME, 'ana', { verified: true }), signedInResident('openid-cai', NEXT_DOOR, 'cai', { verified: true })]);
    const member = (userId: string, active: boolean) => ({
      _id: `staff-${userId}`, corpId: cloud.wecom.corpId, userId, openid: null, name: userId, roles: ['staff'],
      committeeId: NEXT_DOOR, streetId: 'street-310107005', districtId: 'district-310107', active,
    });
    await cloud.db.collection('staff').add([member('sunli', true), member('gone', false)]);
    // 张敏 is on duty now in 曹杨一村; nobody is on duty in 曹杨二村 (李强's shift is over)
    const now = Date.now();
    const shift = (id: string, committeeId: string, staffId: string, from: number, to: number) => ({
      _id: id, committeeId, staffId, staffName: staffId, date: '2026-11-23', start: '08:00', end: '20:00',
      startAt: new Date(now + from * 3600_000), endAt: new Date(now + to * 3600_000), kind: 'regular', note: null,
      plannedBy: 'staff-wangli', createdAt: new Date(now), signedInAt: null, attended: false,
    });
    await cloud.db.collection('roster_shifts').add([shift('shift-1', HOME, 'staff-zhangmin', -2, 2), shift('shift-2', NEXT_DOOR, 'staff-liqiang', -6, -1)]);
  },
});

const questionDoc = async (id: string) => (await collection(t.db, 'inbox_questions').byId(id))!;
type Notice = { page: string; title: string; content_item: { key: string; value: string }[] };
const lastMessage = () => {
  const all = t.wecom.messages();
  const m = all[all.length - 1]!;
  return { touser: m.touser, notice: m.body.miniprogram_notice as Notice, count: all.length };
};

describe('the notice of a new question', () => {
  it('goes to the on-duty staff member, opening the staff detail page, without phone numbers', async () => {
    const content = '请回电13812345678，楼道堆物太多了存在消防隐患，希望尽快清理';
    const q = ok(await t.call('openid-ana', ask, { content })).question;
    const { touser, notice } = lastMessage();
    expect(touser).toEqual(['zhangmin']);
    expect(notice.page).toBe(`packages/staff/pages/inbox/detail?id=${q.id}`);
    expect(notice.title).toBe('居民留言');
    const items = Object.fromEntries(notice.content_item.map((i) => [i.key, i.value]));
    expect(items['居委会']).toBe('曹杨一村居民委员会');
    expect(items['留言时间']).toMatch(/^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(items['留言内容']).toBe('请回电***********，楼道堆物太…');
    expect(JSON.stringify(notice)).not.toContain('13812345678');
    expect((await questionDoc(q.id)).notify).toMatchObject({ status: 'sent', audience: 'on_duty', recipients: ['staff-zhangmin'], attempts: 1, error: null });
  });

  it('goes to every active colleague when nobody is on duty', async () => {
    const q = ok(await t.call('openid-cai', ask, { content: '社区食堂周末开门吗？' })).question;
    const { touser, notice } = lastMessage();
    expect(touser.sort()).toEqual(['liqiang', 'sunli']);
    expect(notice.content_item[0]).toEqual({ key: '居委会', value: '曹杨二村居民委员会' });
    expect((await questionDoc(q.id)).notify).toMatchObject({ status: 'sent', audience: 'committee' });
  });

  it('keeps the question when WeCom fails, marks it failed, and lets staff send it again', async () => {
    const sent = t.wecom.messages().length;
    t.wecom.failNext(81013, 1, 'message/send');
    const res = await t.call('openid-ana', ask, { content: '电梯又坏了，老人上下楼很困难' }, 'req-ask-fail-1');
    expect(res.ok).toBe(true);
    const id = ok(res).question.id;
    expect(t.wecom.messages()).toHaveLength(sent);
    expect((await questionDoc(id)).notify).toMatchObject({ status: 'failed', error: 'WECOM_ERROR', attempts: 1 });
    expect(ok(await t.call(WANGLI, getQuestion, { id })).question.staffDetails).toMatchObject({ notifyStatus: 'failed', notifyError: 'WECOM_ERROR' });
    // a retried ask neither duplicates the question nor sends anything
    ok(await t.call('openid-ana', ask, { content: '电梯又坏了，老人上下楼很困难' }, 'req-ask-fail-1'));
    expect((await t.db.collection('inbox_questions').where({ content: '电梯又坏了，老人上下楼很困难' }).count()).total).toBe(1);

    expect(await t.call(LIQIANG, retryNotify, { questionId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('openid-ana', retryNotify, { questionId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const retried = ok(await t.call(WANGLI, retryNotify, { questionId: id })).question;
    expect(retried.staffDetails).toMatchObject({ notifyStatus: 'sent', notifyError: null });
    expect(lastMessage()).toMatchObject({ touser: ['zhangmin'], count: sent + 1 });
    expect((await questionDoc(id)).notify.attempts).toBe(2);
    expect(await t.call(WANGLI, retryNotify, { questionId: id })).toMatchObject({ ok: false, error: { code: 'INBOX_NOTIFY_NOT_FAILED' } });
    expect(await t.call(WANGLI, retryNotify, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('survives WeCom being busy beyond the retries', async () => {
    t.wecom.failNext(-1, 2, 'message/send');
    const q = ok(await t.call('openid-cai', ask, { content: '小区里的健身器材坏了' })).question;
    expect((await questionDoc(q.id)).notify).toMatchObject({ status: 'failed', error: 'WECOM_ERROR' });
  });
});
