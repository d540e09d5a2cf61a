/**
 * 人员管理 in the BUILT mini-program (run `npx taro build --type weapp` first), as a district
 * liaison: the directory renders with roles and active state; 停用 asks for confirmation and
 * sends admin.setStaffActive only when confirmed; a FORBIDDEN envelope shows its message; a
 * refused import lists the server's row-numbered errors and a corrected paste is sent as rows.
 */
import { flush, loadBuiltPage, requireBuild, waitFor, waitForGone, waitForText, waitForValue, type CloudCall } from './harness';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const liaisonMe = { signedIn: true, displayName: '周联络', roles: ['district_liaison'], committee: null, street: null, district: { id: 'd-1', name: '普陀区' } };
const member = (id: string, name: string, roles: string[], over: Record<string, unknown> = {}) => ({ id, userId: id, name, roles, committeeId: 'c-1', streetId: 's-1', districtId: 'd-1', active: true, bound: true, ...over });
const zhang = member('zhangmin', '张敏', ['staff']);
const li = member('lishuji', '李书记', ['staff', 'secretary'], { bound: false });
const chen = member('chenlian', '陈联络', ['street_liaison'], { committeeId: null });

describe('staff directory as a district liaison (built dist)', () => {
  const calls: CloudCall[] = [];
  const state = new Map([zhang, li, chen].map((s) => [s.id, { ...s }]));
  const toggleReplies: ((e: Event) => unknown)[] = [
    (e) => {
      const s = state.get(e.payload.staffId as string)!;
      s.active = e.payload.active as boolean;
      return { ok: true, data: { staff: s } };
    },
    () => ({ ok: false, error: { code: 'FORBIDDEN', message: '只能管理本区的人员' } }),
  ];
  const importReplies: unknown[] = [
    {
      ok: false,
      error: {
        code: 'STAFF_IMPORT_INVALID',
        message: '导入的表格有错误，没有导入任何人员',
        details: { errors: [{ row: 3, field: 'roles', message: '第 3 行：未知角色「组长」' }, { row: 4, field: 'regionCode', message: '第 4 行：请填写12位居委会代码' }] },
      },
    },
    { ok: true, data: { created: 3, replayed: false } },
  ];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;
  let confirmAnswer = false;
  const showModal = jest.fn((o: { success?: (r: object) => void }) => o.success?.({ confirm: confirmAnswer, cancel: !confirmAnswer }));

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/liaison/pages/staff/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: liaisonMe };
      if (name === 'admin' && e.action === 'listStaff') {
        const items = [...state.values()].filter((s) => s.active || e.payload.includeInactive);
        return { ok: true, data: { items, nextOffset: null, total: items.length, grantableRoles: ['staff', 'secretary', 'street_liaison'] } };
      }
      if (name === 'admin' && e.action === 'setStaffActive') return toggleReplies.shift()!(e);
      if (name === 'admin' && e.action === 'importStaff') return importReplies.shift();
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = showModal;
  });

  const sent = (action: string) => calls.filter((c) => c.name === 'admin' && (c.data as Event).action === action).map((c) => c.data as Event);
  const all = (selector: string) => (page.sim as unknown as { querySelectorAll(s: string): { dom: HTMLElement; dispatchEvent(n: string, d?: object): void }[] }).querySelectorAll(selector);
  const rowOf = (name: string) => {
    const row = all('.staff-row').find((r) => (r.dom.textContent ?? '').includes(name));
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  };
  const buttonIn = (name: string, cls: string) => {
    const index = all('.staff-row').findIndex((r) => (r.dom.textContent ?? '').includes(name));
    const button = all(cls)[index];
    if (index < 0 || !button) throw new Error(`no ${cls} for ${name}`);
    return button;
  };

  it('lists the staff with roles and state, and offers management', async () => {
    await waitForText(page.root, '张敏');
    const text = page.root.textContent ?? '';
    expect(text).toContain('普陀区');
    expect(text).toContain('共 3 人');
    expect(rowOf('李书记').dom.textContent).toContain('社工、书记');
    expect(rowOf('李书记').dom.textContent).toContain('尚未在企业微信登录');
    expect(rowOf('陈联络').dom.textContent).toContain('街镇联络员');
    expect(rowOf('张敏').dom.textContent).toContain('在职');
    expect(text).toContain('新增人员');
    expect(text).toContain('批量导入人员');
    expect(sent('listStaff')[0]!.payload).toMatchObject({ includeInactive: false, offset: 0, limit: 20 });
  });

  it('does not deactivate when the confirmation is cancelled', async () => {
    confirmAnswer = false;
    buttonIn('张敏', '.staff-row__toggle').dispatchEvent('tap');
    await waitFor(() => showModal.mock.calls.length === 1, 'the confirmation');
    await flush();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(sent('setStaffActive')).toHaveLength(0);
  });

  it('deactivates after confirmation with setStaffActive and reloads the list', async () => {
    confirmAnswer = true;
    const lists = sent('listStaff').length;
    buttonIn('张敏', '.staff-row__toggle').dispatchEvent('tap');
    await waitFor(() => sent('listStaff').length > lists, 'the list read again');
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(sent('setStaffActive').map((e) => e.payload)).toEqual([{ staffId: 'zhangmin', active: false }]);
    await waitForGone(page.root, '张敏');
    expect(page.root.textContent).not.toContain('张敏');
    expect(page.root.textContent).toContain('共 2 人');
  });

  it('shows the FORBIDDEN message of a refused change', async () => {
    buttonIn('陈联络', '.staff-row__toggle').dispatchEvent('tap');
    await waitForText(page.root, '只能管理本区的人员');
    expect(rowOf('陈联络').dom.textContent).toContain('只能管理本区的人员');
    expect(sent('setStaffActive')).toHaveLength(2);
  });

  it('shows a refused import by row number, and sends the pasted rows with their line numbers', async () => {
    const importButton = all('.btn--entry').find((b) => b.dom.textContent === '批量导入人员')!;
    importButton.dispatchEvent('tap');
    await waitForText(page.root, '粘贴表格');
    const paste = '企业微信账号\t姓名\t角色\t所属区域代码\nwangli\t王丽\t社工\t310107001001\nzhaoxu\t赵旭\t组长\t310107001001\nqianhua\t钱华\t书记\t3101\n';
    page.sim.querySelector('#import-text')!.dispatchEvent('input', { detail: { value: paste } });
    await waitForText(page.root, '读到 3 人（已跳过表头）');
    page.sim.querySelector('#import-submit')!.dispatchEvent('tap');
    await waitForText(page.root, '第 3 行：未知角色「组长」');
    expect(page.root.textContent).toContain('第 4 行：请填写12位居委会代码');
    expect(page.root.textContent).toContain('整批没有导入');
    const [first] = sent('importStaff');
    expect(first!.payload.rows).toEqual([
      { rowNumber: 2, userId: 'wangli', name: '王丽', roles: '社工', regionCode: '310107001001' },
      { rowNumber: 3, userId: 'zhaoxu', name: '赵旭', roles: '组长', regionCode: '310107001001' },
      { rowNumber: 4, userId: 'qianhua', name: '钱华', roles: '书记', regionCode: '3101' },
    ]);

    const corrected = paste.replace('组长', '社工').replace('\t3101\n', '\t310107001002\n');
    page.sim.querySelector('#import-text')!.dispatchEvent('input', { detail: { value: corrected } });
    await waitForValue(page, page.sim.querySelector('#import-text')!, corrected);
    page.sim.querySelector('#import-submit')!.dispatchEvent('tap');
    await waitForText(page.root, '已导入 3 人');
    expect(sent('importStaff')).toHaveLength(2);
  });
});
