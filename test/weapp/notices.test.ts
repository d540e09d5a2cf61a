/**
 * 社区公告 in the BUILT mini-program (run `npm run build:weapp` first): the list renders the
 * server's page and loads the next one; the detail, opened from a shared link, asks notice.get
 * with the share id (the call that records the read and the read through the share).
 */
import fs from 'node:fs';
import path from 'node:path';
import { requireBuild, waitForText, WEAPP_DIST, type CloudCall } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const ok = (data: unknown) => ({ ok: true, data });
const notice = (id: string, title: string, pinned = false) => ({
  id,
  title,
  pinned,
  publishAt: '2026-11-20T01:00:00.000Z',
  expiresAt: null,
  state: 'published',
  readCount: 3,
  readByMe: false,
  editedAt: null,
});

describe('weapp notices list (built dist)', () => {
  it('renders the pinned notice first, as the server sends it, and loads the next page', async () => {
    requireBuild();
    const calls: CloudCall[] = [];
    const page = await loadPage('pages/notices/index', {}, (name, data) => {
      calls.push({ name, data });
      const { payload } = data as Event;
      return payload.offset === 0
        ? ok({ items: [{ ...notice('n-pinned', '冬季消防安全检查', true), readByMe: true }, notice('n-water', '停水通知')], nextOffset: 2 })
        : ok({ items: [notice('n-old', '垃圾分类新规')], nextOffset: null });
    });
    await waitForText(page.root, '冬季消防安全检查');
    const text = page.root.textContent ?? '';
    expect(text).toContain('停水通知');
    expect(text).toContain('置顶');
    expect(text.indexOf('冬季消防安全检查')).toBeLessThan(text.indexOf('停水通知'));
    expect(text).toContain('3 人已读');
    // the resident's unread notices are marked, the ones she opened are not
    // the simulator prefixes classes with the component's name
    const rows = [...page.root.querySelectorAll('.main--ritem')].map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('停水通知'))).toContain('未读');
    expect(rows.find((r) => r.includes('冬季消防安全检查'))).not.toContain('未读');
    expect(calls[0]).toMatchObject({ name: 'content', data: { action: 'notice.list', payload: { offset: 0, limit: 20 } } });

    const more = page.sim.querySelector('.btn');
    expect(more?.dom.textContent).toBe('加载更多');
    more!.dispatchEvent('tap');
    await waitForText(page.root, '垃圾分类新规');
    expect((calls[1]!.data as Event).payload).toMatchObject({ offset: 2 });
    await waitForText(page.root, '没有更多了');
    expect(page.root.textContent).toContain('停水通知');
  });

  it('shows the server message and 重试 when the list fails', async () => {
    const replies = [
      { ok: false, error: { code: 'FORBIDDEN', message: '请先完成家庭注册，加入所在居委会后再参与' } },
      ok({ items: [], nextOffset: null }),
    ];
    const page = await loadPage('pages/notices/index', {}, () => replies.shift());
    await waitForText(page.root, '请先完成家庭注册');
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '居委会还没有发布公告');
  });
});

describe('weapp notice detail (built dist)', () => {
  it('opened from a share: records the read with the share id, then shows the notice and its comments', async () => {
    const calls: Event[] = [];
    const page = await loadPage('pages/notices/detail', { id: 'n-pinned', shareId: 'share-1' }, (name, data) => {
      const e = data as Event;
      calls.push(e);
      if (e.action === 'notice.get') {
        return ok({
          ...notice('n-pinned', '冬季消防安全检查', true),
          body: '请居民配合清理楼道堆物。',
          authorName: '王丽',
          shareCount: 2,
          shareReadCount: 1,
          groupCount: 1,
          firstRead: true,
          viaShareRecorded: true,
          newGroupRecorded: true,
        });
      }
      if (e.action === 'comment.list') {
        return ok({ items: [{ id: 'c1', text: '支持！', author: { kind: 'resident', name: '周**', mine: false }, createdAt: '2026-11-21T02:00:00.000Z', hidden: false }], nextOffset: null });
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    await waitForText(page.root, '请居民配合清理楼道堆物。');
    expect(calls[0]).toMatchObject({ action: 'notice.get', payload: { id: 'n-pinned', viaShareId: 'share-1' } });
    expect(calls.filter((c) => c.action === 'notice.get')).toHaveLength(1);
    await waitForText(page.root, '支持！');
    expect(calls.find((c) => c.action === 'comment.list')?.payload).toMatchObject({ target: { type: 'notice', id: 'n-pinned' } });
    expect(page.root.textContent).toContain('转发到微信群');
    expect(page.root.textContent).toContain('转发 2 次 · 经转发阅读 1 人 · 已传到 1 个微信群');
    // not opened from a group chat: no open data
    expect(calls[0]).not.toHaveProperty('groupEnter');
  });

  it('opened from a group chat: sends getGroupEnterInfo\'s cloudID as a top-level wx.cloud.CloudID, outside the payload', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.getGroupEnterInfo = (o: { success?: (r: object) => void }) => o.success?.({ errMsg: 'getGroupEnterInfo:ok', encryptedData: 'enc', iv: 'iv', cloudID: 'cloud-id-of-the-group' });
    try {
      const calls: (Event & { groupEnter?: unknown })[] = [];
      const page = await loadPage('pages/notices/detail', { id: 'n-pinned', shareId: 'share-1' }, (_name, data) => {
        const e = data as Event;
        calls.push(e);
        if (e.action === 'notice.get') {
          return ok({ ...notice('n-pinned', '冬季消防安全检查'), body: '群里转来的通知。', authorName: '王丽', shareCount: 1, shareReadCount: 1, groupCount: 1, firstRead: true, viaShareRecorded: true, newGroupRecorded: true });
        }
        return ok({ items: [], nextOffset: null });
      });
      await waitForText(page.root, '群里转来的通知。');
      const get = calls.find((c) => c.action === 'notice.get')!;
      expect(page.cloud.CloudID).toHaveBeenCalledWith('cloud-id-of-the-group');
      expect(get.groupEnter).toEqual({ cloudIdMarker: 'cloud-id-of-the-group' });
      expect(get.payload).toEqual({ id: 'n-pinned', viaShareId: 'share-1' });
      // only notice.get declares the open data; other calls carry none
      expect(calls.filter((c) => c.action !== 'notice.get').every((c) => !('groupEnter' in c))).toBe(true);
    } finally {
      delete wx.getGroupEnterInfo;
    }
  });
});

describe('weapp main package (built dist)', () => {
  const RESIDENT_PAGES = ['notices/index', 'notices/detail', 'party/index', 'party/detail', 'hall/index', 'hall/detail', 'hall/propose', 'questions/index', 'questions/ask', 'questions/detail'].map((p) => `pages/${p}`);

  it('carries the resident pages, with 公告 as the middle tab', () => {
    requireBuild();
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as { pages: string[]; tabBar: { list: { pagePath: string; text: string }[] } };
    expect(app.pages).toEqual(expect.arrayContaining(RESIDENT_PAGES));
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '公告', '我的']);
    for (const p of RESIDENT_PAGES) expect(fs.existsSync(path.join(WEAPP_DIST, `${p}.js`))).toBe(true);
  });

  it('stays under WeChat\'s 2 MB main-package limit', () => {
    requireBuild();
    const size = (dir: string): number =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return p === path.join(WEAPP_DIST, 'packages') ? sum : sum + size(p);
        return sum + fs.statSync(p).size;
      }, 0);
    expect(size(WEAPP_DIST)).toBeLessThan(2 * 1024 * 1024);
  });
});
