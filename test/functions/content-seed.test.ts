/**
 * The demo content (`seedContent`) is what the actions expect: every list and detail answers
 * within its contract for the demo resident and secretary, and a second seeding changes nothing.
 */
import { listComments } from '../../shared/contracts/content-comments';
import { getNotice, listNotices } from '../../shared/contracts/content-notices';
import { getPartyPost, listPartyPosts, signUpParty } from '../../shared/contracts/content-party';
import { getTopic, listTopics } from '../../shared/contracts/content-topics';
import { seedContent } from '../../localcloud/seed/content';
import { WANGLI, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { useContentCloud } from './content-fixtures';

jest.setTimeout(60_000);

const t = useContentCloud({
  prepare: async (cloud) => {
    expect((await seedContent(cloud.db)).seeded).toBe(true);
  },
});

it('seeds once', async () => {
  expect(await seedContent(t.db)).toEqual({ seeded: false, counts: {} });
});

it('gives the demo resident every column with content, an outcome and an interaction', async () => {
  const posts = ok(await t.call(ZHOU, listPartyPosts, {})).items;
  expect(posts.map((p) => p.kind).sort()).toEqual(['activity', 'article', 'article', 'article', 'volunteer']);
  expect(ok(await t.call(ZHOU, getPartyPost, { id: 'demo-party-activity-1' }))).toMatchObject({ signupOpen: true, capacity: 30 });
  expect(ok(await t.call(ZHOU, signUpParty, { id: 'demo-party-volunteer-1' }))).toMatchObject({ signupCount: 1 });

  const notices = ok(await t.call(ZHOU, listNotices, {})).items;
  expect(notices[0]).toMatchObject({ id: 'demo-notice-pinned', pinned: true, readCount: 1 });
  // 周阿姨 read the pinned notice in the seed: opening it again counts nothing
  expect(ok(await t.call(ZHOU, getNotice, { id: 'demo-notice-pinned' }))).toMatchObject({ firstRead: false, readCount: 1 });
  expect(ok(await t.call(ZHOU, listComments, { target: { type: 'notice', id: 'demo-notice-pinned' } })).items).toHaveLength(1);

  const topics = ok(await t.call(ZHOU, listTopics, {})).items;
  expect(topics.map((x) => x.stage).sort()).toEqual(['discussing', 'followed_up']);
  const parking = ok(await t.call(ZHOU, getTopic, { id: 'demo-topic-parking' }));
  expect(parking.outcome).toMatchObject({ actor: '物业公司、居委会平安志愿队', followUps: [{ status: 'in_progress' }] });
  expect(ok(await t.call(WANGLI, getTopic, { id: 'demo-topic-lift' })).poll).toMatchObject({ voters: 0, options: [{ text: '按楼层分摊' }, {}, {}] });
});
