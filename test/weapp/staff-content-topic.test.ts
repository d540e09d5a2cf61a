/**
 * The staff page of one 议事厅 topic in the BUILT mini-program (`content/topic?id=`), against a
 * stubbed `content` function that keeps the topic's stage: a proposed topic is opened after a
 * confirmation (topic.open), the discussing topic's outcome form refuses a missing field without
 * sending and then sends topic.conclude, the concluded topic shows its outcome and 添加跟进 sends
 * topic.followUp; each step reads the topic again. A second page shows a TOPIC_STAGE refusal
 * (a colleague concluded first) and then the colleague's outcome.
 */
import { flush, waitFor, waitForText, waitForValue } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Page = Awaited<ReturnType<typeof loadPage>>;

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const ROUTE = 'packages/staff/pages/content/topic';

const poll = (votes: [number, number], voters: number) => ({
  question: '扶手装在哪一侧？',
  mode: 'single',
  options: [{ id: 'o1', text: '靠墙一侧', votes: votes[0] }, { id: 'o2', text: '两侧都装', votes: votes[1] }],
  voters,
  myChoices: null,
  canVote: false,
});

const topicBase = {
  title: '3号楼楼道加装扶手',
  proposer: { kind: 'resident', name: '周**', mine: false },
  hasPoll: true,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  description: '楼里老人多，上下楼不方便，建议加装扶手。',
  outcome: null,
  declineReason: null,
};

const comment = { id: 'cm-1', text: '支持，最好两侧都装。', author: { kind: 'resident', name: '王**', mine: false }, createdAt: '2026-11-21T03:00:00.000Z', hidden: false };

/** wx.showModal answers 确定 unless `answer.confirm` says otherwise */
function stubWx(answer = { confirm: true }) {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const showModal = jest.fn((o: { success?: (r: object) => void }) => o.success?.({ confirm: answer.confirm, cancel: !answer.confirm }));
  wx.showModal = showModal;
  wx.showToast = jest.fn((o: { success?: () => void }) => o.success?.());
  return { showModal };
}

/** 2026-11-24 → 2026年11月24日, as the outcome lists a follow-up */
const formatDay = (date: string) => date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

function helpers(page: Page, events: Event[]) {
  const sim = page.sim as unknown as { querySelector(s: string): SimNode | undefined; querySelectorAll(s: string): SimNode[] };
  const el = (selector: string) => {
    const found = sim.querySelector(selector);
    if (!found) throw new Error(`no element ${selector}`);
    return found;
  };
  const sent = (action: string) => events.filter((e) => e.action === action);
  return { sim, el, all: (s: string) => sim.querySelectorAll(s), sent, text: () => page.root.textContent ?? '' };
}

