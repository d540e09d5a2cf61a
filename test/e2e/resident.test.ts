/**
 * The resident columns in a real browser, as the demo resident 周阿姨 on the H5 build: read a
 * notice (the read is recorded), comment (a clean comment appears, a rejected one is refused with
 * the reason), share it (the share is recorded), vote in a topic, sign up for an activity.
 *
 * 周阿姨 is a verified resident (voting and asking need a claimed household): the demo seed claims
 * her household with the household function's own code.
 */
import type { Page } from 'playwright-core';
import { devSignIn, phonePage, screenshot } from '../support/browser';
import { useProductInBrowser } from '../support/e2e';
import { count as countIn, commentOnNotice, readWaterNotice, shareNotice, voteInLiftTopic, WATER_NOTICE } from '../support/resident-steps';
import { ZHOU } from '../support/demo-identities';

let page: Page;

const count = (collection: string, where: Record<string, unknown>) => countIn(e2e.product, collection, where);

const e2e = useProductInBrowser(90_000);
beforeAll(async () => {
  page = await phonePage(e2e.browser);
  await devSignIn(page, e2e.product.url, '周阿姨');
}, 90_000);

describe('resident columns (H5, demo resident)', () => {
  it('opens 社区公告 from the home page and reads a notice: the read is recorded', async () => {
    await page.getByText('曹杨一村居民委员会').first().waitFor({ timeout: 30_000 });
    await page.locator('.rentry', { hasText: '议事厅' }).waitFor();
    await screenshot(page, 'resident-home-entries');
    await page.locator('.rentry', { hasText: '社区公告' }).click();
    await page.getByText('关于开展冬季消防安全检查的通知').first().waitFor({ timeout: 15_000 });
    // pinned first
    const titles = await page.locator('.ritem__title').allTextContents();
    expect(titles.indexOf('关于开展冬季消防安全检查的通知')).toBeLessThan(titles.indexOf('停水通知'));
    expect(await count('notice_reads', { noticeId: WATER_NOTICE.id, openid: ZHOU })).toBe(0);
    await readWaterNotice(page, e2e.product, ZHOU);
    // the count the detail shows includes this first read
    await page.locator('.card__hint', { hasText: '1 人已读 · 转发 0 次' }).waitFor();
  }, 60_000);

  it('comments: a clean comment appears after the check, a rejected one shows the reason', async () => {
    await commentOnNotice(page, e2e.product, ZHOU, '请问停水期间小区有送水服务吗？');

    await page.locator('textarea').fill('你们去死吧');
    await page.getByText('发表留言').click();
    const alert = page.locator('.ralert--error');
    await alert.waitFor({ timeout: 15_000 });
    expect((await alert.textContent())?.length).toBeGreaterThan(0);
    expect(await page.locator('.rcomment__text', { hasText: '去死吧' }).count()).toBe(0);
    expect(await count('content_comments', { targetId: 'demo-notice-water' })).toBe(1);
    await screenshot(page, 'resident-notice-comment');
  }, 60_000);

  it('shares the notice: the share is recorded and the link carries its id', async () => {
    expect(await count('notice_shares', { noticeId: WATER_NOTICE.id })).toBe(0);
    await shareNotice(page, e2e.product, ZHOU);
    await page.getByText('转发 1 次').waitFor();
  }, 60_000);

  it('votes in the topic under discussion and then sees the results', async () => {
    await voteInLiftTopic(page, e2e.product, ZHOU);
    await page.getByText('共 1 人参加投票').waitFor();
    await screenshot(page, 'resident-topic-voted');
  }, 60_000);

  it('sees a concluded topic\'s outcome: what, who, by when, and the follow-up', async () => {
    await page.goto(`${e2e.product.url}/#/pages/hall/index`);
    await page.locator('.ritem', { hasText: '小区夜间停车秩序整治' }).click({ timeout: 30_000 });
    await page.getByText('施划夜间临时停车位40个，消防通道全天禁停，由物业安排夜间巡查。').waitFor({ timeout: 15_000 });
    await page.getByText('物业公司、居委会平安志愿队').waitFor();
    await page.getByText('已完成停车位施划，夜间巡查开始执行。').waitFor();
  }, 60_000);

  it('signs up for the party activity, with the places shown', async () => {
    await page.goto(`${e2e.product.url}/#/pages/party/index`);
    await page.locator('.ritem', { hasText: '重温入党誓词' }).click({ timeout: 30_000 });
    await page.getByText('已报名 0 人，共 30 个名额，还剩 30 个。').waitFor({ timeout: 15_000 });
    await page.getByText('我要报名').click();
    await page.getByText('报名成功，请按时参加。').waitFor({ timeout: 15_000 });
    await page.getByText('已报名 1 人，共 30 个名额，还剩 29 个。').waitFor();
    await screenshot(page, 'resident-party-signed-up');
    expect(await count('party_signups', { postId: 'demo-party-activity-1', openid: ZHOU })).toBe(1);
  }, 60_000);

  it('asks the committee a question and finds it under 问居委会', async () => {
    const text = '请问社区什么时候组织老年人体检？';
    await page.goto(`${e2e.product.url}/#/pages/questions/ask`);
    await page.locator('textarea').fill(text);
    await page.getByText('提交', { exact: true }).click();
    await page.locator('.rbody', { hasText: text }).waitFor({ timeout: 15_000 });
    await page.getByText('等待答复').first().waitFor();
    expect(await count('inbox_questions', { content: text })).toBe(1);
  }, 60_000);

  it('raises a topic with a poll (verified resident): it waits for the committee to open it', async () => {
    const title = '楼道加装扶手';
    await page.goto(`${e2e.product.url}/#/pages/hall/propose`);
    const inputs = page.locator('.rform__input input');
    await inputs.first().fill(title, { timeout: 30_000 });
    await page.locator('textarea').fill('5号楼楼道较陡，老人上下楼不方便，建议加装扶手。');
    await page.locator('taro-switch-core').click();
    await inputs.nth(1).fill('扶手装在哪一侧？');
    await inputs.nth(2).fill('靠墙一侧');
    await inputs.nth(3).fill('两侧都装');
    await page.getByText('提交议题').click();
    await page.getByText('议题已提出，居委会将安排开始讨论。').waitFor({ timeout: 15_000 });
    await page.getByText('投票：扶手装在哪一侧？').waitFor();
    const topics = await e2e.product.db.collection('topics').where({ title }).get();
    expect(topics.data).toHaveLength(1);
    expect((topics.data[0] as { stage: string; poll: { options: { text: string }[] } }).poll.options.map((o) => o.text)).toEqual(['靠墙一侧', '两侧都装']);
  }, 60_000);
});
