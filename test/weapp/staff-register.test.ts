/**
 * 人口库导入 in the BUILT mini-program (run `npm run build:weapp` first), with wx.chooseMessageFile,
 * wx.cloud.uploadFile and wx.cloud.callFunction stubbed by action: a refused file lists its
 * row-numbered issues, errors first; an accepted file, after one failed attempt retried with the
 * same request id (and no second upload), is driven through continueImport to done, with the
 * progress bar on the way and the exact counts at the end. (登记码与核对: staff-register-codes.test.ts,
 * one built page per file.)
 */
import { loadBuiltPage, requireBuild, simulatorWx, waitForText, type CloudCall } from './harness';

const staffMe = { signedIn: true, displayName: '王丽', roles: ['secretary', 'staff'], uploadDir: 'committees/c-1/o-wangli', committee: { id: 'c-1', name: '曹杨一村居民委员会' }, street: null, district: null };

type Event = { action: string; payload: Record<string, unknown>; requestId: string };
type SimNode = { dom: HTMLElement; dispatchEvent(name: string, detail?: object): void };
type Sim = { querySelectorAll(s: string): SimNode[] };

const summary = (over: Record<string, number>) => ({ rows: 21, households: 8, persons: 20, completePersons: 12, errors: 0, incomplete: 0, notices: 0, ...over });

const refused = {
  accepted: false,
  summary: summary({ errors: 3, incomplete: 2, notices: 1 }),
  issues: [
    { code: 'ID_LOSSY_NUMBER', severity: 'error', row: 10, message: '第 10 行：公民身份号码被表格存成了数字（3.10104199E+17），请把这一列设为文本后重新填写' },
    { code: 'NAME_MISSING', severity: 'error', row: 12, message: '姓名不能为空' },
    { code: 'HOUSEHOLD_NO_HEAD', severity: 'error', row: 21, message: '第 21 行：这一户没有户主' },
    { code: 'ID_CHECK_DIGIT', severity: 'incomplete', row: 8, message: '第 8 行：公民身份号码校验位不正确' },
    { code: 'PHONE_INVALID', severity: 'incomplete', row: 13, message: '第 13 行：联系电话格式不正确' },
    { code: 'COLUMN_UNKNOWN', severity: 'notice', row: null, message: '以下列不认识，已忽略：备注' },
  ],
  issuesTruncated: false,
  job: null,
};

const counts = {
  households: { created: 2, updated: 3, unchanged: 25, removed: 1 },
  persons: { created: 5, updated: 4, unchanged: 76, movedOut: 2 },
};
const progress = (status: 'running' | 'done', done: number, withCounts = false) => ({ jobId: 'job-7', status, done, total: 450, persons: 1200, completePersons: 1068, counts: withCounts ? counts : null });
const accepted = { accepted: true, summary: summary({ rows: 1201, households: 450, persons: 1200, completePersons: 1068, incomplete: 1 }), issues: [refused.issues[3]], issuesTruncated: false, job: progress('running', 0) };

