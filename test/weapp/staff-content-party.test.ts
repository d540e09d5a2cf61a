/**
 * 党建园地 staff pages in the BUILT mini-program (`TARO_OUTPUT_ROOT=dist/weapp-party npm run
 * build:weapp`, then WEAPP_DIST=dist/weapp-party). 发布党建内容: mistakes are shown at their
 * fields and nothing is sent; a server refusal is shown; the retried activity goes to
 * party.publish with the same requestId, Shanghai wall-clock times as the right instants, then the
 * page redirects to the manage page; 文章 sends only kind, title and body. 党建内容管理: the
 * counts, the masked roll page by page, and 显示全名 (confirmed) reloading it with reveal: true.
 * 修改: the form starts from the post as it is, sends party.edit with only the changed fields,
 * shows the server's refusal at its field, and after saving the page reloads with 最后修改.
 */
import { requireBuild, waitFor, waitForText, waitForValue, type CloudCall } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Page = Awaited<ReturnType<typeof loadPage>>;

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const unknown = { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };

/** The Shanghai calendar date `days` from now. */
const shanghaiDate = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
function helpers(page: Page) {
  const all = (sel: string) => (page.sim as unknown as { querySelectorAll(s: string): SimNode[] }).querySelectorAll(sel);
  const findButton = (text: string) => all('.btn').find((n) => (n.dom.textContent ?? '').trim() === text);
  const button = (text: string) => {
    const b = findButton(text);
    if (!b) throw new Error(`no button "${text}"; rendered: ${(page.root.textContent ?? '').slice(0, 300)}`);
    return b;
  };
  /** taps the button once it is there (a confirmation step renders after the tap before it) */
  const tap = async (text: string) => {
    await waitFor(() => findButton(text) !== undefined, `the button "${text}"`);
    button(text).dispatchEvent('tap');
  };
  const type = async (node: SimNode | undefined, value: string) => {
    if (!node) throw new Error('no such field');
    node.dispatchEvent('input', { detail: { value } });
    await waitForValue(page, node, value);
  };
  /** the date and time pickers, in the order the form shows them; each shows its value once picked */
  const pick = async (values: string[]) => {
    await waitFor(() => all('.field__picker').length === values.length, `${values.length} pickers`);
    const pickers = all('.field__picker');
    for (const [i, value] of values.entries()) {
      pickers[i]!.dispatchEvent('change', { detail: { value } });
      await waitFor(() => pickers[i]!.dom.textContent === value, `picker ${i} showing ${value}`);
    }
  };
  return { all, button, tap, type, pick };
}

