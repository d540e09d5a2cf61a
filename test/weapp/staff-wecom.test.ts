/**
 * Opening the workbench inside WeCom, in the BUILT mini-program: `wx.qy.login` gives a code,
 * auth.staffLogin exchanges it before anything else is asked; a refusal is shown in plain words
 * with 重试, which asks WeCom for a fresh code.
 */
import { loadBuiltPage, requireBuild, simulatorWx, waitForText, type CloudCall } from './harness';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };
const NOT_STAFF = '您不在本平台的工作人员名单中，或账号已停用，请联系街镇管理员。';

type Event = { action: string; payload: Record<string, unknown> };

describe('workbench sign-in inside WeCom (built dist)', () => {
  const calls: CloudCall[] = [];
  let codes = 0;
  const logins: unknown[] = [
    { ok: false, error: { code: 'STAFF_NOT_FOUND', message: NOT_STAFF } },
    { ok: true, data: { staffId: 'staff-zhangmin', name: '张敏', roles: ['staff'], committee: staffMe.committee, street: null, district: null } },
  ];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    // The simulator defines the global wx; WeCom adds wx.qy to it.
    const wx = simulatorWx();
    wx.qy = { login: ({ success }: { success: (r: { code: string }) => void }) => success({ code: `wecom-code-${++codes}` }) };
    page = await loadBuiltPage('packages/staff/pages/index/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'staffLogin') return logins.shift();
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
  });

  const actions = () => calls.map((c) => (c.data as Event).action);

  it('exchanges the WeCom code first and shows a refusal in plain words, asking nothing else', async () => {
    await waitForText(page.root, NOT_STAFF);
    expect(page.root.textContent).toContain('企业微信登录没有成功');
    expect(calls[0]).toMatchObject({ name: 'auth', data: { action: 'staffLogin', payload: { code: 'wecom-code-1' } } });
    expect(actions()).toEqual(['staffLogin']);
  });

  it('重试 gets a fresh code, signs in, then opens the workbench', async () => {
    page.sim.querySelector('.state--error .btn--primary')!.dispatchEvent('tap');
    await waitForText(page.root, '曹杨一村居民委员会');
    expect(actions()).toEqual(['staffLogin', 'staffLogin', 'me']);
    expect((calls[1]!.data as Event).payload).toEqual({ code: 'wecom-code-2' });
    expect(page.root.textContent).toContain('线上反馈');
  });
});
