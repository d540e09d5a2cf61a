/**
 * 安排值班 in the BUILT mini-program (run `npx taro build --type weapp` first): the secretary's
 * form refuses a slot without staff without sending anything; the kind is pre-selected from the
 * day type the week view returns; a server refusal (SHIFT_OVERLAP envelope) shows its message at
 * the form; the retried plan goes out through roster.planShift with the same requestId and the
 * exact payload, then the page goes back to the week view.
 */
import { loadBuiltPage, queries, requireBuild, waitFor, waitForText, waitForValue, type CloudCall } from './harness';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const secretaryMe = { signedIn: true, displayName: '李书记', roles: ['staff', 'secretary'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const staff = (id: string, name: string, roles: string[] = ['staff']) => ({ id, userId: id, name, roles, committeeId: 'c-1', streetId: 's-1', districtId: 'd-1', active: true, bound: true });
const directory = { items: [staff('st-zhang', '张敏'), staff('st-wang', '王丽'), staff('st-li', '李书记', ['secretary'])], nextOffset: null, total: 3, grantableRoles: [] };

/** Shanghai local date of now, as the page computes its default. */
const today = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
};

describe('roster planning form (built dist)', () => {
  const calls: CloudCall[] = [];
  const planReplies: ((e: Event) => unknown)[] = [
    () => ({ ok: false, error: { code: 'SHIFT_OVERLAP', message: '张敏 在 2026-11-23 17:00-19:00 已有值班' } }),
    (e) => {
      const p = e.payload as { date: string; start: string; end: string; kind: string; staffIds: string[]; note?: string };
      const shifts = p.staffIds.map((id, i) => ({
        id: `sh-${i}`, date: p.date, start: p.start, end: p.end, startAt: `${p.date}T10:00:00.000Z`, endAt: `${p.date}T12:00:00.000Z`,
        kind: p.kind, staffId: id, staffName: id === 'st-zhang' ? '张敏' : '王丽', note: p.note ?? null, signedInAt: null, attended: false,
      }));
      return { ok: true, data: { shifts } };
    },
  ];
  const navigated: string[] = [];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    const nav = (kind: string) => (o: { url?: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
      navigated.push(`${kind}:${o.url ?? ''}`);
      o.success?.({ errMsg: `${kind}:ok` });
      o.complete?.({ errMsg: `${kind}:ok` });
    };
    page = await loadBuiltPage('packages/staff/pages/roster/plan', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: secretaryMe };
      if (name === 'admin' && e.action === 'listStaff') return { ok: true, data: directory };
      if (name === 'roster' && e.action === 'week') {
        const date = String(e.payload.date);
        // the asked day is a statutory holiday: the form must pre-select 节假日值班
        return { ok: true, data: { from: date, to: date, days: [{ date, weekday: 1, type: 'holiday', holiday: '测试节', official: true, shifts: [] }] } };
      }
      if (name === 'roster' && e.action === 'planShift') return planReplies.shift()!(e);
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    // the simulator's wx has no navigation; Taro reaches wx when the page navigates
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.redirectTo = nav('redirectTo');
    wx.navigateBack = nav('navigateBack');
  });

  const plans = () => calls.filter((c) => c.name === 'roster' && (c.data as Event).action === 'planShift').map((c) => c.data as Event);
  const { el, all } = queries(() => page);

  it('offers the committee staff and pre-selects the kind from the day type', async () => {
    await waitForText(page.root, '张敏');
    await waitForText(page.root, '当天为测试节·法定节假日');
    expect(all('.plan__staff').map((b) => b.dom.textContent)).toEqual(['张敏', '王丽', '李书记']);
    const on = all('.choice__item--on').map((b) => b.dom.textContent);
    expect(on).toEqual(['节假日值班']);
    const weekCalls = calls.filter((c) => c.name === 'roster' && (c.data as Event).action === 'week');
    expect((weekCalls[0]!.data as Event).payload).toEqual({ date: today() });
  });

  it('refuses a plan without staff and sends nothing', async () => {
    el('#plan-submit').dispatchEvent('tap');
    await waitForText(page.root, '请选择值班人员');
    expect(plans()).toHaveLength(0);
  });

  it('shows the server refusal, then sends the same plan again with the same requestId', async () => {
    all('.plan__staff')[0]!.dispatchEvent('tap');
    await waitForText(page.root, '已选 1 人');
    all('.plan__staff')[1]!.dispatchEvent('tap');
    await waitForText(page.root, '已选 2 人');
    el('.field__textarea').dispatchEvent('input', { detail: { value: '节日巡查' } });
    await waitForValue(page, el('.field__textarea'), '节日巡查');
    el('#plan-submit').dispatchEvent('tap');
    await waitForText(page.root, '张敏 在 2026-11-23 17:00-19:00 已有值班');
    expect(plans()).toHaveLength(1);
    expect(navigated).toEqual([]);

    el('#plan-submit').dispatchEvent('tap');
    await waitFor(() => navigated.length > 0, 'the redirect');
    const sent = plans();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    expect(sent[1]!.payload).toEqual({ date: today(), start: '18:00', end: '20:00', kind: 'holiday', staffIds: ['st-zhang', 'st-wang'], note: '节日巡查' });
    // opened directly (one page in the stack): back to the week view by redirect
    expect(navigated).toEqual(['redirectTo:/packages/staff/pages/roster/index']);
  });
});
