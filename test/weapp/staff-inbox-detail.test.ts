/**
 * One question in the BUILT mini-program, opened with `?id=` as the WeCom notice opens it: the
 * contract refuses an empty reply before sending, and a complete answer goes through inbox.reply
 * with a request id, after which the page shows the answer and the pending rating.
 */
import { loadWithQuery, requireBuild, waitForText, type CloudCall, type loadBuiltPage } from './harness';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const HOUR = 3600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const open = {
  id: 'q-7',
  content: '楼上漏水，物业一直不来处理',
  askedAt: iso(30 * HOUR),
  dueAt: iso(6 * HOUR),
  status: 'open',
  overdue: true,
  replies: [],
  rating: null,
  canRate: false,
  staffDetails: { committeeId: 'c-1', assigneeStaffId: null, answeredBy: null, handovers: [], notifyStatus: 'failed', notifyError: 'WECOM_ERROR' },
};

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
describe('staff inbox detail (built dist)', () => {
  const calls: CloudCall[] = [];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;
  const events = (action: string) => calls.map((c) => c.data as Event).filter((e) => e.action === action);

  beforeAll(async () => {
    requireBuild();
    page = await loadWithQuery('packages/staff/pages/inbox/detail', { id: 'q-7' }, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      switch (`${name}.${e.action}`) {
        case 'auth.me': return { ok: true, data: staffMe };
        case 'inbox.getQuestion': return { ok: true, data: { question: open } };
        case 'admin.listStaff': return { ok: true, data: { items: [], nextOffset: null, total: 0, grantableRoles: [] } };
        case 'inbox.reply':
          return { ok: true, data: { question: { ...open, status: 'answered', replies: [{ id: 'r9', staffName: '张敏', text: e.payload.text, at: new Date().toISOString(), complete: true }] } } };
        default: return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
      }
    });
    await waitForText(page.root, '楼上漏水，物业一直不来处理');
  });

  it('reads the question named by ?id=, with the overdue flag and the failed notice', () => {
    expect(events('getQuestion').map((e) => e.payload)).toEqual([{ id: 'q-7' }]);
    expect(page.root.textContent).toContain('已超时');
    expect(page.root.textContent).toContain('企业微信通知：没有送达');
    expect(page.root.textContent).toContain('重发通知');
  });

  it('refuses an empty reply with the contract message, sending nothing', async () => {
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '请填写回复内容');
    expect(events('reply')).toHaveLength(0);
  });

  it('sends a complete answer through inbox.reply and shows it', async () => {
    page.sim.querySelector('.field__textarea')!.dispatchEvent('input', { detail: { value: '已联系物业，明天上午九点上门维修。' } });
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '居民还没有评价');
    const sent = events('reply');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ payload: { questionId: 'q-7', text: '已联系物业，明天上午九点上门维修。', complete: true } });
    expect(sent[0]!.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(page.root.textContent).toContain('已联系物业，明天上午九点上门维修。');
    expect(page.root.textContent).not.toContain('发送完整解答');
  });
});
