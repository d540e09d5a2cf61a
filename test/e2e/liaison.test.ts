/**
 * The liaison dashboard in a real browser on the H5 build, over the demo district (普陀区) the
 * product seeds: the district snapshot is computed through the metrics action as 赵云, then 赵云
 * (dev sign-in) opens 统计, sees every indicator with the district total, drills into 曹杨新村街道
 * down to its committees, comes back and exports the snapshot — the downloaded .xlsx is read back
 * and carries the district's total.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { compute, getSnapshot, type SnapshotView } from '@shared/contracts/metrics';
import { demoDistrict } from '../../localcloud/seed/demo-district';
import { collection } from '../../cloudfunctions/_kit/store';
import { ok } from '../support/local-cloud';
import { devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';
import { ZHAOYUN } from '../support/demo-identities';

const DISTRICT = demoDistrict.district;
const STREET = demoDistrict.streets[0]!; // 曹杨新村街道
// a 1×1 transparent PNG: the evidence photo
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const ROW_OF_TOTAL = (view: SnapshotView) => 5 + view.indicators.length; // 验收评分: title, window, blank, header, indicators, 合计

let view: SnapshotView;
let page: Page;

const e2e = useProductInBrowser(90_000);
beforeAll(async () => {
  const out = ok(await e2e.product.call(ZHAOYUN, compute, { scope: { level: 'district', id: DISTRICT._id } }));
  if (out.status !== 'done') throw new Error(out.message);
  view = ok(await e2e.product.call(ZHAOYUN, getSnapshot, { id: out.snapshot.id }));
}, 90_000);

it('赵云 opens 统计 on his district: total, window and every indicator', async () => {
  page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '赵云');
  await page.goto(`${e2e.product.url}/#/packages/liaison/pages/index/index`);
  await page.getByText('初始化完成情况').first().waitFor({ timeout: 30_000 });
  await page.getByText(`${DISTRICT.name} · `).first().waitFor();
  for (const i of view.indicators) await page.getByText(i.label, { exact: true }).first().waitFor();
  expect(await page.locator('.dash__score').first().textContent()).toBe(String(view.total));
  // F2 drew the trend into the page's <canvas> (some pixel is no longer transparent)
  await page.waitForFunction(() => {
    const c = document.querySelector('[id^="liaison-trend"] canvas') as HTMLCanvasElement | null;
    if (!c || c.width === 0) return false;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
    return false;
  }, undefined, { timeout: 15_000 });
  await screenshot(page, 'liaison-district');
}, 90_000);

it('drills into a street down to its committees', async () => {
  await page.getByText(STREET.name, { exact: true }).first().click();
  await page.getByText('街镇统计不含评估人评定的项目').first().waitFor({ timeout: 30_000 });
  for (const c of demoDistrict.committees.filter((x) => x.streetId === STREET._id)) await page.getByText(c.name, { exact: true }).first().waitFor();
  await screenshot(page, 'liaison-street');
  await page.goBack();
  await page.getByText(`${DISTRICT.name} · `).first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'liaison-back');
}, 90_000);

it('exports the snapshot as an Excel file with the district total', async () => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByText('导出 Excel 表格', { exact: true }).click()]);
  await page.getByText('已生成：').first().waitFor({ timeout: 30_000 });
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('验收评分')!;
  expect(ws.getCell(1, 1).value).toBe(`“社区云”平台推广验收指标（${DISTRICT.name}）`);
  expect([ws.getCell(ROW_OF_TOTAL(view), 1).value, ws.getCell(ROW_OF_TOTAL(view), 7).value]).toEqual(['合计', view.total]);
  expect(wb.getWorksheet('居村委明细')!.getCell(5, 2).value).toBe(view.rows[0]!.name);
}, 90_000);

it('enters an assessor score for 规范与创新 with a photo as evidence, and the district total takes it', async () => {
  await page.locator('.ind', { hasText: '规范与创新' }).first().click();
  await page.getByText('指标内容').first().waitFor({ timeout: 30_000 });
  await page.getByText('录入评定', { exact: true }).first().click();
  await page.getByText('保存评定').first().waitFor({ timeout: 30_000 });
  await page.locator('.field__input input').first().fill('7');
  await page.locator('textarea').first().fill('试点推进快，已查看区里的总结材料');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('拍照或选择图片').first().click()]);
  await chooser.setFiles({ name: 'pilot.png', mimeType: 'image/png', buffer: PNG_1PX });
  await page.locator('.files__item').first().waitFor({ timeout: 30_000 });
  await page.getByText('保存评定').first().click();
  // back on the dashboard, recomputed with the entry
  await page.getByText('评估人评定 7 分').first().waitFor({ timeout: 60_000 });
  expect(await page.locator('.dash__score').first().textContent()).toBe(String((view.total ?? 0) + 7));
  await screenshot(page, 'liaison-assessed');
  const entry = await collection(e2e.product.db, 'metrics_assessments').first({ path: 'innovation' });
  expect(entry).toMatchObject({ score: 7, evidence: [expect.stringMatching(/^cloud:\/\//)] });
}, 120_000);
