/**
 * The product in a real browser: dev sign-in as the demo resident, and the home page shows her
 * committee's name, read from the database through a cloud function.
 */
import { devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';

const e2e = useProductInBrowser(60_000);

it('shows the signed-in resident her committee', async () => {
  const page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '周阿姨');
  await page.getByText('曹杨一村居民委员会').first().waitFor({ timeout: 30_000 });
  await page.getByText('开发环境').first().waitFor();
  await screenshot(page, 'home-resident');
}, 90_000);

it('tells a first-time user how to begin instead of showing a committee', async () => {
  const page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '新用户');
  await page.getByText(/注册|加入/).first().waitFor({ timeout: 30_000 });
  expect(await page.getByText('曹杨一村居民委员会').count()).toBe(0);
  await screenshot(page, 'home-new-user');
}, 90_000);
