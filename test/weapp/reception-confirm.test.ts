/**
 * 首问接待 scan-to-confirm in the BUILT mini-program (run `npm run build:weapp` first): the page
 * opened by the staff device's QR reads the token (as `token`, or inside the scanned URL `q`),
 * shows what previewReception returns, confirms with confirmReception, and turns the server's
 * refusals into what to do next.
 */
import fs from 'node:fs';
import path from 'node:path';
import { requireBuild, waitFor, waitForText, WEAPP_DIST } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type Calls = { name: string; event: Event }[];

const ROUTE = 'pages/reception/confirm';
// tokens are 32–64 base64url chars (the contract refuses anything else before sending)
const TOKEN = 'abcDEF0123456789_-ghijklmnopqrstu';

const ok = (data: unknown) => ({ ok: true, data });
const fail = (code: string, message: string) => ({ ok: false, error: { code, message } });
const reception = (confirmed = false) => ({
  committeeName: '梅园居委会',
  staffName: '张敏',
  at: '2026-11-23T02:30:00.000Z',
  category: 'service',
  matter: '办理居住证明需要带哪些材料',
  outcome: '已告知所需材料，并约好周三上午来办',
  confirmed,
});

function open(query: Record<string, string>, reply: (e: Event) => unknown) {
  const calls: Calls = [];
  const page = loadPage(ROUTE, query, (name, data) => {
    const event = data as Event;
    calls.push({ name, event });
    return reply(event);
  });
  return { page, calls };
}

describe('weapp reception confirm page (built dist)', () => {
  it('is a main-package page', () => {
    requireBuild();
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as { pages: string[] };
    expect(app.pages).toContain(ROUTE);
  });

  it('opened with ?token=: previews that token, shows the matter, and 确认 confirms it', async () => {
    const { page: loading, calls } = open({ token: TOKEN }, (e) => (e.action === 'previewReception' ? ok(reception()) : e.action === 'confirmReception' ? ok(reception(true)) : fail('UNKNOWN_ACTION', '不支持的操作')));
    const page = await loading;
    await waitForText(page.root, '办理居住证明需要带哪些材料');
    const text = page.root.textContent ?? '';
    expect(text).toContain('梅园居委会');
    expect(text).toContain('张敏');
    expect(text).toContain('2026年11月23日 10:30');
    expect(text).toContain('已告知所需材料');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'worklog', event: { action: 'previewReception', payload: { token: TOKEN } } });

    const button = page.sim.querySelector('.btn--primary');
    expect(button?.dom.textContent).toBe('确认');
    button!.dispatchEvent('tap');
    await waitForText(page.root, '已确认，谢谢您');
    expect(calls.map((c) => c.event.action)).toEqual(['previewReception', 'confirmReception']);
    expect(calls[1]!.event.payload).toEqual({ token: TOKEN });
  });

  it('opened from a scanned plain-URL QR (?q=<encoded URL>): takes the token out of the URL', async () => {
    const q = encodeURIComponent(`https://shequyun.local/r/reception?token=${TOKEN}`);
    const { page: loading, calls } = open({ q, scancode_time: '1763865000' }, () => ok(reception()));
    const page = await loading;
    await waitForText(page.root, '办理居住证明需要带哪些材料');
    expect(calls[0]!.event).toMatchObject({ action: 'previewReception', payload: { token: TOKEN } });
  });

  it('an expired token shows the server message and what to do, with no 确认 button', async () => {
    const { page: loading, calls } = open({ token: TOKEN }, () => fail('RECEPTION_TOKEN_EXPIRED', '二维码已过期，请让工作人员刷新后再扫'));
    const page = await loading;
    await waitForText(page.root, '二维码已过期，请让工作人员刷新后再扫');
    expect(page.root.textContent).toContain('再扫一次新的二维码');
    expect(page.root.textContent).not.toContain('办理居住证明');
    expect(page.sim.querySelector('.btn--primary')).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('a token used up while the page was open: 确认 shows that it is already confirmed', async () => {
    const { page: loading, calls } = open({ token: TOKEN }, (e) => (e.action === 'previewReception' ? ok(reception()) : fail('RECEPTION_TOKEN_USED', '此二维码已使用，接待已确认')));
    const page = await loading;
    await waitForText(page.root, '办理居住证明需要带哪些材料');
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '这次接待已经确认过了');
    expect(page.root.textContent).toContain('此二维码已使用');
    expect(calls.map((c) => c.event.action)).toEqual(['previewReception', 'confirmReception']);
  });

  it('not signed in with consent: offers the privacy notice page, and asks again on coming back', async () => {
    let consented = false;
    const { page: loading, calls } = open({ token: TOKEN }, () => (consented ? ok(reception()) : fail('UNAUTHENTICATED', '请先登录并同意隐私说明后再确认')));
    const page = await loading;
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const navigateTo = jest.fn((o: { success?: () => void }) => o.success?.());
    wx.navigateTo = navigateTo;
    await waitForText(page.root, '请先同意隐私说明');
    page.sim.querySelector('.btn--primary')!.dispatchEvent('tap');
    await waitFor(() => navigateTo.mock.calls.length > 0, 'open the consent page');
    expect(navigateTo.mock.calls[0]![0]).toMatchObject({ url: '/pages/signup/index' });

    // the resident agrees there and comes back: the page shows again (onShow) and previews anew
    consented = true;
    (page.sim as unknown as { instance: { onShow(): void } }).instance.onShow();
    await waitForText(page.root, '办理居住证明需要带哪些材料');
    expect(calls.map((c) => c.event.action)).toEqual(['previewReception', 'previewReception']);
  });

  it('a malformed token (e.g. "abc") is refused before anything is sent', async () => {
    const { page: loading, calls } = open({ token: 'abc' }, () => ok(reception()));
    const page = await loading;
    await waitForText(page.root, '二维码无效，请让工作人员重新出示');
    expect(page.root.textContent).toContain('二维码无法识别');
    expect(calls).toHaveLength(0);
  });
});
