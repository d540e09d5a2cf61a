/**
 * The product in a real browser: dev sign-in as the demo resident, and the home page shows her
 * committee's name, read from the database through a cloud function.
 */
import type { Browser } from 'playwright-core';
import { devSignIn, launchBrowser, phonePage, screenshot } from '../support/browser';
import { startProduct, type RunningProduct } from '../support/product';

let product: RunningProduct;
let browser: Browser;
beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

it('shows the signed-in resident her committee', async () => {
  const page = await phonePage(browser);
  await devSignIn(page, product.url, '周阿姨');
  await page.getByText('曹杨一村居民委员会').first().waitFor({ timeout: 30_000 });
  await page.getByText('开发环境').first().waitFor();
  await screenshot(page, 'home-resident');
}, 90_000);

it('tells a first-time user how to begin instead of showing a committee', async () => {
  const page = await phonePage(browser);
  await devSignIn(page, product.url, '新用户');
  await page.getByText(/注册|加入/).first().waitFor({ timeout: 30_000 });
  expect(await page.getByText('曹杨一村居民委员会').count()).toBe(0);
  await screenshot(page, 'home-new-user');
}, 90_000);
