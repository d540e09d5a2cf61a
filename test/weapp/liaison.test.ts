/**
 * The liaison dashboard in the BUILT mini-program (run `npm run build:weapp` first): the district
 * liaison's 统计 page reads the district's snapshots, opens the latest one and renders every
 * indicator of the stubbed snapshot envelope with its score, band, next-band hint and the
 * committees holding it back, the trend in words, and the streets to drill into.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadBuiltPage, requireBuild, waitForText, WEAPP_DIST, type CloudCall } from './harness';

const districtMe = { signedIn: true, displayName: '赵云', roles: ['district_liaison'], committee: null, street: null, district: { id: 'district-t', name: '测试区' } };
const scope = { level: 'district', id: 'district-t', districtId: 'district-t', name: '测试区' };

const brief = (path: string, label: string, score: number, max: number, status = 'scored') => ({ path, label, score, max, status });
const indicators = [
  { ...brief('initCompletion', '初始化完成情况', 25, 30), groups: ['社区治理平台', '数据初始化'], proposed: 25, band: '80% ≤ 初始化完成率 < 100% → 评分区间 20–29分', value: '初始化完成率 = 90%', assessed: null },
  { ...brief('visits', '工作记录-走访接待', 2, 4), groups: ['社区治理平台', '功能应用'], proposed: 2, band: '5次 ≤ 区平均月度走访量 < 10次 → 评分区间 2–3分', value: '区平均月度走访量 = 6次', assessed: null },
  { ...brief('innovation', '规范与创新', 0, 10, 'pending'), groups: [], proposed: null, band: null, value: null, assessed: null },
];
const summary = (id: string, to: string, total: number, computedAt: string) => ({
  id,
  scope,
  window: { from: '2026-10-08', to },
  rubric: { id: 'shequyun-acceptance', version: '1.0.0' },
  inputHash: `hash-${id}`,
  total,
  max: 100,
  complete: false,
  computedAt,
  computedBy: 'staff-zhaoyun',
  indicators: indicators.map((i) => brief(i.path, i.label, i.score, i.max, i.status)),
});
const latest = summary('snap-2', '2026-11-06', 27, '2026-11-07T02:00:00.000Z');
const older = { ...summary('snap-1', '2026-11-05', 21, '2026-11-06T02:00:00.000Z'), window: { from: '2026-10-07', to: '2026-11-05' } };
const fraction = (num: number, den: number) => ({ num, den });
const row = (committeeId: string, name: string, streetId: string) => ({
  committeeId, name, streetId, code: '310199001001', exclusion: null, initGaps: [], profileGaps: [], completeness: fraction(9, 10), cloud: fraction(1, 10),
  visits: 6, meetings: 2, activities: 1, issuesHandled: 1, columns: { party: true, topics: true, notices: true }, topicOutcome: true, noticeInteraction: true, eventClosure: fraction(1, 1),
});
const view = {
  ...latest,
  viewer: 'liaison',
  values: { initCompletionRate: fraction(9, 10), visitsPerCommittee: fraction(60, 10) },
  counted: 10,
  excluded: 1,
  indicators,
  hints: [{ path: 'visits', label: '工作记录-走访接待', need: 40, text: '还需 40 次走访接待记录，可达到“区平均月度走访量 ≥ 10次（4分）”', toBand: { index: 0, text: '区平均月度走访量 ≥ 10次 → 4分' } }],
  holdingBack: { visits: [{ committeeId: 'c-2', name: '甲二居委', shortfall: 8, detail: '还需 8 次走访接待记录' }, { committeeId: 'c-1', name: '甲一居委', shortfall: 4, detail: '还需 4 次走访接待记录' }] },
  rows: [row('c-1', '甲一居委', 's-1'), row('c-2', '甲二居委', 's-1')],
  streets: [{ id: 's-1', name: '甲街道', counted: 10, values: {}, total: 27 }],
  ignoredAssessments: [],
  grid: {},
};

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

describe('liaison district dashboard (built dist)', () => {
  const calls: CloudCall[] = [];
  let page: Awaited<ReturnType<typeof loadBuiltPage>>;

  beforeAll(async () => {
    requireBuild();
    page = await loadBuiltPage('packages/liaison/pages/index/index', (name, data) => {
      calls.push({ name, data });
      const e = data as Event;
      if (name === 'auth' && e.action === 'me') return { ok: true, data: districtMe };
      if (name === 'metrics' && e.action === 'listSnapshots') return { ok: true, data: { items: [latest, older], nextOffset: null } };
      if (name === 'metrics' && e.action === 'getSnapshot') return { ok: true, data: view };
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
    });
    await waitForText(page.root, '工作记录-走访接待');
  });
  // the simulator has no canvas, so the chart keeps looking for one: leave the page to stop it
  afterAll(() => page.sim.detach());

  const metrics = () => calls.filter((c) => c.name === 'metrics').map((c) => c.data as Event);

  it("reads the liaison's own district and opens its latest snapshot, computing nothing", () => {
    expect(metrics().map((e) => e.action)).toEqual(['listSnapshots', 'getSnapshot']);
    expect(metrics()[0]!.payload).toMatchObject({ scope: { level: 'district', id: 'district-t' } });
    expect(metrics()[1]!.payload).toEqual({ id: 'snap-2' });
  });

  it('shows the window of the latest snapshot and the district total', () => {
    const text = page.root.textContent ?? '';
    expect(text).toContain('10月8日至11月6日');
    expect(text).toContain('纳入统计 10 个居村委，不纳入 1 个');
    expect(text).toMatch(/27\s*\/ 100 分/);
  });

  it('renders every indicator with score, band, value, hint and who holds it back', () => {
    const text = page.root.textContent ?? '';
    for (const i of indicators) expect(text).toContain(i.label);
    expect(text).toContain('25 / 30 分');
    expect(text).toContain('2 / 4 分');
    expect(text).toContain('0 / 10 分');
    expect(text).toContain('所在档次：80% ≤ 初始化完成率 < 100% → 评分区间 20–29分');
    expect(text).toContain('区平均月度走访量 = 6次');
    expect(text).toContain('还需 40 次走访接待记录');
    expect(text).toContain('拖后腿的居村委：甲二居委、甲一居委');
    expect(text).toContain('待评估人评定');
    // grouped under the rubric's 一级指标
    expect(text).toContain('社区治理平台');
  });

  it('flags indicators under 60% of their maximum', () => {
    const short = (page.sim as unknown as { querySelectorAll(s: string): { dom: HTMLElement }[] }).querySelectorAll('.ind--short');
    expect(short.map((n) => (n.dom.textContent ?? '').slice(0, 12))).toEqual([expect.stringContaining('走访接待'), expect.stringContaining('规范与创新')]);
  });

  it('says the trend in words under the chart, and lists the streets to drill into', () => {
    const text = page.root.textContent ?? '';
    expect(text).toContain('共 2 个统计时段，从 21 分到 27 分');
    expect(text).toContain('甲街道');
    expect(text).toContain('街镇得分 27 分');
  });

  it('ships the chart library in the liaison subpackage, not the main package', () => {
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as { subPackages: { root: string; pages: string[] }[] };
    expect(app.subPackages.find((p) => p.root === 'packages/liaison')?.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/scope/index', 'pages/indicator/index', 'pages/committee/index', 'pages/assess/index']));
    const mainJs = fs.readdirSync(WEAPP_DIST).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(WEAPP_DIST, f), 'utf8'));
    expect(mainJs.some((t) => t.includes('f-engine') || t.includes('px2hd'))).toBe(false);
    let size = 0;
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else size += fs.statSync(p).size;
      }
    };
    walk(path.join(WEAPP_DIST, 'packages/liaison'));
    expect(size).toBeLessThan(2 * 1024 * 1024);
    expect(fs.readFileSync(path.join(WEAPP_DIST, 'packages/liaison/sub-vendors.js'), 'utf8')).toContain('px2hd');
  });
});
