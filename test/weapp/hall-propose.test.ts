/**
 * 发起议题 in the BUILT mini-program, the same form for residents and staff: the topic goes to
 * topic.propose, then a resident lands on the topic itself and committee staff on the topic's
 * workbench page, where they open it for discussion.
 */
import { waitFor, waitForText } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
const me = (roles: string[]) => ({ signedIn: true, displayName: '王丽', staffId: roles.includes('staff') ? 'staff-wangli' : null, roles, committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null });

async function propose(roles: string[]) {
  const events: Event[] = [];
  const page = await loadPage('pages/hall/propose', {}, (name, data) => {
    const e = data as Event;
    events.push(e);
    if (name === 'auth' && e.action === 'me') return { ok: true, data: me(roles) };
    if (e.action === 'topic.propose') return { ok: true, data: { id: 't-new', stage: 'proposed' } };
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
  });
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const redirectTo = jest.fn((o: { success?: () => void }) => o.success?.());
  wx.redirectTo = redirectTo;
  wx.showToast = jest.fn((o: { success?: () => void }) => o.success?.());
  await waitForText(page.root, '提交议题');
  page.sim.querySelector('.rform__input')!.dispatchEvent('input', { detail: { value: '楼道加装扶手' } });
  page.sim.querySelector('.rform__textarea')!.dispatchEvent('input', { detail: { value: '楼里老人多，上下楼不方便。' } });
  await waitForText(page.root, '13/5000');
  page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
  await waitFor(() => redirectTo.mock.calls.length > 0, 'the redirect to the topic');
  return { events, redirectTo };
}

it('takes a resident\'s topic to topic.propose and then to the topic', async () => {
  const { events, redirectTo } = await propose(['resident']);
  expect(events.find((e) => e.action === 'topic.propose')?.payload).toEqual({ title: '楼道加装扶手', description: '楼里老人多，上下楼不方便。' });
  expect(redirectTo.mock.calls[0]![0]).toMatchObject({ url: '/pages/hall/detail?id=t-new' });
});

it('takes a staff member from the same form to the topic\'s workbench page', async () => {
  const { redirectTo } = await propose(['secretary', 'staff']);
  expect(redirectTo.mock.calls[0]![0]).toMatchObject({ url: '/packages/staff/pages/content/topic?id=t-new' });
});