describe('staff register import (built dist)', () => {
  const calls: CloudCall[] = [];
  const importReplies: unknown[] = [
    { ok: true, data: refused },
    { ok: false, error: { code: 'INTERNAL', message: '服务器暂时忙，请稍后再试' } },
    { ok: true, data: accepted },
  ];
  let releaseLast!: () => void;
  const lastGate = new Promise<void>((r) => { releaseLast = r; });
  const continueReplies: (() => unknown)[] = [
    () => ({ ok: true, data: progress('running', 200) }),
    async () => { await lastGate; return { ok: true, data: progress('done', 450, true) }; },
  ];
  const files = [
    { path: 'wxfile://tmp/register-errors.csv', name: '人口库-有错.csv', size: 2048, type: 'file', time: 1 },
    { path: 'wxfile://tmp/register.xlsx', name: '人口库.xlsx', size: 40960, type: 'file', time: 2 },
  ];
  const uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string; filePath: string }) => ({ fileID: `cloud://env/${cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }));
  const chooseMessageFile = jest.fn((o: { success: (r: object) => void; count: number; type: string; extension: string[] }) => o.success({ errMsg: 'chooseMessageFile:ok', tempFiles: [files.shift()] }));
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    // before app.js: Taro binds the platform APIs that exist when it starts; the simulator defines `wx`
    simulatorWx().chooseMessageFile = chooseMessageFile;
    page = await loadBuiltPage('packages/staff/pages/register/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: staffMe };
      if (name === 'household' && e.action === 'importRegister') return importReplies.shift();
      if (name === 'household' && e.action === 'continueImport') return continueReplies.shift()?.();
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    (page.cloud as Record<string, unknown>).uploadFile = uploadFile;
  });

  const householdCalls = (action: string) => calls.filter((c) => c.name === 'household' && (c.data as Event).action === action).map((c) => c.data as Event);
  const button = (text: string) => {
    const found = (page.sim as unknown as Sim).querySelectorAll('.btn').find((b) => (b.dom.textContent ?? '').trim() === text);
    if (!found) throw new Error(`no button "${text}"; rendered: ${(page.root.textContent ?? '').slice(0, 300)}`);
    return found;
  };
  const tap = (text: string) => button(text).dispatchEvent('tap');

  it('a refused file lists its issues by row, errors first, and says nothing was imported', async () => {
    await waitForText(page.root, '导入本地人口库');
    tap('选择文件（从聊天记录）');
    await waitForText(page.root, '已选择：人口库-有错.csv');
    expect(chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ count: 1, type: 'file', extension: ['csv', 'xlsx'] }));
    tap('开始导入');
    await waitForText(page.root, '没有导入任何数据');

    const text = page.root.textContent ?? '';
    expect(text).toContain('文件有 3 处错误');
    expect(text).toContain('第 12 行：姓名不能为空'); // a message without its row gets one
    const issues = (page.sim as unknown as Sim).querySelectorAll('.issue').map((n) => n.dom.textContent ?? '');
    expect(issues).toEqual([
      refused.issues[0]!.message,
      '第 12 行：姓名不能为空',
      '第 21 行：这一户没有户主',
      '第 8 行：公民身份号码校验位不正确',
      '第 13 行：联系电话格式不正确',
      '以下列不认识，已忽略：备注',
    ]);
    const errorsAt = text.indexOf('必须改正的错误');
    expect(errorsAt).toBeGreaterThan(-1);
    expect(errorsAt).toBeLessThan(text.indexOf('信息不完整'));
    expect(text).not.toContain('导入完成');

    expect(uploadFile).toHaveBeenCalledTimes(1);
    expect(uploadFile.mock.calls[0]![0].filePath).toBe('wxfile://tmp/register-errors.csv');
    const [first] = householdCalls('importRegister');
    expect(first!.payload).toEqual({ fileID: expect.stringMatching(/^cloud:\/\/env\/committees\/c-1\/o-wangli\/\d{4}-\d{2}\//), filename: '人口库-有错.csv', mode: 'full' });
    expect(householdCalls('continueImport')).toHaveLength(0);
  }, 20_000);

  it('an accepted file is retried with the same request id, driven to done with progress, and ends with the counts', async () => {
    tap('重新选择文件');
    await waitForText(page.root, '已选择：人口库.xlsx');
    expect(page.root.textContent).not.toContain('没有导入任何数据');
    tap('开始导入');
    await waitForText(page.root, '服务器暂时忙，请稍后再试');
    tap('再试一次');

    // the first continueImport answered 200 of 450; the second is held until checked
    await waitForText(page.root, '已导入 200 / 450 户（44%）');
    expect(page.root.textContent).toContain('正在导入…');
    const bar = (page.sim as unknown as Sim).querySelectorAll('.progress__bar')[0];
    expect(bar?.dom.getAttribute('style') ?? '').toContain('44%');
    releaseLast();

    await waitForText(page.root, '导入完成');
    await waitForText(page.root, '已导入 450 / 450 户（100%）');
    const table = (page.sim as unknown as Sim).querySelectorAll('.counts__row').map((n) => (n.dom.textContent ?? '').replace(/\s+/g, ''));
    expect(table).toEqual(['新增户2', '更新户3', '没有变化的户25', '移出人口库的户1', '新增人员5', '更新人员4', '没有变化的人员76', '迁出人员2', '信息完整的人员1068/1200']);
    expect(() => button('开始导入')).toThrow(); // importing it again needs choosing it again
    // the incomplete rows of an accepted file are still listed
    expect(page.root.textContent).toContain('第 8 行：公民身份号码校验位不正确');

    const imports = householdCalls('importRegister');
    expect(imports).toHaveLength(3);
    expect(imports[2]!.requestId).toBe(imports[1]!.requestId); // the retry of one submission
    expect(imports[1]!.requestId).not.toBe(imports[0]!.requestId); // another file, another submission
    expect(imports[2]!.payload).toEqual(imports[1]!.payload); // the same upload, not a second one
    expect(imports[1]!.payload.filename).toBe('人口库.xlsx');
    expect(uploadFile).toHaveBeenCalledTimes(2);
    expect(householdCalls('continueImport').map((e) => e.payload)).toEqual([{ jobId: 'job-7' }, { jobId: 'job-7' }]);
  }, 20_000);
});
