/**
 * Family sign-up in a real browser on the H5 build: 新用户 opens the app, accepts the privacy
 * notice, finds her committee, claims a household of the sample register (imported by the demo
 * seed's seedHousehold through the import code path) and sees 我的家庭 with the others masked;
 * then, as the verified resident she now is, reads a notice, comments, votes and shares; a
 * neighbour opens her share from a group chat, and the read and the group are recorded.
 */
import type { Page } from 'playwright-core';
import { devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';
import { commentOnNotice, openSharedNoticeFromGroup, readWaterNotice, shareNotice, voteInLiftTopic } from '../support/resident-steps';
import { NEW_USER, ZHOU } from '../support/demo-identities';

let sharedId: string | undefined;

const e2e = useProductInBrowser(90_000);
beforeAll(async () => {
  // the whole demo seed, including the sample register imported by seedHousehold
}, 90_000);

/** Taro's H5 Input is a custom element wrapping a native input. */
async function fill(page: Page, id: string, value: string) {
  await page.locator(`#${id} input, input#${id}`).first().fill(value);
}

it('takes a new user from the privacy notice to her household', async () => {
  const page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '新用户');

  await page.getByText('开始家庭登记（上云）').first().click({ timeout: 30_000 });
  await page.getByText('个人信息保护指引').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'signup-notice');
  await page.getByText('同意并开始登记').first().click();

  await fill(page, 'committee-q', '曹杨一');
  await page.getByText('查找居委会').first().click();
  await page.getByText('曹杨一村居民委员会（曹杨新村街道）').first().click({ timeout: 30_000 });

  await fill(page, 'claim-building', '晨曦路100弄8号');
  await fill(page, 'claim-room', '404');
  await fill(page, 'claim-name', '徐子轩');
  await fill(page, 'claim-idSuffix', '093054');
  await page.getByText('核对并登记').first().click();
  await page.getByText('没有找到相符的登记信息').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'signup-claim-refused');

  await fill(page, 'claim-idSuffix', '093053');
  await page.getByText('核对并登记').first().click();
  await page.getByText('徐子轩（我）').first().waitFor({ timeout: 30_000 });
  await page.getByText(/已上云/).first().waitFor();
  expect(await page.getByText('顾**').count()).toBeGreaterThan(0);
  expect(await page.getByText('顾凤英').count()).toBe(0);
  await screenshot(page, 'signup-household');
}, 120_000);

it('lets her, now verified, read a notice, comment, vote in a topic and share the notice', async () => {
  const page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '新用户');
  await readWaterNotice(page, e2e.product, NEW_USER);
  await commentOnNotice(page, e2e.product, NEW_USER, '收到，我们家会提前储水。');
  sharedId = await shareNotice(page, e2e.product, NEW_USER);
  await voteInLiftTopic(page, e2e.product, NEW_USER);
  await screenshot(page, 'signup-then-columns');
}, 120_000);

it('records a neighbour\'s read through her share, with the group chat it was opened from', async () => {
  if (!sharedId) throw new Error('the share step did not run');
  const page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '周阿姨');
  await openSharedNoticeFromGroup(page, e2e.product, ZHOU, sharedId, '晨曦路100弄居民群');
  await screenshot(page, 'notice-opened-from-group');
}, 120_000);
