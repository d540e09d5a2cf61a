/**
 * A snapshot as an Excel workbook for the acceptance team. Sheet 验收评分 follows the seed 000
 * table (一级指标 / 二级指标 / 验收指标 / 指标内容 / 分值 / 评分标准) with the snapshot's 得分 beside
 * it; 街镇 and 居村委明细 give the breakdown the scores were computed from; 提升建议 lists the hints
 * and the committees holding each indicator back. Pure: the same view gives the same cells; text
 * that starts like a formula is written as text (text-cells.ts).
 */
import ExcelJS from 'exceljs';
import type { SnapshotView } from '@shared/contracts/metrics';
import { INIT_ITEM_LABELS } from '@shared/metrics/checklist';
import { findIndicator } from '@shared/metrics/score';
import type { Rubric } from '@shared/rubric/schema';
import { formulaLikeAsText } from './text-cells';

export const SHEETS = { rubric: '验收评分', streets: '街镇', committees: '居村委明细', hints: '提升建议' } as const;

export const RUBRIC_HEADER = ['一级指标', '二级指标', '验收指标', '指标内容', '分值', '评分标准', '得分', '建议分', '取值', '所在档次', '备注'] as const;
/** first data row of 验收评分: title, window line, blank, header come before it */
export const RUBRIC_FIRST_ROW = 5;

const STATUS: Record<string, string> = { scored: '已评分', pending: '待评定', missing: '缺少数据', notApplicable: '不适用' };
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

type Value = SnapshotView['values'][string];
type Fraction = { num: number; den: number };
const isFraction = (v: Value | undefined): v is Fraction => typeof v === 'object' && v !== null && 'num' in v;
/** A fraction as the number Excel shows with the column's format; nothing to divide by is an empty cell. */
const ratio = (f: Fraction): number | null => (f.den > 0 ? f.num / f.den : null);

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDE8DC' } };
    c.border = BORDER;
  });
}

function title(ws: ExcelJS.Worksheet, text: string, sub: string, columns: number): void {
  ws.mergeCells(1, 1, 1, columns);
  ws.getCell(1, 1).value = text;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns);
  ws.getCell(2, 1).value = sub;
}

/** Merges runs of equal, non-empty cells in a column (the seed's spanning 验收内容 cells). */
function mergeRuns(ws: ExcelJS.Worksheet, col: number, from: number, to: number, key: (r: number) => string): void {
  let start = from;
  for (let r = from + 1; r <= to + 1; r++) {
    if (r <= to && key(r) === key(start) && key(start) !== '') continue;
    if (r - 1 > start) ws.mergeCells(start, col, r - 1, col);
    start = r;
  }
}

function remark(i: SnapshotView['indicators'][number], ignored: SnapshotView['ignoredAssessments']): string {
  const lines: string[] = [STATUS[i.status] ?? i.status];
  if (i.assessed) lines.push(`评估人评定 ${i.assessed.score} 分${i.assessed.by ? `（${i.assessed.by}）` : ''}：${i.assessed.reason}`);
  for (const g of ignored.filter((x) => x.path === i.path)) lines.push(`未采用的评定：${g.why}`);
  return lines.join('\n');
}

