/**
 * 集体讨论决定 in the BUILT mini-program (run `npx taro build --type weapp` first): the secretary's
 * form refuses fewer than two participants without sending anything, a server refusal
 * (FORBIDDEN envelope) shows its message, and the retried valid decision goes out through
 * points.recordDecision with the same requestId and appears in the committee's list.
 */
import { loadBuiltPage, queries, requireBuild, waitFor, waitForText, waitForValue, type CloudCall } from './harness';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const secretaryMe = { signedIn: true, displayName: '李书记', roles: ['staff', 'secretary'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const staff = (id: string, name: string, roles: string[] = ['staff']) => ({ id, userId: id, name, roles, committeeId: 'c-1', streetId: 's-1', districtId: 'd-1', active: true, bound: true });
const directory = { items: [staff('st-zhang', '张敏'), staff('st-wang', '王丽'), staff('st-li', '李书记', ['secretary'])], nextOffset: null, total: 3, grantableRoles: [] };
const older = { id: 'dec-0', date: '2026-10-12', meeting: '十月班子会', participants: ['李书记', '陈主任'], text: '王丽十月投诉核实，扣 3 分。', staffIds: ['st-wang'], fileIds: [], recordedBy: 'st-li', createdAt: '2026-10-12T08:00:00.000Z' };

describe('collective decision form (built dist)', () => {
  const calls: CloudCall[] = [];
  const decisions: unknown[] = [older];
  const recordReplies: ((e: Event) => unknown)[] = [
    () => ({ ok: false, error: { code: 'FORBIDDEN', message: '只有本居委的书记可以记录集体决定' } }),
    (e) => {
      const decision = { id: 'dec-1', ...e.payload, fileIds: [], recordedBy: 'st-li', createdAt: '2026-11-20T02:00:00.000Z' };
      decisions.unshift(decision);
      return { ok: true, data: { decision } };
    },
  ];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/staff/pages/points/decision', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: secretaryMe };
      if (name === 'admin' && e.action === 'listStaff') return { ok: true, data: directory };
      if (name === 'points' && e.action === 'listDecisions') return { ok: true, data: { items: [...decisions], nextOffset: null } };
      if (name === 'points' && e.action === 'recordDecision') return recordReplies.shift()!(e);
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
  });

  const records = () => calls.filter((c) => c.name === 'points' && (c.data as Event).action === 'recordDecision').map((c) => c.data as Event);
  const { el, all } = queries(() => page);
  const addParticipant = async (name: string) => {
    const before = all('.decision__participant').length;
    el('#decision-participant').dispatchEvent('input', { detail: { value: name } });
    await waitForValue(page, el('#decision-participant'), name);
    el('#decision-add-participant').dispatchEvent('tap');
    await waitFor(() => all('.decision__participant').length === before + 1, `${name} added`);
  };

  it('lists the committee decisions and offers the committee staff', async () => {
    await waitForText(page.root, '十月班子会');
    await waitForText(page.root, '张敏');
    expect(page.root.textContent).toContain('王丽十月投诉核实');
    expect(page.root.textContent).toContain('参会：李书记、陈主任');
    expect(all('.decision__staff').map((b) => b.dom.textContent)).toEqual(['张敏', '王丽', '李书记']);
  });

  it('refuses a decision with one participant and sends nothing', async () => {
    all('.field__input')[0]!.dispatchEvent('input', { detail: { value: '十一月班子会（会议记录第 11 号）' } });
    el('.field__textarea').dispatchEvent('input', { detail: { value: '张敏十一月居民投诉属实，扣 3 分。' } });
    all('.decision__staff')[0]!.dispatchEvent('tap');
    await addParticipant('李书记');
    expect(page.root.textContent).toContain('已添加 1 人');
    el('#decision-submit').dispatchEvent('tap');
    await waitForText(page.root, '集体讨论须至少两名班子成员参加');
    expect(records()).toHaveLength(0);
  });

  it('shows the server refusal, then sends the valid decision once more with the same requestId', async () => {
    await addParticipant('陈主任');
    expect(page.root.textContent).toContain('已添加 2 人');
    el('#decision-submit').dispatchEvent('tap');
    await waitForText(page.root, '只有本居委的书记可以记录集体决定');
    expect(records()).toHaveLength(1);

    el('#decision-submit').dispatchEvent('tap');
    await waitForText(page.root, '已记录：');
    const sent = records();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    expect(sent[1]!.payload).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      meeting: '十一月班子会（会议记录第 11 号）',
      participants: ['李书记', '陈主任'],
      text: '张敏十一月居民投诉属实，扣 3 分。',
      staffIds: ['st-zhang'],
      fileIds: [],
    });
    // the list is read again and shows the new decision first
    await waitForText(page.root, '涉及：张敏');
    const items = all('.item');
    expect(items[0]!.dom.textContent).toContain('十一月班子会');
    expect(items[0]!.dom.textContent).toContain('涉及：张敏');
  });
});
