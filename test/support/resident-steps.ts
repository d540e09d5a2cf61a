/**
 * What a resident does in the columns, as steps for the Chromium e2e tests, each checked in the
 * database as well as on screen. Shared by the demo-resident and the new-resident flows.
 */
import type { Page } from 'playwright-core';
import { collection } from '../../cloudfunctions/_kit/store';
import type { RunningProduct } from './product';

export const WATER_NOTICE = { id: 'demo-notice-water', title: '停水通知', body: '因管道检修，下周二9:00-12:00停水，请提前储水。' };
export const LIFT_TOPIC = { id: 'demo-topic-lift', title: '3号楼加装电梯费用分摊', option: '平均分摊' };

export async function count(product: RunningProduct, collection: string, where: Record<string, unknown>): Promise<number> {
  return (await product.db.collection(collection).where(where).count()).total ?? 0;
}

/** Opens 社区公告 from the home page and the water notice: the first read is recorded. */
export async function readWaterNotice(page: Page, product: RunningProduct, openid: string): Promise<void> {
  await page.goto(`${product.url}/#/pages/home/index`);
  await page.locator('.rentry', { hasText: '社区公告' }).click({ timeout: 30_000 });
  await page.locator('.ritem', { hasText: WATER_NOTICE.title }).click({ timeout: 15_000 });
  await page.getByText(WATER_NOTICE.body).waitFor({ timeout: 15_000 });
  if ((await count(product, 'notice_reads', { noticeId: WATER_NOTICE.id, openid })) !== 1) throw new Error('the first read was not recorded once');
}

/** On an open notice: a clean comment is published after the content check and shown. */
export async function commentOnNotice(page: Page, product: RunningProduct, openid: string, text: string): Promise<void> {
  await page.locator('textarea').fill(text);
  await page.getByText('发表留言').click();
  await page.getByText('留言已发表').waitFor({ timeout: 15_000 });
  await page.locator('.rcomment__text', { hasText: text }).waitFor();
  if ((await count(product, 'content_comments', { targetId: WATER_NOTICE.id, authorOpenid: openid, text })) !== 1) throw new Error('the comment was not stored once');
}

/** On an open notice: 转发到微信群 records the share, and the shared link carries its id. */
export async function shareNotice(page: Page, product: RunningProduct, openid: string): Promise<string> {
  await page.getByText('转发到微信群').click();
  await page.getByText('已记录转发').waitFor({ timeout: 15_000 });
  const shares = await product.db.collection('notice_shares').where({ noticeId: WATER_NOTICE.id, sharerOpenid: openid }).get();
  if (shares.data.length !== 1) throw new Error(`expected one recorded share, found ${shares.data.length}`);
  const shareId = (shares.data[0] as { _id: string })._id;
  await page.getByText(`shareId=${encodeURIComponent(shareId)}`, { exact: false }).waitFor();
  return shareId;
}

/** Votes in the topic under discussion (a verified resident) and sees the results. */
export async function voteInLiftTopic(page: Page, product: RunningProduct, openid: string): Promise<void> {
  await page.goto(`${product.url}/#/pages/hall/index`);
  await page.locator('.ritem', { hasText: LIFT_TOPIC.title }).click({ timeout: 30_000 });
  await page.getByText('正在讨论：欢迎发表意见、参加投票。').waitFor({ timeout: 15_000 });
  await page.locator('.rpoll__option', { hasText: LIFT_TOPIC.option }).click();
  await page.getByText('投票', { exact: true }).click();
  await page.getByText(`${LIFT_TOPIC.option}（我的选择）`).waitFor({ timeout: 15_000 });
  if ((await count(product, 'topic_votes', { topicId: LIFT_TOPIC.id, openid })) !== 1) throw new Error('the vote was not stored once');
}

/**
 * A neighbour opens the shared card from a group chat (chosen on the dev sign-in page, where the
 * gateway stands in for getGroupEnterInfo): the read through the share is recorded with the
 * group's opengid, decrypted from the cloudID, and the notice counts the group.
 */
export async function openSharedNoticeFromGroup(page: Page, product: RunningProduct, openid: string, shareId: string, group: string): Promise<void> {
  await page.goto(`${product.url}/__dev/signin`);
  await page.locator('input[name="group"]').fill(group);
  await page.getByRole('button', { name: /设为从此群进入/ }).click();
  await page.getByText(`从群聊「${group}」进入`).waitFor();
  await page.goto(`${product.url}/#/pages/notices/detail?id=${WATER_NOTICE.id}&shareId=${encodeURIComponent(shareId)}`);
  await page.getByText(WATER_NOTICE.body).waitFor({ timeout: 30_000 });
  await page.getByText(/经转发阅读 1 人 · 已传到 1 个微信群/).waitFor({ timeout: 15_000 });
  const reads = await collection(product.db, 'notice_share_reads').some((c) => c.where({ shareId, openid }), 10);
  if (reads.length !== 1 || !reads[0]!.groupId?.startsWith('G')) throw new Error(`expected one read through the share with its group, found ${JSON.stringify(reads)}`);
  if ((await count(product, 'notice_groups', { noticeId: WATER_NOTICE.id, groupId: reads[0]!.groupId })) !== 1) throw new Error('the group was not counted once');
}
