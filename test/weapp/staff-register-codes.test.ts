/**
 * 登记码与核对 in the BUILT mini-program (run `npm run build:weapp` first): a one-time code issued
 * by 户编号 is shown large with its address; an empty 户编号 is refused by the contract before
 * sending; residents' open check requests are listed and 标记为已处理 resolves one and reloads.
 */
import { loadBuiltPage, requireBuild, waitForGone, waitForText, waitForValue, type CloudCall } from './harness';

const staffMe = { signedIn: true, displayName: '张敏', roles: ['staff'], committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Sim = { querySelectorAll(s: string): SimNode[] };

const check = (id: string, name: string, over: Record<string, unknown> = {}) => ({ id, building: '晨曦路100弄2号', room: '301', name, note: '我是户主的女儿', status: 'open', createdAt: '2026-11-20T02:30:00.000Z', ...over });

describe('staff household codes and check requests (built dist)', () => {
  const calls: CloudCall[] = [];
  const checkPages: unknown[] = [
    { ok: true, data: { items: [check('k-1', '顾小梅'), check('k-2', '李建国', { note: '' })], nextOffset: null } },
    { ok: true, data: { items: [check('k-2', '李建国', { note: '' })], nextOffset: null } },
  ];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/staff/pages/register/codes', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'household' && e.action === 'issueCode') return { ok: true, data: { code: 'K7M3QX9P', expiresAt: '2026-11-24T04:00:00.000Z', building: '晨曦路100弄2号', room: '301' } };
      if (name === 'household' && e.action === 'listChecks') return checkPages.shift();
      if (name === 'household' && e.action === 'resolveCheck') return { ok: true, data: { resolved: true } };
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
  });

  const householdCalls = (action: string) => calls.filter((c) => c.name === 'household' && (c.data as Event).action === action).map((c) => c.data as Event);
  const nodes = (sel: string) => (page.sim as unknown as Sim).querySelectorAll(sel);
  const tap = (text: string) => {
    const b = nodes('.btn').find((n) => (n.dom.textContent ?? '').trim() === text);
    if (!b) throw new Error(`no button "${text}"`);
    b.dispatchEvent('tap');
  };

  it('refuses an empty 户编号 at the field without calling, then shows the issued code large', async () => {
    await waitForText(page.root, '发登记码');
    tap('生成登记码');
    await waitForText(page.root, '请填写户编号');
    expect(householdCalls('issueCode')).toHaveLength(0);

    const input = nodes('.field__input')[0]!;
    input.dispatchEvent('input', { detail: { value: '3101040510001' } });
    await waitForValue(page, input, '3101040510001');
    tap('生成登记码');
    await waitForText(page.root, 'K7M3QX9P');
    expect(nodes('.claim-code')[0]?.dom.textContent).toBe('K7M3QX9P');
    expect(page.root.textContent).toContain('户编号 3101040510001（晨曦路100弄2号 301）');
    expect(page.root.textContent).toMatch(/有效期至 .*11.*24.*只能用一次/);
    expect(householdCalls('issueCode').map((e) => e.payload)).toEqual([{ householdId: '3101040510001' }]);
  }, 20_000);

  it('lists the open check requests and resolves one, then reloads the list', async () => {
    await waitForText(page.root, '顾小梅');
    expect(page.root.textContent).toContain('我是户主的女儿');
    expect(householdCalls('listChecks')[0]!.payload).toEqual({ status: 'open', offset: 0, limit: 20 });
    const first = nodes('.item').find((n) => (n.dom.textContent ?? '').includes('顾小梅'))!;
    const resolve = nodes('.item .btn').find((b) => first.dom.contains(b.dom))!;
    resolve.dispatchEvent('tap');
    await waitForGone(page.root, '顾小梅');
    expect(householdCalls('resolveCheck').map((e) => e.payload)).toEqual([{ id: 'k-1' }]);
    expect(householdCalls('listChecks')).toHaveLength(2);
    expect(page.root.textContent).toContain('李建国');
  }, 20_000);
});
