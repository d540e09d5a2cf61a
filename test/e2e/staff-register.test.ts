/**
 * 人口库导入 in a real browser on the H5 build, as the secretary 王丽 (dev sign-in): the sample
 * file with errors is uploaded through the page's file input and refused with its row-numbered
 * issues, errors first; then the valid sample is uploaded and imported to the end. The demo seed
 * has already imported that same file into her committee, so every household and person comes
 * back unchanged, and nothing is created, moved out or removed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buttonNamed, devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';

const SAMPLES = path.join(__dirname, '..', '..', 'docs', 'samples');

let page: Page;
const e2e = useProductInBrowser(60_000);

/** Taro's H5 buttons are custom elements without the button role: find them by class and exact text. */
const tap = (text: string) => buttonNamed(page, text).click();

it('王丽 uploads the file with errors and sees its issues by row, errors first; nothing is imported', async () => {
  page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '王丽');
  await page.goto(`${e2e.product.url}/#/packages/staff/pages/register/index`);
  await page.reload();
  await page.getByText('导入本地人口库').first().waitFor({ timeout: 30_000 });

  await page.locator('input[type=file]').setInputFiles(path.join(SAMPLES, 'register-sample-errors.csv'));
  await page.getByText('已选择：register-sample-errors.csv').waitFor();
  await tap('开始导入');
  await page.getByText('没有导入任何数据').first().waitFor({ timeout: 30_000 });

  const issues = await page.locator('.issue').allTextContents();
  const errors = await page.locator('.issue--error').allTextContents();
  expect(errors.length).toBeGreaterThan(0);
  // errors come first, each naming its row: row 10 is the ID a spreadsheet stored as a number
  expect(issues.slice(0, errors.length)).toEqual(errors);
  for (const line of errors) expect(line).toMatch(/^第 [\d、]+ 行/);
  expect(errors.some((l) => l.startsWith('第 10 行'))).toBe(true);
  // a wrong check digit (row 8) only makes the person incomplete
  expect((await page.locator('.issue--incomplete').allTextContents()).some((l) => l.startsWith('第 8 行'))).toBe(true);
  await expect(page.getByText('导入完成').count()).resolves.toBe(0);
  await screenshot(page, 'staff-register-refused');
}, 120_000);

it('the valid sample imports to the end and, already imported by the demo seed, comes back unchanged', async () => {
  await page.locator('input[type=file]').setInputFiles(path.join(SAMPLES, 'register-sample.csv'));
  await page.getByText('已选择：register-sample.csv').waitFor();
  await expect(page.getByText('没有导入任何数据').count()).resolves.toBe(0);
  await tap('开始导入');
  await page.getByText('导入完成').first().waitFor({ timeout: 60_000 });
  await page.getByText('已导入 30 / 30 户（100%）').waitFor();

  const rows = (await page.locator('.counts__row').allTextContents()).map((t) => t.replace(/\s+/g, ''));
  expect(rows.slice(0, 8)).toEqual(['新增户0', '更新户0', '没有变化的户30', '移出人口库的户0', '新增人员0', '更新人员0', '没有变化的人员85', '迁出人员0']);
  expect(rows[8]).toMatch(/^信息完整的人员\d+\/85$/);
  await screenshot(page, 'staff-register-done');
}, 120_000);