describe('发布党建内容 (built dist)', () => {
  const calls: CloudCall[] = [];
  const navigated: string[] = [];
  const publishReplies: ((e: Event) => unknown)[] = [
    () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容可能含有不适宜发布的信息，请修改后再发布' } }),
    () => ({ ok: true, data: { id: 'pp-new' } }),
    () => ({ ok: true, data: { id: 'pp-article' } }),
  ];
  let page: Page;
  let h: ReturnType<typeof helpers>;
  const publishes = () => calls.filter((c) => c.name === 'content' && (c.data as Event).action === 'party.publish').map((c) => c.data as Event);

  const startDay = shanghaiDate(10);
  const deadlineDay = shanghaiDate(8);

  beforeAll(async () => {
    requireBuild();
    page = await loadPage('packages/staff/pages/content/party-new', {}, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'content' && e.action === 'party.publish') return publishReplies.shift()!(e);
      return unknown;
    });
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.redirectTo = (o: { url?: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
      navigated.push(o.url ?? '');
      o.success?.({ errMsg: 'redirectTo:ok' });
      o.complete?.({ errMsg: 'redirectTo:ok' });
    };
    wx.showToast = (o: { success?: (r: object) => void }) => o.success?.({ errMsg: 'showToast:ok' });
    h = helpers(page);
    await waitForText(page.root, '发布什么');
  }, 30_000);

  it('offers the three kinds and, for an activity, exactly its fields', async () => {
    expect(h.all('.choice__item').map((n) => n.dom.textContent)).toEqual(['文章', '党建活动', '志愿招募']);
    expect(page.root.textContent).not.toContain('名额');
    h.all('.choice__item')[1]!.dispatchEvent('tap');
    await waitForText(page.root, '活动开始时间');
    for (const label of ['活动地点', '名额（人）', '报名截止时间', '结束时间（可不填）']) expect(page.root.textContent).toContain(label);
    expect(h.all('.field__picker')).toHaveLength(4);
  });

  it('shows the mistakes at their fields in Chinese and sends nothing', async () => {
    // no title; 名额 0; both times left at "now", so the deadline has already passed
    await h.type(h.all('.field__textarea')[0], '本月主题党日，重温入党誓词。');
    const [, place, capacity] = h.all('.field__input');
    await h.type(place, '居委会二楼会议室');
    await h.type(capacity, '0');
    await h.tap('发布党建活动');
    await waitForText(page.root, '请填写标题');
    expect(page.root.textContent).toContain('名额应为正整数，至少 1 人');
    expect(page.root.textContent).toContain('报名截止时间已过，请选择以后的时间');
    expect(h.all('.field--invalid').length).toBeGreaterThanOrEqual(3);
    expect(publishes()).toHaveLength(0);
  });

  it('refuses a deadline after the start before sending', async () => {
    await h.type(h.all('.field__input')[0], '重温入党誓词主题党日');
    await h.type(h.all('.field__input')[2], '30');
    await h.pick([startDay, '09:30', shanghaiDate(11), '18:00']);
    await h.tap('发布党建活动');
    await waitForText(page.root, '报名截止时间不能晚于活动开始时间');
    expect(page.root.textContent).not.toContain('请填写标题');
    expect(publishes()).toHaveLength(0);
  });

  it('shows the server refusal, then publishes the same activity with the same requestId and opens its page', async () => {
    await h.tap('填写结束时间');
    await h.pick([startDay, '09:30', startDay, '11:30', deadlineDay, '18:00']);
    await h.tap('发布党建活动');
    await waitForText(page.root, '内容可能含有不适宜发布的信息，请修改后再发布');
    expect(publishes()).toHaveLength(1);
    expect(navigated).toEqual([]);

    await h.tap('发布党建活动');
    await waitFor(() => navigated.length > 0, 'the redirect');
    const sent = publishes();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    // call() sends the contract's parsed input: the instants as Date objects (JSON turns them into
    // ISO strings on the way to the function); each must be the Shanghai wall-clock time picked
    const p = sent[1]!.payload;
    const instant = (v: unknown) => new Date(v as string | Date).toISOString();
    expect(instant(p.startsAt)).toBe(`${startDay}T01:30:00.000Z`);
    expect(instant(p.endsAt)).toBe(`${startDay}T03:30:00.000Z`);
    expect(instant(p.signupDeadline)).toBe(`${deadlineDay}T10:00:00.000Z`);
    expect(p).toEqual({
      kind: 'activity',
      title: '重温入党誓词主题党日',
      body: '本月主题党日，重温入党誓词。',
      startsAt: expect.anything(),
      endsAt: expect.anything(),
      place: '居委会二楼会议室',
      capacity: 30,
      signupDeadline: expect.anything(),
    });
    expect(navigated).toEqual(['/packages/staff/pages/content/party?id=pp-new']);
  });

  it('publishes an article with only its kind, title and body, as a new request', async () => {
    h.all('.choice__item')[0]!.dispatchEvent('tap');
    await waitFor(() => !(page.root.textContent ?? '').includes('活动开始时间'), 'hiding the activity fields');
    expect(h.all('.field__picker')).toHaveLength(0);
    await h.tap('发布文章');
    await waitFor(() => navigated.length > 1, 'the second redirect');
    const sent = publishes();
    expect(sent).toHaveLength(3);
    expect(sent[2]!.payload).toEqual({ kind: 'article', title: '重温入党誓词主题党日', body: '本月主题党日，重温入党誓词。' });
    expect(sent[2]!.requestId).not.toBe(sent[1]!.requestId);
    expect(navigated[1]).toBe('/packages/staff/pages/content/party?id=pp-article');
  });
});

