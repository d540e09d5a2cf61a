/**
 * 公告、党建与议事 (staff hub) in the BUILT mini-program: notices with their state in words
 * (scheduled ones too, which residents never see), the pinned mark; the 议事厅 tab lists topics
 * with the ones waiting to be opened flagged, and the stage filter asks the server by stage.
 */
import { loadBuiltPage, requireBuild, waitForGone, waitForText, type CloudCall } from './harness';

const staffMe = { signedIn: true, displayName: '王丽', staffId: 'staff-wangli', roles: ['secretary', 'staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Sim = { querySelectorAll(s: string): SimNode[] };

const notice = (id: string, title: string, state: string, pinned = false) => ({ id, title, pinned, publishAt: '2026-11-20T01:00:00.000Z', expiresAt: null, state, readCount: 4, readByMe: false, editedAt: null });
const topic = (id: string, title: string, stage: string) => ({
  id,
  title,
  stage,
  proposer: { kind: 'resident', name: '周**', mine: false },
  hasPoll: stage !== 'proposed',
  createdAt: '2026-11-18T02:00:00.000Z',
  updatedAt: '2026-11-19T02:00:00.000Z',
});

describe('staff content hub (built dist)', () => {
  const calls: CloudCall[] = [];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/staff/pages/content/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (e.action === 'notice.list') return { ok: true, data: { items: [notice('n-1', '冬季消防安全检查', 'published', true), notice('n-2', '元旦游园会预告', 'scheduled')], nextOffset: null } };
      if (e.action === 'topic.list') {
        const items = [topic('t-1', '楼道堆物怎么清', 'proposed'), topic('t-2', '3号楼加装电梯费用分摊', 'discussing')];
        return { ok: true, data: { items: e.payload.stage ? items.filter((t) => t.stage === e.payload.stage) : items, nextOffset: null } };
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
  });

  const nodes = (sel: string) => (page.sim as unknown as Sim).querySelectorAll(sel);
  const tap = (text: string) => {
    const b = nodes('.btn').find((n) => (n.dom.textContent ?? '').trim() === text);
    if (!b) throw new Error(`no button "${text}"`);
    b.dispatchEvent('tap');
  };
  const rowText = (title: string) => (nodes('.item').map((n) => n.dom.textContent ?? '').find((t) => t.includes(title)) ?? '');
  const actions = (action: string) => calls.map((c) => c.data as Event).filter((e) => e.action === action);

  it('lists notices with their state in words, scheduled ones included, and offers 发布公告', async () => {
    await waitForText(page.root, '元旦游园会预告');
    expect(rowText('冬季消防安全检查')).toContain('发布中');
    expect(rowText('冬季消防安全检查')).toContain('置顶');
    expect(rowText('元旦游园会预告')).toContain('定时发布');
    expect(rowText('元旦游园会预告')).not.toContain('置顶');
    expect(page.root.textContent).toContain('发布公告');
  });

  it('lists topics on the 议事厅 tab, flags those waiting to be opened, and filters by stage on the server', async () => {
    tap('议事厅');
    await waitForText(page.root, '3号楼加装电梯费用分摊');
    expect(rowText('楼道堆物怎么清')).toContain('待开放讨论');
    expect(rowText('3号楼加装电梯费用分摊')).not.toContain('待开放讨论');
    const before = actions('topic.list').length;
    tap('讨论中');
    await waitForText(page.root, '3号楼加装电梯费用分摊');
    await waitForGone(page.root, '楼道堆物怎么清');
    expect(actions('topic.list')).toHaveLength(before + 1);
    expect(actions('topic.list').at(-1)?.payload).toMatchObject({ stage: 'discussing' });
    expect(page.root.textContent).not.toContain('楼道堆物怎么清');
  });
});
