/**
 * A resident's question through to the staff member's points card, in a real browser on the H5
 * build: 周阿姨 asks on her 留言 page, 张敏 (dev sign-in as staff) finds it in 线上反馈 among the
 * demo questions and answers it completely, 周阿姨 rates the answer 满意, and 张敏's card for the
 * month shows 线上反馈 0.5.
 */
import type { Page } from 'playwright-core';
import { myQuestions } from '@shared/contracts/inbox';
import { seedInbox } from '../../localcloud/seed/inbox';
import { ok } from '../support/local-cloud';
import { buttonNamed, devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';
import { ZHOU } from '../support/demo-identities';

const QUESTION = `请问社区老年活动室周日几点开门？（${Date.now() % 100000}）`;
const ANSWER = '周日上午九点到下午四点开门，欢迎您来。';

const e2e = useProductInBrowser(60_000);
beforeAll(async () => {
  await seedInbox(e2e.product.db);
  // Asking needs a verified resident (a claimed household); the household flow is not part of this test.
  await e2e.product.db.collection('users').doc('user-resident-zhou').update({ householdId: 'household-demo-zhou' });
}, 60_000);

/** A fresh load of a page: going to another hash of the same document would reuse Taro's page stack. */
async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${e2e.product.url}/#/${route}`);
  await page.reload();
}


let resident: Page;
let staff: Page;

it('a verified resident asks the committee on her page', async () => {
  resident = await phonePage(e2e.browser);
  await devSignIn(resident, e2e.product.url, '周阿姨');
  await open(resident, 'pages/questions/ask');
  await resident.locator('textarea').first().fill(QUESTION);
  await buttonNamed(resident, '提交').click();
  // the ask page hands over to the question's own page
  await resident.getByText(QUESTION).first().waitFor({ timeout: 30_000 });
}, 90_000);

it('张敏 sees it in 线上反馈 among the demo questions and answers it completely', async () => {
  staff = await phonePage(e2e.browser);
  await devSignIn(staff, e2e.product.url, '张敏');
  await open(staff, 'packages/staff/pages/inbox/index');
  await staff.getByText(QUESTION).first().waitFor({ timeout: 30_000 });
  // the seeded overdue question is flagged
  await staff.locator('.item--alert', { hasText: '小区东门的路灯坏了' }).first().waitFor();
  await screenshot(staff, 'staff-inbox');

  await staff.getByText(QUESTION).first().click();
  await staff.getByText('回复期限').first().waitFor({ timeout: 30_000 });
  await staff.locator('textarea').first().fill(ANSWER);
  await buttonNamed(staff, '发送完整解答').click();
  await staff.getByText('居民还没有评价').first().waitFor({ timeout: 30_000 });
  await screenshot(staff, 'staff-inbox-answered');
}, 90_000);

it('周阿姨 reads the answer and rates it 满意', async () => {
  const mine = ok(await e2e.product.call(ZHOU, myQuestions, {}));
  const q = mine.items.find((x) => x.content === QUESTION);
  expect(q?.status).toBe('answered');
  await open(resident, `pages/questions/detail?id=${q!.id}`);
  await resident.getByText(ANSWER).first().waitFor({ timeout: 30_000 });
  await buttonNamed(resident, '满意').click();
  // Taro's H5 modal asks to confirm: the rating cannot be changed afterwards
  await resident.getByText('确定', { exact: true }).click();
  await resident.getByText(/满意（/).first().waitFor({ timeout: 30_000 });
}, 90_000);

it('the rating shows in 张敏\'s inbox and her points card counts 线上反馈 0.5', async () => {
  await open(staff, 'packages/staff/pages/inbox/index');
  await staff.locator('.item', { hasText: QUESTION }).getByText('居民满意').waitFor({ timeout: 30_000 });

  await open(staff, 'packages/staff/pages/points/index');
  const item = staff.locator('.item', { hasText: '线上反馈' }).first();
  await item.waitFor({ timeout: 30_000 });
  await expect(item.textContent()).resolves.toMatch(/线上反馈[\s\S]*0\.5/);
  await screenshot(staff, 'staff-points-card');
}, 90_000);