describe('党建内容管理 (built dist)', () => {
  const calls: CloudCall[] = [];
  const modals: { title?: string; content?: string }[] = [];
  // reveal: cancel, confirm; take down: confirm
  const modalAnswers = [false, true, true];
  let withdrawn = false;
  let page: Page;
  let h: ReturnType<typeof helpers>;
  const signupCalls = () => calls.filter((c) => c.name === 'content' && (c.data as Event).action === 'party.signups').map((c) => c.data as Event);

  const post = {
    id: 'pp-1', kind: 'activity', title: '重温入党誓词主题党日', publishedAt: '2026-11-20T02:30:00.000Z', likeCount: 7,
    capacity: 30, signupCount: 3, startsAt: '2026-12-01T01:30:00.000Z', place: '居委会二楼会议室', signupDeadline: '2026-11-30T10:00:00.000Z',
    likedByMe: false, signedUpByMe: false, withdrawn: false, body: '本月主题党日，重温入党誓词。\n请带好党员证。', endsAt: '2026-12-01T03:30:00.000Z', authorName: '张敏', signupOpen: true,
    editedAt: null, scheduleChangedAt: null,
  };
  const people = [
    { full: '周桂英', masked: '周**', at: '2026-11-21T01:00:00.000Z' },
    { full: '王建国', masked: '王**', at: '2026-11-21T02:00:00.000Z' },
    { full: '李秀兰', masked: '李**', at: '2026-11-22T03:00:00.000Z' },
  ];

  beforeAll(async () => {
    requireBuild();
    page = await loadPage('packages/staff/pages/content/party', { id: 'pp-1' }, (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'content' && e.action === 'party.get') return { ok: true, data: { ...post, withdrawn, signupOpen: !withdrawn } };
      if (name === 'content' && e.action === 'party.withdraw') {
        withdrawn = true;
        return { ok: true, data: { id: 'pp-1', withdrawnAt: '2026-11-23T02:00:00.000Z' } };
      }
      if (name === 'content' && e.action === 'party.signups') {
        // two a page, so that the roll has a second page
        const offset = Number(e.payload.offset);
        const rows = people.slice(offset, offset + 2);
        const next = offset + 2 < people.length ? offset + 2 : null;
        return { ok: true, data: { items: rows.map((p) => ({ name: e.payload.reveal ? p.full : p.masked, signedUpAt: p.at })), nextOffset: next, total: 3, capacity: 30 } };
      }
      return unknown;
    });
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.showModal = (o: { title?: string; content?: string; success?: (r: object) => void; complete?: (r: object) => void }) => {
      modals.push({ title: o.title, content: o.content });
      const confirm = modalAnswers.shift() ?? false;
      const r = { errMsg: 'showModal:ok', confirm, cancel: !confirm };
      o.success?.(r);
      o.complete?.(r);
    };
    h = helpers(page);
  }, 30_000);

  it('shows the post with its counts', async () => {
    await waitForText(page.root, '重温入党誓词主题党日');
    const text = page.root.textContent ?? '';
    expect(text).toContain('党建活动');
    expect(text).toContain('名额 30 人');
    expect(text).toContain('已报名 3 人');
    expect(text).toContain('点赞 7 人');
    expect(text).toMatch(/12月1日 09:30 至 11:30/);
    expect(text).toContain('居委会二楼会议室');
    expect(text).toMatch(/11月30日 18:00/);
    expect(text).toContain('请带好党员证。');
    expect(calls.filter((c) => c.name === 'content' && (c.data as Event).action === 'party.get').map((c) => (c.data as Event).payload)).toEqual([{ id: 'pp-1' }]);
  });

  it('lists the masked roll page by page', async () => {
    await waitForText(page.root, '周**');
    expect(page.root.textContent).toContain('王**');
    expect(page.root.textContent).toMatch(/11月21日 09:00 报名/);
    expect(page.root.textContent).not.toContain('周桂英');
    await h.tap('加载更多');
    await waitForText(page.root, '李**');
    expect(signupCalls().map((e) => e.payload)).toEqual([
      { id: 'pp-1', reveal: false, offset: 0, limit: 20 },
      { id: 'pp-1', reveal: false, offset: 2, limit: 20 },
    ]);
  });

  it('asks before showing full names: cancelled sends nothing, confirmed reloads with reveal and says it was recorded', async () => {
    await h.tap('显示全名（用于签到，查看将被记录）');
    await waitFor(() => modals.length === 1, 'the question before showing full names');
    expect(modals[0]!.content).toContain('记录');
    expect(signupCalls()).toHaveLength(2);
    expect(page.root.textContent).not.toContain('周桂英');

    await h.tap('显示全名（用于签到，查看将被记录）');
    await waitForText(page.root, '周桂英');
    expect(modals).toHaveLength(2);
    expect(page.root.textContent).toContain('王建国');
    expect(page.root.textContent).not.toContain('周**');
    expect(page.root.textContent).toContain('已记录在操作日志中');
    expect(signupCalls().slice(2).map((e) => e.payload)).toEqual([{ id: 'pp-1', reveal: true, offset: 0, limit: 20 }]);
  });

  it('takes the post down with a reason: an empty reason is refused at the field without asking, then it asks and sends', async () => {
    const withdrawCalls = () => calls.filter((c) => (c.data as Event).action === 'party.withdraw').map((c) => c.data as Event);
    await h.tap('撤下这条内容');
    await h.tap('确认撤下');
    await waitForText(page.root, '请填写撤下原因');
    expect(withdrawCalls()).toHaveLength(0);
    expect(modals).toHaveLength(2);

    await h.type(h.all('.field__input').at(-1), '活动因天气取消');
    await h.tap('确认撤下');
    await waitForText(page.root, '已撤下，居民看不到');
    expect(modals).toHaveLength(3);
    expect(withdrawCalls().map((e) => e.payload)).toEqual([{ id: 'pp-1', reason: '活动因天气取消' }]);
    expect(page.root.textContent).not.toContain('撤下这条内容');
  });
});

