/**
 * The claim page (家庭登记) of the BUILT mini-program (run `npx taro build --type weapp` first),
 * in miniprogram-simulate with wx.cloud stubbed: it renders the committee the server names,
 * refuses an incomplete form field by field without calling the server, submits the four details,
 * shows the server's generic refusal with the way to ask the committee, and on a match opens
 * 我的家庭.
 */
import { loadBuiltPage, requireBuild, waitFor, waitForText } from './harness';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const me = {
  signedIn: true,
  displayName: null,
  roles: [],
  committee: { id: 'committee-test', name: '测试居委会' },
  street: { id: 's-test', name: '测试街道' },
  district: { id: 'd-test', name: '测试区' },
};

const household = {
  committee: { id: 'committee-test', name: '测试居委会' },
  building: '晨曦路100弄8号',
  room: '404',
  onCloud: true,
  onCloudAt: '2026-11-23T02:00:00.000Z',
  verifiedCount: 1,
  via: 'claim',
  members: [{ name: '徐子轩', relation: '户主', isMe: true, verified: true }],
};

jest.setTimeout(15_000);

describe('weapp claim page (built dist)', () => {
  const claims: Event[] = [];
  let answer: () => unknown;
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;
  let redirectTo: jest.Mock;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('pages/signup/claim', (name, data) => {
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: me };
      if (name === 'household' && e.action === 'claim') {
        claims.push(e);
        return answer();
      }
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    redirectTo = jest.fn((o: { success?: () => void }) => o.success?.());
    wx.redirectTo = redirectTo;
  });

  const input = (id: string, value: string) => {
    const el = page.sim.querySelector(`#claim-${id}`);
    if (!el) throw new Error(`no field #claim-${id}`);
    el.dispatchEvent('input', { detail: { value } });
  };
  const submit = () => page.sim.querySelector('#claim-submit')!.dispatchEvent('tap');

  it('renders the form for the committee the server names', async () => {
    await waitForText(page.root, '核对并登记');
    expect(page.root.textContent).toContain('测试居委会');
    expect(page.root.textContent).toContain('身份证号码的后六位');
  });

  it('names each missing field and sends nothing', async () => {
    submit();
    await waitForText(page.root, '请填写楼号');
    expect(page.root.textContent).toContain('请填写室号');
    expect(page.root.textContent).toContain('请填写姓名');
    expect(claims).toHaveLength(0);
  });

  it('submits the four details and shows the generic refusal with 请居委会核对', async () => {
    answer = () => ({ ok: false, error: { code: 'HOUSEHOLD_CLAIM_FAILED', message: '没有找到相符的登记信息。请核对楼号、室号、姓名和身份证号后六位；确认无误的，可以点「请居委会核对」。' } });
    input('building', '晨曦路100弄8号');
    input('room', '404');
    input('name', '徐子轩');
    input('idSuffix', '09305x');
    // typing clears each field's message once the page has re-rendered with the new values
    await waitFor(() => !(page.root.textContent ?? '').includes('请填写'), 'the field messages to clear');
    submit();
    await waitForText(page.root, '没有找到相符的登记信息');
    expect(page.root.textContent).toContain('请居委会核对');
    expect(claims).toHaveLength(1);
    expect(claims[0]!.payload).toEqual({ committeeId: 'committee-test', building: '晨曦路100弄8号', room: '404', name: '徐子轩', idSuffix: '09305x' });
  });

  it('opens 我的家庭 when the details match', async () => {
    answer = () => ({ ok: true, data: household });
    input('idSuffix', '093053');
    await waitFor(() => !(page.root.textContent ?? '').includes('没有找到相符的登记信息'), 'the refusal to clear');
    submit();
    await waitFor(() => redirectTo.mock.calls.length > 0, 'redirect to 我的家庭');
    expect(claims[1]!.payload).toMatchObject({ idSuffix: '093053' });
    expect(redirectTo.mock.calls[0]![0]).toMatchObject({ url: '/pages/household/index' });
  });
});
