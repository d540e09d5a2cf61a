/**
 * The staff inbox list in the BUILT mini-program (run `npm run build:weapp` first): a failed
 * load shows the server's message with 重试, and the stubbed staffInbox envelope renders with
 * the overdue question flagged and the open / overdue counts.
 */
import { loadBuiltPage, requireBuild, waitForText, type CloudCall } from './harness';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const HOUR = 3600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const staffDetails = { committeeId: 'c-1', assigneeStaffId: null, answeredBy: null, handovers: [], notifyStatus: 'sent', notifyError: null };

const overdueOpen = { id: 'q-1', content: '小区东门的路灯坏了一个星期了', askedAt: iso(30 * HOUR), dueAt: iso(6 * HOUR), status: 'open', overdue: true, replies: [], rating: null, canRate: false, staffDetails };
const answered = {
  ...overdueOpen,
  id: 'q-2',
  content: '社区食堂周末开门吗？',
  askedAt: iso(3 * HOUR),
  dueAt: iso(-21 * HOUR),
  status: 'answered',
  overdue: false,
  replies: [{ id: 'r1', staffName: '王丽', text: '周六上午开门。', at: iso(HOUR), complete: true }],
  rating: { satisfied: true, at: iso(HOUR / 2) },
  staffDetails: { ...staffDetails, answeredBy: 'staff-wangli' },
};

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

describe('staff inbox list (built dist)', () => {
  const calls: CloudCall[] = [];
  const inboxReplies: unknown[] = [
    { ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } },
    { ok: true, data: { items: [overdueOpen, answered], nextOffset: null, total: 2, openCount: 1, overdueCount: 1 } },
  ];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/staff/pages/inbox/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'inbox' && e.action === 'staffInbox') return inboxReplies.shift();
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
  });

  const inboxCalls = () => calls.filter((c) => c.name === 'inbox').map((c) => c.data as Event);

  it('shows the server message when the inbox cannot be read, and 重试 reads it again', async () => {
    await waitForText(page.root, '没有权限进行此操作');
    const retry = page.sim.querySelector('.state--error .btn--primary');
    expect(retry?.dom.textContent).toBe('重试');
    retry!.dispatchEvent('tap');
    await waitForText(page.root, '小区东门的路灯坏了一个星期了');
    expect(inboxCalls()).toHaveLength(2);
  });

  it('renders the questions of the envelope, the overdue one flagged', () => {
    const text = page.root.textContent ?? '';
    expect(text).toContain('社区食堂周末开门吗？');
    expect(text).toContain('居民满意');
    expect(text).toMatch(/待回复\s*1\s*条/);
    expect(text).toMatch(/已超时\s*1\s*条/);
    // the overdue open question is drawn as an alert with the 已超时 badge; the answered one is not
    const flagged = page.sim.querySelector('.item--alert');
    expect(flagged?.dom.textContent).toContain('路灯');
    expect(flagged?.dom.textContent).toContain('已超时');
    const items = (page.sim as unknown as { querySelectorAll(s: string): { dom: HTMLElement }[] }).querySelectorAll('.item');
    expect(items).toHaveLength(2);
    expect(items[1]!.dom.textContent).not.toContain('已超时');
  });

  it('asked for the first page of the whole inbox, signed in as staff first', () => {
    expect((calls[0]!.data as Event).action).toBe('me');
    for (const e of inboxCalls()) expect(e).toMatchObject({ action: 'staffInbox', payload: { status: 'all', offset: 0, limit: 20 } });
  });
});
