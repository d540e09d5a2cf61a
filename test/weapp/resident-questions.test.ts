/**
 * Asking the committee in the BUILT mini-program: a submit whose reply is lost and the user's
 * second tap carry one requestId (the server then creates one question); a content-check refusal
 * is shown with its reason and the text stays for editing. Then rating, once, after a confirm.
 */
import { waitFor, waitForText } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const question = (over: Record<string, unknown> = {}) => ({
  id: 'q-1',
  content: '小区什么时候加装电梯？',
  askedAt: '2026-11-20T01:00:00.000Z',
  dueAt: '2026-11-21T01:00:00.000Z',
  status: 'open',
  overdue: false,
  replies: [],
  rating: null,
  canRate: false,
  staffDetails: null,
  ...over,
});

function wxStub() {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const redirectTo = jest.fn((o: { success?: () => void }) => o.success?.());
  wx.redirectTo = redirectTo;
  wx.showToast = jest.fn((o: { success?: () => void }) => o.success?.());
  const showModal = jest.fn((o: { success?: (r: object) => void }) => o.success?.({ confirm: true, cancel: false }));
  wx.showModal = showModal;
  return { redirectTo, showModal };
}

describe('weapp ask page (built dist)', () => {
  it('keeps one requestId across a lost reply and the user retrying, then opens the question', async () => {
    const asks: Event[] = [];
    const page = await loadPage('pages/questions/ask', {}, (_name, data) => {
      const e = data as Event;
      asks.push(e);
      // the first submit and the transport's own retry never get an answer
      if (asks.length <= 2) throw { errMsg: 'cloud.callFunction:fail network error' };
      return { ok: true, data: { question: question() } };
    });
    const { redirectTo } = wxStub();
    await waitForText(page.root, '有什么事想问居委会');
    page.sim.querySelector('.rform__textarea')!.dispatchEvent('input', { detail: { value: '小区什么时候加装电梯？' } });
    await waitForText(page.root, '11/500');

    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '网络连接失败');
    expect(asks).toHaveLength(2);

    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitFor(() => redirectTo.mock.calls.length > 0, 'redirect to the question');
    expect(asks).toHaveLength(3);
    expect(asks.map((a) => a.action)).toEqual(['ask', 'ask', 'ask']);
    expect(asks[0]!.payload).toEqual({ content: '小区什么时候加装电梯？' });
    expect(new Set(asks.map((a) => a.requestId)).size).toBe(1);
    expect(redirectTo.mock.calls[0]![0]).toMatchObject({ url: '/pages/questions/detail?id=q-1' });
  });

  it('shows the content check\'s reason and keeps the text', async () => {
    const page = await loadPage('pages/questions/ask', {}, () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '内容包含不适宜的文字，请修改后再提交' } }));
    wxStub();
    await waitForText(page.root, '有什么事想问居委会');
    page.sim.querySelector('.rform__textarea')!.dispatchEvent('input', { detail: { value: '这是一段会被拒绝的话' } });
    await waitForText(page.root, '10/500');
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '内容包含不适宜的文字，请修改后再提交');
    expect(page.root.textContent).toContain('10/500');
  });
});

describe('weapp question detail (built dist)', () => {
  it('shows the answer and rates it once, after the resident confirms', async () => {
    const calls: Event[] = [];
    const answered = question({
      status: 'answered',
      replies: [{ id: 'r1', staffName: '张敏', text: '方案已通过初审，预计明年开工。', at: '2026-11-20T05:00:00.000Z', complete: true }],
      canRate: true,
    });
    const page = await loadPage('pages/questions/detail', { id: 'q-1' }, (_name, data) => {
      const e = data as Event;
      calls.push(e);
      if (e.action === 'getQuestion') return { ok: true, data: { question: answered } };
      return { ok: true, data: { question: { ...answered, canRate: false, rating: { satisfied: true, at: '2026-11-20T06:00:00.000Z' } } } };
    });
    const { showModal } = wxStub();
    await waitForText(page.root, '方案已通过初审，预计明年开工。');
    expect(calls[0]).toMatchObject({ action: 'getQuestion', payload: { id: 'q-1' } });
    expect(page.root.textContent).toContain('您对答复满意吗？');

    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '我的评价');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(calls[1]).toMatchObject({ action: 'rate', payload: { questionId: 'q-1', satisfied: true } });
    expect(page.root.textContent).not.toContain('您对答复满意吗？');
  });
});
