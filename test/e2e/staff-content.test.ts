/**
 * A notice from the secretary's hands to the residents and back, in a real browser on the H5
 * build: 王丽 publishes it from 工作台 → 公告、党建与议事; 周阿姨 finds it marked 未读, opens it
 * and leaves a 留言; 王丽 sees the read counted, hides the 留言 (residents no longer see it) and
 * takes the notice down (it leaves the residents' list). Then a 党建活动 周阿姨 signed up for:
 * 王丽 moves it to another place, and 周阿姨 is told on the activity's page.
 */
import type { Page } from 'playwright-core';
import { listComments } from '@shared/contracts/content-comments';
import { listNotices } from '@shared/contracts/content-notices';
import { getPartyPost, publishPartyPost, signUpParty } from '@shared/contracts/content-party';
import { ok } from '../support/local-cloud';
import { buttonNamed, devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';
import { WANGLI, ZHOU } from '../support/demo-identities';

const TITLE = `本周六上午小区消防演练（${Date.now() % 100000}）`;
const BODY = '周六上午九点在中心绿地举行消防演练，请居民配合。';
const COMMENT = '好的，我们会准时参加。';

let secretary: Page;
let resident: Page;
let noticeId: string;
const e2e = useProductInBrowser(60_000);

const field = (page: Page, label: string) => page.locator('.field', { hasText: label }).first();

it('王丽 publishes a notice from 工作台', async () => {
  secretary = await phonePage(e2e.browser);
  await devSignIn(secretary, e2e.product.url, '王丽');
  await secretary.goto(`${e2e.product.url}/#/packages/staff/pages/index/index`);
  await buttonNamed(secretary, '公告、党建与议事（发布和管理）').click({ timeout: 30_000 });
  await buttonNamed(secretary, '发布公告').click({ timeout: 30_000 });
  await field(secretary, '公告标题').locator('input').fill(TITLE);
  await field(secretary, '公告正文').locator('textarea').fill(BODY);
  await screenshot(secretary, 'staff-notice-new');
  await secretary.locator('#notice-submit').click();
  // the form hands over to the notice's own page
  await secretary.locator('#notice-state', { hasText: '发布中' }).waitFor({ timeout: 30_000 });
  await secretary.getByText(BODY).waitFor();
  const mine = ok(await e2e.product.call(ZHOU, listNotices, { limit: 50 })).items.find((n) => n.title === TITLE);
  expect(mine).toMatchObject({ state: 'published', readByMe: false });
  noticeId = mine!.id;
}, 120_000);

it('周阿姨 sees it 未读, opens it and leaves a 留言', async () => {
  resident = await phonePage(e2e.browser);
  await devSignIn(resident, e2e.product.url, '周阿姨');
  await resident.goto(`${e2e.product.url}/#/pages/notices/index`);
  const row = resident.locator('.ritem', { hasText: TITLE });
  await row.getByText('未读').waitFor({ timeout: 30_000 });
  await row.click();
  await resident.getByText(BODY).waitFor({ timeout: 30_000 });
  await resident.locator('textarea').fill(COMMENT);
  await buttonNamed(resident, '发表留言').click();
  await resident.getByText('留言已发表').waitFor({ timeout: 30_000 });
  expect(ok(await e2e.product.call(ZHOU, listNotices, { limit: 50 })).items.find((n) => n.id === noticeId)?.readByMe).toBe(true);
}, 120_000);

it('王丽 sees the read counted and hides the 留言, which residents then no longer see', async () => {
  await secretary.reload();
  await secretary.locator('#notice-reach', { hasText: '已读 1 人' }).waitFor({ timeout: 30_000 });
  const comment = secretary.locator('.rcomment', { hasText: COMMENT });
  await comment.waitFor({ timeout: 30_000 });
  await buttonNamed(secretary, '隐藏这条留言').click();
  await comment.getByText('已隐藏，居民看不到').waitFor({ timeout: 30_000 });
  await screenshot(secretary, 'staff-notice-manage');
  const seen = ok(await e2e.product.call(ZHOU, listComments, { target: { type: 'notice', id: noticeId }, limit: 50 })).items;
  expect(seen.map((c) => c.text)).not.toContain(COMMENT);
}, 120_000);

it('王丽 takes the notice down, and it leaves the residents\' list', async () => {
  await buttonNamed(secretary, '立即下线').click();
  // Taro's H5 modal asks to confirm
  await secretary.getByText('下线', { exact: true }).click();
  await secretary.locator('#notice-state', { hasText: '已过期' }).waitFor({ timeout: 30_000 });
  expect(ok(await e2e.product.call(ZHOU, listNotices, { limit: 50 })).items.map((n) => n.id)).not.toContain(noticeId);
}, 120_000);

it('王丽 moves an activity 周阿姨 signed up for, and 周阿姨 is told on its page', async () => {
  const day = 24 * 3600_000;
  const title = `楼道微更新议事活动（${Date.now() % 100000}）`;
  const { id } = ok(
    await e2e.product.call(WANGLI, publishPartyPost, {
      kind: 'activity',
      title,
      body: '一起商量楼道里的公共空间怎么用。',
      startsAt: new Date(Date.now() + 3 * day).toISOString(),
      place: '中心绿地',
      capacity: 20,
      signupDeadline: new Date(Date.now() + 2 * day).toISOString(),
    }),
  );
  ok(await e2e.product.call(ZHOU, signUpParty, { id }));

  await secretary.goto(`${e2e.product.url}/#/packages/staff/pages/content/party?id=${id}`);
  await secretary.locator('#party-edit').click({ timeout: 30_000 });
  await field(secretary, '活动地点').locator('input').fill('居委会二楼活动室');
  await secretary.locator('#party-edit-save').click();
  await secretary.getByText('最后修改').first().waitFor({ timeout: 30_000 });
  await secretary.getByText('居委会二楼活动室').first().waitFor();
  expect(ok(await e2e.product.call(ZHOU, getPartyPost, { id }))).toMatchObject({ place: '居委会二楼活动室', signedUpByMe: true, scheduleChangedAt: expect.any(String) });

  await resident.goto(`${e2e.product.url}/#/pages/party/detail?id=${id}`);
  await resident.getByText(/活动时间或地点已于 .+ 更改，请留意/).waitFor({ timeout: 30_000 });
  await resident.getByText('居委会二楼活动室').first().waitFor();
  await screenshot(resident, 'party-detail-moved');
}, 120_000);
