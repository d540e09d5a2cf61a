/**
 * 发布公告 and 公告管理 in the BUILT mini-program (TARO_OUTPUT_ROOT / WEAPP_DIST, see harness.ts).
 * Publishing: empty title / body and an expiry before the scheduled publish time are refused
 * before anything is sent; a server refusal (INVALID_INPUT at expiresAt) is shown at the field;
 * the retry goes out through notice.publish with the same request id and the scheduled time as
 * the UTC instant of the Shanghai wall-clock time, then the manage page of the new id replaces
 * the form. Managing: state in words, reach figures, comments with moderation; 置顶 and 不再过期
 * send notice.update with their exact payloads and the page reloads; a past expiry is refused
 * before sending; a scheduled notice offers no 立即下线.
 */
import { requireBuild, waitFor, waitForGone, waitForText, waitForValue, type CloudCall } from './harness';
import { loadPage } from './resident-load';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Sim = { querySelector(s: string): SimNode | undefined; querySelectorAll(s: string): SimNode[] };
type Page = Awaited<ReturnType<typeof loadPage>>;

const ok = (data: unknown) => ({ ok: true, data });
const unknown = { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
/** instants arrive as the contract's Date (wx.cloud serialises them) or as ISO strings */
const utc = (v: unknown) => new Date(v as string).toISOString();

function helpers(page: Page) {
  const sim = page.sim as unknown as Sim;
  const text = () => page.root.textContent ?? '';
  const all = (sel: string) => sim.querySelectorAll(sel);
  const button = (label: string) => {
    const b = all('.btn').concat(all('.choice__item')).find((n) => (n.dom.textContent ?? '').trim() === label);
    if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(text().slice(0, 400))}`);
    return b;
  };
  const tap = (label: string) => button(label).dispatchEvent('tap');
  /** Taro binds change on the <picker> around the shown value; the event bubbles up to it */
  const pick = async (wrapper: string, index: 0 | 1, value: string) => {
    const pickers = all(`${wrapper} .field__picker`);
    if (!pickers[index]) throw new Error(`no picker ${index} in ${wrapper}`);
    pickers[index]!.dispatchEvent('change', { detail: { value }, bubbles: true });
    // the picker shows its value: once it does, the form's state holds it
    await waitFor(() => pickers[index]!.dom.textContent === value, `${wrapper} showing ${value}`);
  };
  return { sim, text, all, button, tap, pick };
}

describe('发布公告 (built dist)', () => {
  const calls: CloudCall[] = [];
  const navigated: string[] = [];
  const publishReplies: unknown[] = [
    { ok: false, error: { code: 'INVALID_INPUT', message: '过期时间应晚于发布时间和当前时间', details: [{ path: 'expiresAt', message: '过期时间应晚于发布时间（服务端）' }] } },
    ok({ id: 'n-9' }),
  ];
  let page: Page;
  let h: ReturnType<typeof helpers>;
  const publishes = () => calls.filter((c) => c.name === 'content' && (c.data as Event).action === 'notice.publish').map((c) => c.data as Event);

  beforeAll(async () => {
    requireBuild();
    page = await loadPage('packages/staff/pages/content/notice-new', {}, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return ok(staffMe);
      if (name === 'content' && e.action === 'notice.publish') return publishReplies.shift();
      return unknown;
    });
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.redirectTo = (o: { url?: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
      navigated.push(`redirectTo:${o.url ?? ''}`);
      o.success?.({ errMsg: 'redirectTo:ok' });
      o.complete?.({ errMsg: 'redirectTo:ok' });
    };
    h = helpers(page);
    await waitForText(page.root, '公告标题');
  });

  it('refuses an empty title and body at their fields and sends nothing', async () => {
    h.tap('发布公告');
    await waitForText(page.root, '请填写标题');
    expect(h.text()).toContain('请填写正文');
    expect(h.all('.field--invalid').length).toBe(2);
    expect(publishes()).toHaveLength(0);
  });

  it('refuses an expiry before the scheduled publish time and sends nothing', async () => {
    const [title] = h.all('.field__input');
    const [body] = h.all('.field__textarea');
    title!.dispatchEvent('input', { detail: { value: '  本周六上午停水通知 ' } });
    body!.dispatchEvent('input', { detail: { value: '11月28日（周六）8:00—12:00 管道检修停水，请提前储水。' } });
    await waitForValue(page, title!, '  本周六上午停水通知 ');
    await waitForValue(page, body!, '11月28日（周六）8:00—12:00 管道检修停水，请提前储水。');
    h.tap('定时发布');
    await waitForText(page.root, '定时发布的日期和时间');
    await h.pick('#notice-publish-at', 0, '2099-03-01');
    await h.pick('#notice-publish-at', 1, '07:30');
    await waitForText(page.root, '居民从 2099年3月1日 07:30 起能看到这条公告');
    h.tap('到时下线');
    await waitForText(page.root, '过期的日期和时间');
    await h.pick('#notice-expires-at', 0, '2099-03-01');
    await h.pick('#notice-expires-at', 1, '07:00');
    // the submit button of a scheduled notice says 定时发布 too: tap it by id
    const submit = h.sim.querySelector('#notice-submit')!;
    submit.dispatchEvent('tap');
    await waitForText(page.root, '过期时间应晚于发布时间');
    expect(h.text()).not.toContain('请填写标题');
    expect(publishes()).toHaveLength(0);
  });

  it('shows the server refusal at the field, then publishes the retry once with the same request id and the UTC instants', async () => {
    await h.pick('#notice-expires-at', 0, '2099-03-08');
    await h.pick('#notice-expires-at', 1, '18:00');
    h.tap('置顶');
    await waitFor(() => h.all('.choice__item--on').some((n) => n.dom.textContent === '置顶'), '置顶 chosen');
    h.sim.querySelector('#notice-submit')!.dispatchEvent('tap');
    await waitForText(page.root, '过期时间应晚于发布时间（服务端）');
    expect(publishes()).toHaveLength(1);
    expect(navigated).toEqual([]);

    h.sim.querySelector('#notice-submit')!.dispatchEvent('tap');
    await waitFor(() => navigated.length > 0, 'the redirect');
    const sent = publishes();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    expect(sent[1]!.requestId).toMatch(/^[0-9a-f]{32}$/);
    const { publishAt, expiresAt, ...rest } = sent[1]!.payload;
    expect(rest).toEqual({ title: '本周六上午停水通知', body: '11月28日（周六）8:00—12:00 管道检修停水，请提前储水。', pinned: true });
    // 2099-03-01 07:30 in Shanghai is the day before in UTC
    expect(utc(publishAt)).toBe('2099-02-28T23:30:00.000Z');
    expect(utc(expiresAt)).toBe('2099-03-08T10:00:00.000Z');
    expect(navigated).toEqual(['redirectTo:/packages/staff/pages/content/notice?id=n-9']);
  });
});

const HOUR = 3600_000;
const published = {
  id: 'n-9',
  title: '本周六上午停水通知',
  pinned: false,
  publishAt: new Date(Date.now() - 2 * 24 * HOUR).toISOString(),
  expiresAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
  state: 'published',
  readCount: 12,
  readByMe: false,
  editedAt: null,
  body: '11月28日（周六）8:00—12:00 管道检修停水。\n请提前储水。',
  authorName: '张敏',
  shareCount: 3,
  shareReadCount: 5,
  groupCount: 2,
  firstRead: false,
  viaShareRecorded: false,
  newGroupRecorded: false,
};
const comment = (id: string, text: string, hidden: boolean) => ({ id, text, author: { kind: 'resident', name: '周**', mine: false }, createdAt: new Date(Date.now() - HOUR).toISOString(), hidden });

describe('公告管理 (built dist)', () => {
  const calls: CloudCall[] = [];
  let current: Record<string, unknown> = { ...published };
  let page: Page;
  let h: ReturnType<typeof helpers>;
  const content = (action: string) => calls.filter((c) => c.name === 'content' && (c.data as Event).action === action).map((c) => c.data as Event);

  beforeAll(async () => {
    requireBuild();
    page = await loadPage('packages/staff/pages/content/notice', { id: 'n-9' }, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return ok(staffMe);
      if (name !== 'content') return unknown;
      switch (e.action) {
        case 'notice.get': return ok(current);
        case 'comment.list': return ok({ items: [comment('c-1', '几点恢复供水？', false), comment('c-2', '广告内容', true)], nextOffset: null });
        case 'notice.edit':
          current = { ...current, title: e.payload.title, body: e.payload.body, editedAt: '2026-11-23T06:05:00.000Z' };
          return ok({ id: 'n-9', editedAt: '2026-11-23T06:05:00.000Z' });
        case 'notice.update': {
          const p = e.payload;
          current = { ...current, ...('pinned' in p ? { pinned: p.pinned } : {}), ...('expiresAt' in p ? { expiresAt: p.expiresAt === null ? null : utc(p.expiresAt) } : {}) };
          return ok({ id: 'n-9' });
        }
        default: return unknown;
      }
    });
    h = helpers(page);
    await waitForText(page.root, '本周六上午停水通知');
  });

  it('shows the state, the times, the reach figures, the body and the comments with moderation', async () => {
    expect(content('notice.get').map((e) => e.payload)).toEqual([{ id: 'n-9' }]);
    expect(h.sim.querySelector('#notice-state')!.dom.textContent).toBe('发布中');
    expect(h.sim.querySelector('#notice-reach')!.dom.textContent).toBe('已读 12 人 · 转发 3 次 · 经转发阅读 5 人 · 已传到 2 个微信群');
    expect(h.text()).toContain('请提前储水。');
    expect(h.text()).toMatch(/置顶\s*否/);
    await waitForText(page.root, '几点恢复供水？');
    expect(content('comment.list')[0]!.payload).toMatchObject({ target: { type: 'notice', id: 'n-9' } });
    expect(h.text()).toContain('已隐藏，居民看不到');
    expect(h.button('隐藏这条留言')).toBeDefined();
    expect(h.button('恢复显示')).toBeDefined();
    expect(h.button('立即下线')).toBeDefined();
  });

  it('置顶 sends notice.update { pinned: true } and reloads', async () => {
    h.tap('置顶');
    await waitFor(() => h.all('.btn').some((b) => b.dom.textContent === '取消置顶'), '取消置顶');
    expect(content('notice.update').map((e) => e.payload)).toEqual([{ id: 'n-9', pinned: true }]);
    expect(content('notice.get')).toHaveLength(2);
    expect(h.text()).toMatch(/置顶\s*是/);
  });

  it('refuses a past expiry before sending', async () => {
    h.tap('修改过期时间');
    await waitForText(page.root, '新的过期时间');
    // the editor's date picker is the only one on the page
    const picker = h.all('.field__picker')[0]!;
    picker.dispatchEvent('change', { detail: { value: '2020-01-01' }, bubbles: true });
    await waitFor(() => picker.dom.textContent === '2020-01-01', 'the picker showing 2020-01-01');
    h.tap('保存过期时间');
    await waitForText(page.root, '过期时间应晚于现在');
    expect(content('notice.update')).toHaveLength(1);
    h.tap('取消');
    await waitForGone(page.root, '新的过期时间');
  });

  it('不再过期 sends notice.update { expiresAt: null } and reloads to 不过期', async () => {
    h.tap('不再过期');
    await waitFor(() => /过期时间\s*不过期/.test(h.text()), '不过期');
    expect(content('notice.update').map((e) => e.payload)).toEqual([{ id: 'n-9', pinned: true }, { id: 'n-9', expiresAt: null }]);
    expect(content('notice.get')).toHaveLength(3);
    expect(h.all('.btn').some((b) => b.dom.textContent === '不再过期')).toBe(false);
  });
});

describe('公告管理: correcting the text (built dist)', () => {
  it('starts from the notice as it is, refuses an empty title at the field, then sends notice.edit and shows the change', async () => {
    requireBuild();
    const calls: Event[] = [];
    let current: Record<string, unknown> = { ...published, id: 'n-11' };
    const page = await loadPage('packages/staff/pages/content/notice', { id: 'n-11' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return ok(staffMe);
      calls.push(e);
      if (e.action === 'notice.get') return ok(current);
      if (e.action === 'comment.list') return ok({ items: [], nextOffset: null });
      if (e.action === 'notice.edit') {
        current = { ...current, title: e.payload.title, body: e.payload.body, editedAt: '2026-11-23T06:05:00.000Z' };
        return ok({ id: 'n-11', editedAt: '2026-11-23T06:05:00.000Z' });
      }
      return unknown;
    });
    const h = helpers(page);
    await waitForText(page.root, '本周六上午停水通知');
    h.tap('修改标题和正文');
    // the editor renders after the tap's setState
    await waitFor(() => h.all('.field__input').length > 0, 'the editor fields');
    const title = h.all('.field__input')[0]!;
    title.dispatchEvent('input', { detail: { value: '' } });
    await waitForValue(page, title, '');
    h.tap('保存修改');
    await waitForText(page.root, '请填写标题');
    expect(calls.filter((c) => c.action === 'notice.edit')).toHaveLength(0);

    title.dispatchEvent('input', { detail: { value: '本周日上午停水通知（时间更正）' } });
    await waitForValue(page, title, '本周日上午停水通知（时间更正）');
    h.tap('保存修改');
    await waitForText(page.root, '本周日上午停水通知（时间更正）');
    // the body was not touched: it goes back as it was, which shows the editor started from it
    expect(calls.filter((c) => c.action === 'notice.edit').map((c) => c.payload)).toEqual([{ id: 'n-11', title: '本周日上午停水通知（时间更正）', body: published.body }]);
    expect(h.text()).toMatch(/最后修改\s*11月23日 14:05/);
  });
});

describe('公告管理 of a scheduled notice (built dist)', () => {
  it('says 定时发布 and offers no 立即下线', async () => {
    requireBuild();
    const scheduled = { ...published, id: 'n-10', state: 'scheduled', publishAt: new Date(Date.now() + 24 * HOUR).toISOString(), expiresAt: null, readCount: 0, shareCount: 0, shareReadCount: 0, groupCount: 0 };
    const page = await loadPage('packages/staff/pages/content/notice', { id: 'n-10' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return ok(staffMe);
      if (name === 'content' && e.action === 'notice.get') return ok(scheduled);
      if (name === 'content' && e.action === 'comment.list') return ok({ items: [], nextOffset: null });
      return unknown;
    });
    const h = helpers(page);
    await waitForText(page.root, '已读 0 人 · 转发 0 次 · 经转发阅读 0 人 · 已传到 0 个微信群');
    expect(h.sim.querySelector('#notice-state')!.dom.textContent).toBe('定时发布');
    expect(h.text()).toContain('定时发布时间');
    expect(h.text()).toMatch(/过期时间\s*不过期/);
    await waitForText(page.root, '还没有留言');
    expect(h.all('.btn').map((b) => (b.dom.textContent ?? '').trim())).not.toContain('立即下线');
    expect(h.all('.btn').map((b) => (b.dom.textContent ?? '').trim())).not.toContain('不再过期');
  });
});