describe('党建内容管理: 修改 (built dist)', () => {
  const calls: Event[] = [];
  const editedAt = '2026-11-23T06:05:00.000Z';
  const day = shanghaiDate(12);
  const deadlineDay = shanghaiDate(10);
  let current: Record<string, unknown> = {
    id: 'pp-2', kind: 'activity', title: '社区党员冬季义诊', publishedAt: '2026-11-20T02:30:00.000Z', likeCount: 2,
    capacity: 30, signupCount: 12, startsAt: `${day}T01:30:00.000Z`, place: '居委会二楼会议室', signupDeadline: `${deadlineDay}T10:00:00.000Z`,
    likedByMe: false, signedUpByMe: false, withdrawn: false, body: '请带好医保卡。', endsAt: `${day}T03:30:00.000Z`, authorName: '张敏', signupOpen: true,
    editedAt: null, scheduleChangedAt: null,
  };
  let page: Page;
  let h: ReturnType<typeof helpers>;
  const edits = () => calls.filter((e) => e.action === 'party.edit');
  const pickerValues = () => h.all('.field__picker').map((n) => n.dom.textContent);
  const invalidFields = () => h.all('.field--invalid').map((n) => n.dom.textContent ?? '');

  beforeAll(async () => {
    requireBuild();
    page = await loadPage('packages/staff/pages/content/party', { id: 'pp-2' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      calls.push(e);
      if (e.action === 'party.get') return { ok: true, data: current };
      if (e.action === 'party.signups') return { ok: true, data: { items: [], nextOffset: null, total: 12, capacity: 30 } };
      if (e.action === 'party.edit') {
        // the server's rule: 名额 never below the 12 already signed up
        if (typeof e.payload.capacity === 'number' && e.payload.capacity < 12) {
          const message = '已有 12 人报名，名额不能少于 12 人';
          return { ok: false, error: { code: 'PARTY_CAPACITY_BELOW_SIGNUPS', message, details: [{ path: 'capacity', message }] } };
        }
        // call() sends the contract's parsed input (instants as Date objects); the reply carries ISO strings
        const changes = Object.fromEntries(Object.entries(e.payload).filter(([k]) => k !== 'id').map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
        current = { ...current, ...changes, editedAt, scheduleChangedAt: editedAt };
        return { ok: true, data: { id: 'pp-2', editedAt } };
      }
      return unknown;
    });
    const wx = (globalThis as Record<string, unknown>).wx as Record<string, unknown>;
    wx.showToast = (o: { success?: (r: object) => void }) => o.success?.({ errMsg: 'showToast:ok' });
    h = helpers(page);
    await waitForText(page.root, '社区党员冬季义诊');
  }, 30_000);

  it('opens the form filled with the post as it is', async () => {
    expect(page.root.textContent).not.toContain('最后修改');
    await h.tap('修改');
    await waitFor(() => h.all('.field__input').length === 3, 'the editor fields');
    // the simulator keeps no value on a built-in <input>; the texts are shown to be the post's by
    // what is sent below (nothing for the fields not touched); the text area counts the post's body
    expect(h.all('.field__count').map((n) => n.dom.textContent)).toEqual([`${'请带好医保卡。'.length}/20000`]);
    expect(pickerValues()).toEqual([day, '09:30', day, '11:30', deadlineDay, '18:00']);
    // the post has an end time: party.edit cannot remove it, so there is nothing to drop it with
    expect(h.all('.btn').some((b) => b.dom.textContent === '不填结束时间')).toBe(false);
  });

  it('sends only the changed field and shows the server refusal at it', async () => {
    await h.type(h.all('.field__input')[2], '10');
    await h.tap('保存修改');
    await waitFor(() => invalidFields().length > 0, 'the refusal at its field');
    expect(invalidFields()).toEqual([expect.stringContaining('已有 12 人报名，名额不能少于 12 人')]);
    expect(invalidFields()[0]).toContain('名额（人）');
    expect(edits().map((e) => e.payload)).toEqual([{ id: 'pp-2', capacity: 10 }]);
  });

  it('refuses an empty title at its field without sending', async () => {
    await h.type(h.all('.field__input')[0], '');
    await h.tap('保存修改');
    await waitForText(page.root, '请填写标题');
    expect(edits()).toHaveLength(1);
    await h.type(h.all('.field__input')[0], '社区党员冬季义诊');
  });

  it('saves place, 名额 and start time, then reloads and shows 最后修改', async () => {
    await h.type(h.all('.field__input')[1], '社区党群服务站');
    await h.type(h.all('.field__input')[2], '40');
    await h.pick([day, '10:00', day, '11:30', deadlineDay, '18:00']);
    await h.tap('保存修改');
    await waitForText(page.root, '最后修改');
    const sent = edits().slice(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toEqual({ id: 'pp-2', place: '社区党群服务站', capacity: 40, startsAt: expect.anything() });
    expect(new Date(sent[0]!.payload.startsAt as string).toISOString()).toBe(`${day}T02:00:00.000Z`);
    const text = page.root.textContent ?? '';
    expect(text).toMatch(/最后修改\s*11月23日 14:05/);
    expect(text).toContain('社区党群服务站');
    expect(text).toContain('名额 40 人');
    expect(h.all('.field__picker')).toHaveLength(0);
    expect(calls.filter((e) => e.action === 'party.get')).toHaveLength(2);
  });
});