function rubricSheet(wb: ExcelJS.Workbook, view: SnapshotView, rubric: Rubric): void {
  const ws = wb.addWorksheet(SHEETS.rubric, { views: [{ state: 'frozen', ySplit: RUBRIC_FIRST_ROW - 1 }] });
  ws.columns = [10, 12, 16, 36, 8, 48, 8, 8, 24, 28, 30].map((width) => ({ width }));
  title(ws, `${rubric.title}（${view.scope.name}）`, `统计时段 ${view.window.from} 至 ${view.window.to}（连续30天，北京时间）；计算时间 ${view.computedAt}；评分规则 ${rubric.id} ${view.rubric.version}；纳入统计居村委 ${view.counted} 个，不纳入 ${view.excluded} 个`, RUBRIC_HEADER.length);
  ws.getRow(RUBRIC_FIRST_ROW - 1).values = [...RUBRIC_HEADER];
  styleHeader(ws.getRow(RUBRIC_FIRST_ROW - 1));
  view.indicators.forEach((i, n) => {
    const node = findIndicator(rubric, i.path);
    const [first, second] = i.groups;
    const row = ws.getRow(RUBRIC_FIRST_ROW + n);
    row.values = [
      first ?? i.label,
      second ?? '',
      i.label,
      node?.points ?? '',
      i.max,
      (node?.criteria ?? []).join('\n'),
      i.score,
      i.proposed,
      i.value ?? '',
      i.band ?? '',
      remark(i, view.ignoredAssessments),
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
  });
  const last = RUBRIC_FIRST_ROW + view.indicators.length - 1;
  const cell = (r: number, c: number) => String(ws.getCell(r, c).value ?? '');
  mergeRuns(ws, 1, RUBRIC_FIRST_ROW, last, (r) => cell(r, 1));
  mergeRuns(ws, 2, RUBRIC_FIRST_ROW, last, (r) => (cell(r, 2) ? `${cell(r, 1)}/${cell(r, 2)}` : ''));
  const total = ws.getRow(last + 1);
  total.values = ['合计', '', '', '', view.max, '', view.total, '', '', '', view.complete ? '' : '尚有待评定或缺少数据的指标'];
  total.font = { bold: true };
  total.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
}

/** Value columns shared by the street and committee sheets: [header, number format]. */
export const VALUE_COLUMNS: [key: string, header: string, numFmt: string][] = [
  ['initCompletionRate', '初始化完成率', '0.00%'],
  ['residentInfoCompletenessRate', '居民信息完善率', '0.00%'],
  ['visitsPerCommittee', '平均月度走访接待', '0.00'],
  ['meetingsPerCommittee', '平均月度会议记录', '0.00'],
  ['activitiesPerCommittee', '平均月度活动开展', '0.00'],
  ['issuesHandledPerCommittee', '平均月度问题处理', '0.00'],
  ['householdCloudRate', '居民家庭上云率', '0.00%'],
];
export const USAGE_LABELS: Record<string, string> = {
  allWithOutcome: '三个栏目均有使用，且有互动与成果',
  allUsed: '三个栏目均有使用',
  oneMissing: '有一个栏目无使用记录',
  twoOrMoreMissing: '两个及以上栏目无使用记录',
};

function streetSheet(wb: ExcelJS.Workbook, view: SnapshotView): void {
  const ws = wb.addWorksheet(SHEETS.streets);
  const header = ['街镇', '纳入统计居村委', ...VALUE_COLUMNS.map(([, h]) => h), '使用情况', '街镇得分'];
  ws.columns = header.map((h) => ({ width: Math.max(10, h.length * 2 + 2) }));
  title(ws, `${view.scope.name} 各街镇情况`, `统计时段 ${view.window.from} 至 ${view.window.to}；街镇得分按本街镇居村委计算，不含评估人评定项`, header.length);
  ws.getRow(4).values = header;
  styleHeader(ws.getRow(4));
  view.streets.forEach((s, n) => {
    const row = ws.getRow(5 + n);
    const usage = s.values.interactiveUsage;
    row.values = [s.name, s.counted, ...VALUE_COLUMNS.map(([k]) => { const v = s.values[k]; return isFraction(v) ? ratio(v) : null; }), typeof usage === 'string' ? (USAGE_LABELS[usage] ?? usage) : '', s.total];
    VALUE_COLUMNS.forEach(([, , fmt], c) => { row.getCell(3 + c).numFmt = fmt; });
    row.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
  });
}

export const COMMITTEE_HEADER = ['街镇', '居村委', '区划代码', '是否纳入验收', '初始化', '未完成的初始化项', '居民信息完善率', '完善人数', '人员总数', '走访接待', '会议记录', '活动开展', '问题处理', '家庭上云率', '上云户数', '人口库户数', '党建园地', '议事厅', '社区公告', '议事厅成果', '公告查阅或留言'] as const;

function committeeSheet(wb: ExcelJS.Workbook, view: SnapshotView): void {
  const ws = wb.addWorksheet(SHEETS.committees, { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  ws.columns = COMMITTEE_HEADER.map((h) => ({ width: Math.max(10, h.length * 2 + 2) }));
  title(ws, `${view.scope.name} 居村委明细`, `统计时段 ${view.window.from} 至 ${view.window.to}；走访接待含居民确认的首问接待`, COMMITTEE_HEADER.length);
  ws.getRow(4).values = [...COMMITTEE_HEADER];
  styleHeader(ws.getRow(4));
  const streetName = new Map(view.streets.map((s) => [s.id, s.name]));
  const yes = (b: boolean) => (b ? '有' : '无');
  view.rows.forEach((r, n) => {
    const row = ws.getRow(5 + n);
    row.values = [
      streetName.get(r.streetId) ?? (view.scope.level === 'street' ? view.scope.name : ''),
      r.name,
      r.code,
      r.exclusion ? `不纳入：${r.exclusion.reason}（${r.exclusion.confirmedBy} ${r.exclusion.confirmedAt}）` : '纳入',
      r.initGaps.length === 0 ? '已完成' : '未完成',
      r.initGaps.map((g) => INIT_ITEM_LABELS[g]).join('、'),
      ratio(r.completeness),
      r.completeness.num,
      r.completeness.den,
      r.visits,
      r.meetings,
      r.activities,
      r.issuesHandled,
      ratio(r.cloud),
      r.cloud.num,
      r.cloud.den,
      yes(r.columns.party),
      yes(r.columns.topics),
      yes(r.columns.notices),
      yes(r.topicOutcome),
      yes(r.noticeInteraction),
    ];
    row.getCell(7).numFmt = '0.00%';
    row.getCell(14).numFmt = '0.00%';
    row.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
  });
}

function hintSheet(wb: ExcelJS.Workbook, view: SnapshotView): void {
  const ws = wb.addWorksheet(SHEETS.hints);
  ws.columns = [{ width: 22 }, { width: 60 }, { width: 60 }];
  title(ws, `${view.scope.name} 提升建议`, '达到更高档次还需要什么，以及拖后腿的居村委（差距大的在前）', 3);
  ws.getRow(4).values = ['指标', '达到下一档', '需要提升的居村委'];
  styleHeader(ws.getRow(4));
  const paths = [...new Set([...view.hints.map((h) => h.path), ...Object.keys(view.holdingBack)])];
  const label = (p: string) => view.indicators.find((i) => i.path === p)?.label ?? view.hints.find((h) => h.path === p)?.label ?? p;
  paths.forEach((p, n) => {
    const row = ws.getRow(5 + n);
    row.values = [label(p), view.hints.filter((h) => h.path === p).map((h) => h.text).join('\n'), (view.holdingBack[p] ?? []).map((c) => `${c.name}：${c.detail}`).join('\n')];
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
  });
}

export function buildWorkbook(view: SnapshotView, rubric: Rubric): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社区云';
  wb.created = new Date(view.computedAt);
  rubricSheet(wb, view, rubric);
  if (view.streets.length) streetSheet(wb, view);
  committeeSheet(wb, view);
  hintSheet(wb, view);
  formulaLikeAsText(wb);
  return wb;
}

/** e.g. 测试区_验收评分_2026-10-08至2026-11-06.xlsx */
export function exportFileName(view: Pick<SnapshotView, 'scope' | 'window'>): string {
  return `${view.scope.name}_验收评分_${view.window.from}至${view.window.to}.xlsx`;
}