describe('staff topic page: proposed → discussing → concluded → followed up (built dist)', () => {
  const events: Event[] = [];
  // the topic as the stubbed server holds it
  let topic: Record<string, unknown> = { id: 't-1', stage: 'proposed', ...topicBase, poll: poll([0, 0], 0) };
  let page: Page;
  let h: ReturnType<typeof helpers>;
  let showModal: jest.Mock;
  const answer = { confirm: true };

  beforeAll(async () => {
    page = await loadPage(ROUTE, { id: 't-1' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name !== 'content') return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
      events.push(e);
      switch (e.action) {
        case 'topic.get':
          return { ok: true, data: topic };
        case 'comment.list':
          return { ok: true, data: { items: [comment], nextOffset: null } };
        case 'comment.setHidden':
          return { ok: true, data: { id: e.payload.id, hidden: e.payload.hidden } };
        case 'topic.setPoll':
          return { ok: true, data: { id: 't-1' } };
        case 'topic.open':
          topic = { ...topic, stage: 'discussing', poll: poll([7, 5], 12), updatedAt: '2026-11-22T02:00:00.000Z' };
          return { ok: true, data: { id: 't-1', stage: 'discussing' } };
        case 'topic.conclude': {
          const o = e.payload.outcome as Record<string, string>;
          topic = { ...topic, stage: 'concluded', outcome: { ...o, decidedAt: '2026-11-23T06:00:00.000Z', followUps: [] } };
          return { ok: true, data: { id: 't-1', stage: 'concluded' } };
        }
        case 'topic.followUp': {
          const outcome = topic.outcome as { followUps: unknown[] };
          const entry = { text: e.payload.text, status: e.payload.status, date: e.payload.date, recordedAt: '2026-11-24T01:00:00.000Z' };
          topic = { ...topic, stage: 'followed_up', outcome: { ...outcome, followUps: [...outcome.followUps, entry] } };
          return { ok: true, data: { id: 't-1', stage: 'followed_up', followUps: outcome.followUps.length + 1 } };
        }
        default:
          return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
      }
    });
    ({ showModal } = stubWx(answer));
    h = helpers(page, events);
    await waitForText(page.root, '3号楼楼道加装扶手');
  });

  it('shows the proposed topic: stage, proposer, description, poll, comments with moderation', async () => {
    expect(h.sent('topic.get')[0]!.payload).toEqual({ id: 't-1' });
    const text = h.text();
    expect(text).toContain('待讨论');
    expect(text).toContain('居民周** 于');
    expect(text).toContain('楼里老人多，上下楼不方便');
    expect(text).toContain('投票：扶手装在哪一侧？');
    expect(text).toContain('开放讨论后居民才能投票');
    expect(text).toContain('修改投票');
    await waitForText(page.root, '支持，最好两侧都装。');
    expect(h.sent('comment.list')[0]!.payload).toMatchObject({ target: { type: 'topic', id: 't-1' } });
    // no outcome form or follow-up form yet
    expect(text).not.toContain('形成议事结果');
    expect(text).not.toContain('添加跟进');
  });

  it('hides a comment through comment.setHidden', async () => {
    const hide = h.all('.btn').find((b) => b.dom.textContent === '隐藏这条留言');
    if (!hide) throw new Error('no 隐藏这条留言 button');
    hide.dispatchEvent('tap');
    await waitForText(page.root, '已隐藏，居民看不到');
    expect(h.sent('comment.setHidden')[0]!.payload).toEqual({ id: 'cm-1', hidden: true });
  });

  it('changes the poll while proposed through topic.setPoll', async () => {
    h.el('#topic-poll-open').dispatchEvent('tap');
    await waitForText(page.root, '保存投票');
    // the editor starts from the current poll; add a third option
    const add = h.all('.btn').find((b) => b.dom.textContent === '添加选项');
    if (!add) throw new Error('no 添加选项 button');
    add.dispatchEvent('tap');
    await waitFor(() => h.all('.rform__input').length === 4, 'a third option field');
    const third = h.all('.rform__input')[3]!;
    third.dispatchEvent('input', { detail: { value: '先装一侧试试' } });
    await waitForValue(page, third, '先装一侧试试');
    h.el('#topic-poll-save').dispatchEvent('tap');
    await waitFor(() => h.sent('topic.setPoll').length === 1, 'topic.setPoll');
    expect(h.sent('topic.setPoll')[0]!.payload).toEqual({ id: 't-1', poll: { question: '扶手装在哪一侧？', mode: 'single', options: ['靠墙一侧', '两侧都装', '先装一侧试试'] } });
    await waitForText(page.root, '投票已保存');
  });

  it('sends nothing when the confirmation is declined', async () => {
    answer.confirm = false;
    h.el('#topic-open').dispatchEvent('tap');
    await waitFor(() => showModal.mock.calls.length === 1, 'the confirmation');
    await flush();
    expect(h.sent('topic.open')).toHaveLength(0);
    expect(h.text()).toContain('待讨论');
    answer.confirm = true;
  });

  it('opens discussion after a confirmation and reads the topic again', async () => {
    const reads = h.sent('topic.get').length;
    h.el('#topic-open').dispatchEvent('tap');
    await waitFor(() => h.sent('topic.open').length === 1, 'topic.open');
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(h.sent('topic.open')[0]!.payload).toEqual({ id: 't-1' });
    await waitForText(page.root, '形成议事结果');
    expect(h.sent('topic.get').length).toBe(reads + 1);
    const text = h.text();
    expect(text).toContain('讨论中');
    expect(text).toContain('已开放讨论');
    // staff see the counts while residents vote
    expect(text).toContain('共 12 人投票');
    expect(text).toContain('7 票');
    expect(text).toContain('5 票');
    expect(text).not.toContain('修改投票');
  });

  it('refuses an outcome without its decision and sends nothing', async () => {
    h.el('.field__input').dispatchEvent('input', { detail: { value: '楼组长周阿姨、物业' } });
    await waitForValue(page, h.el('.field__input'), '楼组长周阿姨、物业');
    h.el('#topic-conclude').dispatchEvent('tap');
    await waitForText(page.root, '请填写议定事项');
    expect(h.all('.field--invalid')).toHaveLength(1);
    expect(h.sent('topic.conclude')).toHaveLength(0);
    // checked before asking: no confirmation for a form that cannot be sent
    expect(showModal).toHaveBeenCalledTimes(2);
  });

  it('concludes with decision, actor and due date, then shows the outcome', async () => {
    h.el('.field__textarea').dispatchEvent('input', { detail: { value: '两侧都装不锈钢扶手，物业出资。' } });
    // the due-date picker starts a month ahead (Shanghai calendar); choose another day
    const start = new Date(`${h.el('.field__picker').dom.textContent}T12:00:00+08:00`).getTime();
    expect(Math.round((start - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(29);
    expect(Math.round((start - Date.now()) / 86_400_000)).toBeLessThanOrEqual(31);
    // the picker's change bubbles from what the picker shows
    h.el('.field__picker').dispatchEvent('change', { detail: { value: '2027-01-15' }, bubbles: true, composed: true });
    await waitForText(page.root, '2027-01-15');
    h.el('#topic-conclude').dispatchEvent('tap');
    await waitFor(() => h.sent('topic.conclude').length === 1, 'topic.conclude');
    expect(showModal).toHaveBeenCalledTimes(3);
    const e = h.sent('topic.conclude')[0]!;
    expect(e.payload).toEqual({
      id: 't-1',
      outcome: { decision: '两侧都装不锈钢扶手，物业出资。', actor: '楼组长周阿姨、物业', dueDate: '2027-01-15' },
    });
    expect(e.requestId).toMatch(/^[0-9a-f]{32}$/);

    await waitForText(page.root, '议事结果已保存');
    await waitForText(page.root, '添加跟进');
    const text = h.text();
    expect(text).toContain('已形成结果');
    expect(text).toContain('议定事项两侧都装不锈钢扶手，物业出资。');
    expect(text).toContain('由谁负责楼组长周阿姨、物业');
    expect(text).toContain('完成时间2027年1月15日前');
    expect(text).toContain('议定日期2026年11月23日');
    expect(text).toContain('还没有跟进记录');
    expect(text).not.toContain('保存议事结果');
  });

  it('records a follow-up with text, status and date and lists it', async () => {
    const statuses = h.all('.choice__item');
    expect(statuses.map((s) => s.dom.textContent)).toEqual(['进行中', '已完成', '已延期']);
    // an empty text is refused by the contract without sending
    h.el('#topic-follow-up').dispatchEvent('tap');
    await waitForText(page.root, '请填写跟进情况');
    expect(h.sent('topic.followUp')).toHaveLength(0);

    h.el('.field__textarea').dispatchEvent('input', { detail: { value: '扶手材料已到，下周一开工。' } });
    statuses[2]!.dispatchEvent('tap');
    await waitFor(() => h.sim.querySelector('.choice__item--on')?.dom.textContent === '已延期', 'choosing 已延期');
    h.el('#topic-follow-up').dispatchEvent('tap');
    await waitFor(() => h.sent('topic.followUp').length === 1, 'topic.followUp');
    const e = h.sent('topic.followUp')[0]!;
    expect(e.payload).toEqual({ id: 't-1', text: '扶手材料已到，下周一开工。', status: 'delayed', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // the date starts at today (Shanghai)
    expect(e.payload.date).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

    await waitForText(page.root, '跟进情况已记录');
    await waitForText(page.root, '扶手材料已到，下周一开工。');
    expect(h.text()).toContain('落实跟进');
    expect(h.all('.rcomment__who').map((w) => w.dom.textContent)).toContain(`${formatDay(e.payload.date as string)} · 已延期`);
  });
});

describe('staff topic page: a colleague concluded first (built dist)', () => {
  const events: Event[] = [];
  let page: Page;
  let h: ReturnType<typeof helpers>;
  let concludedByColleague = false;
  const discussing = { id: 't-2', stage: 'discussing', ...topicBase, poll: poll([3, 1], 4) };
  const concluded = {
    ...discussing,
    stage: 'concluded',
    outcome: { decision: '先装靠墙一侧，明年再议另一侧。', actor: '物业公司', dueDate: '2026-12-31', decidedAt: '2026-11-23T02:00:00.000Z', followUps: [] },
  };

  beforeAll(async () => {
    page = await loadPage(ROUTE, { id: 't-2' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      events.push(e);
      if (e.action === 'topic.get') return { ok: true, data: concludedByColleague ? concluded : discussing };
      if (e.action === 'comment.list') return { ok: true, data: { items: [], nextOffset: null } };
      if (e.action === 'topic.conclude') {
        concludedByColleague = true;
        return { ok: false, error: { code: 'TOPIC_STAGE', message: '只有讨论中的议题可以形成成果' } };
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    stubWx();
    h = helpers(page, events);
    await waitForText(page.root, '形成议事结果');
  });

  it('shows the TOPIC_STAGE refusal, then the outcome the colleague saved', async () => {
    h.el('.field__textarea').dispatchEvent('input', { detail: { value: '两侧都装。' } });
    h.el('.field__input').dispatchEvent('input', { detail: { value: '居委会' } });
    await waitForValue(page, h.el('.field__textarea'), '两侧都装。');
    await waitForValue(page, h.el('.field__input'), '居委会');
    h.el('#topic-conclude').dispatchEvent('tap');
    await waitForText(page.root, '只有讨论中的议题可以形成成果');
    expect(h.sent('topic.conclude')).toHaveLength(1);
    expect(h.text()).toContain('查看议题的最新状态');
    // the form stays as typed until the user looks again
    expect(h.text()).toContain('保存议事结果');

    const reads = h.sent('topic.get').length;
    const again = h.all('.btn').find((b) => b.dom.textContent === '查看议题的最新状态');
    if (!again) throw new Error('no 查看议题的最新状态 button');
    again.dispatchEvent('tap');
    await waitForText(page.root, '先装靠墙一侧，明年再议另一侧。');
    expect(h.sent('topic.get').length).toBe(reads + 1);
    expect(h.text()).toContain('物业公司');
    expect(h.text()).toContain('2026年12月31日前');
    expect(h.text()).not.toContain('保存议事结果');
    expect(h.text()).toContain('添加跟进');
  });
});

describe('staff topic page: declining a proposal (built dist)', () => {
  it('refuses an empty reason at the field without asking, then asks, sends topic.decline and shows the reason', async () => {
    const events: Event[] = [];
    let topic: Record<string, unknown> = { id: 't-3', stage: 'proposed', ...topicBase, poll: null, hasPoll: false };
    const page = await loadPage(ROUTE, { id: 't-3' }, (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      events.push(e);
      if (e.action === 'topic.get') return { ok: true, data: topic };
      if (e.action === 'comment.list') return { ok: true, data: { items: [], nextOffset: null } };
      if (e.action === 'topic.decline') {
        topic = { ...topic, stage: 'declined', declineReason: e.payload.reason };
        return { ok: true, data: { id: 't-3', stage: 'declined' } };
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    const { showModal } = stubWx();
    const h = helpers(page, events);
    await waitForText(page.root, '3号楼楼道加装扶手');
    h.el('#topic-decline-start').dispatchEvent('tap');
    await waitForText(page.root, '确认不予讨论');
    h.el('#topic-decline').dispatchEvent('tap');
    await waitForText(page.root, '请填写不予讨论的原因');
    expect(showModal).not.toHaveBeenCalled();
    expect(h.sent('topic.decline')).toHaveLength(0);

    const reason = '与「3号楼加装电梯」议题重复，请在该议题中发表意见。';
    const reasonField = h.all('.field__textarea').at(-1)!;
    reasonField.dispatchEvent('input', { detail: { value: reason } });
    await waitForValue(page, reasonField, reason);
    h.el('#topic-decline').dispatchEvent('tap');
    await waitFor(() => h.sent('topic.decline').length === 1, 'topic.decline');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(h.sent('topic.decline')[0]!.payload).toEqual({ id: 't-3', reason });
    await waitForText(page.root, '未采纳');
    expect(h.text()).toContain('不予讨论的原因');
    expect(h.text()).toContain(reason);
    expect(h.text()).not.toContain('开放讨论');
  });
});
