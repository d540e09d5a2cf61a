/**
 * `npm run bench:content` — what a resident waits for in 社区公告, through the whole path (the
 * built content function in an instance process → the genuine SDK → the local cloud), on a
 * committee with BENCH_NOTICES notices (default 2,000) and BENCH_READERS residents (default 300)
 * who have each opened BENCH_READ_SHARE of them (default 20%):
 *   - notice.list, first page of 20 with the caller's 未读 marks (one extra query per page);
 *   - notice.get, a repeat open (no write) and a first open (a read record in a transaction);
 *   - notice.get opened from a group chat (open data decrypted, the group counted once);
 *   - party.list with 点赞 / 报名 marks.
 * Prints latencies; asserts nothing. Needs `npm run build:functions` first.
 */
import { getNotice, listNotices } from '../../shared/contracts/content-notices';
import { listPartyPosts } from '../../shared/contracts/content-party';
import type { NoticeDoc, NoticeReadDoc, PartyPostDoc } from '../../shared/domain/content';
import { memberKey } from '../../cloudfunctions/content/member-key';
import { startContentCloud, resident, HOME } from '../functions/content-fixtures';
import { ok, type TestCloud } from '../support/local-cloud';
import { WANGLI } from '../support/demo-identities';

const NOTICES = Number(process.env.BENCH_NOTICES ?? 2000);
const READERS = Number(process.env.BENCH_READERS ?? 300);
const READ_SHARE = Number(process.env.BENCH_READ_SHARE ?? 0.2);
const POSTS = 500;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const BATCH = 1000;

const readerId = (i: number) => `bench-reader-${i}`;
const noticeId = (i: number) => `bench-notice-${String(i).padStart(6, '0')}`;

async function addInBatches(t: TestCloud, collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await t.db.collection(collection).add(docs.slice(i, i + BATCH));
}

async function seed(t: TestCloud): Promise<void> {
  const now = Date.now();
  const notices: NoticeDoc[] = Array.from({ length: NOTICES }, (_, i) => ({
    _id: noticeId(i),
    committeeId: HOME,
    title: `通知 ${i}`,
    body: '正文'.repeat(200),
    pinned: i % 500 === 0,
    publishAt: new Date(now - (i + 1) * 3_600_000),
    expiresAt: null,
    readCount: 0,
    shareCount: 0,
    shareReadCount: 0,
    groupCount: 0,
    authorStaffId: 'staff-wangli',
    authorName: '王丽',
    createdAt: new Date(now - (i + 1) * 3_600_000),
  }));
  await addInBatches(t, 'notices', notices);
  // each reader opened an even spread of READ_SHARE of the notices (counters are not the point here)
  const step = Math.max(1, Math.round(1 / READ_SHARE));
  const reads: NoticeReadDoc[] = [];
  for (let r = 0; r < READERS; r++) {
    for (let n = r % step; n < NOTICES; n += step) {
      reads.push({ _id: memberKey(noticeId(n), readerId(r)), noticeId: noticeId(n), committeeId: HOME, openid: readerId(r), at: new Date(now - n * 60_000), viaShareId: null, groupId: null });
    }
  }
  await addInBatches(t, 'notice_reads', reads);
  const posts: PartyPostDoc[] = Array.from({ length: POSTS }, (_, i) => ({
    _id: `bench-post-${i}`,
    committeeId: HOME,
    kind: 'activity',
    title: `活动 ${i}`,
    body: '内容',
    startsAt: new Date(now + 86_400_000),
    endsAt: null,
    place: '活动室',
    signupDeadline: null,
    capacity: 50,
    signupCount: 0,
    likeCount: 0,
    authorStaffId: 'staff-wangli',
    authorName: '王丽',
    publishedAt: new Date(now - i * 3_600_000),
    withdrawnAt: null,
  }));
  await addInBatches(t, 'party_posts', posts);
  console.log(`seeded ${NOTICES} notices, ${reads.length} reads by ${READERS} residents, ${POSTS} party posts`);
}

async function timed(label: string, run: (i: number) => Promise<unknown>): Promise<void> {
  await run(-1); // warm the instance
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`${label.padEnd(48)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${SAMPLES} calls)`);
}

async function main(): Promise<void> {
  const t = await startContentCloud(Array.from({ length: READERS }, (_, i) => resident(readerId(i), HOME, `居民${i}`)));
  try {
    const seedStart = Date.now();
    await seed(t);
    console.log(`seed took ${((Date.now() - seedStart) / 1000).toFixed(1)} s\n`);
    const me = readerId(0);
    const page = ok(await t.call(me, listNotices, { limit: 20 }));
    console.log(`first page: ${page.items.length} notices, ${page.items.filter((n) => n.readByMe).length} marked read\n`);

    await timed('notice.list (20, with 未读 marks)', () => t.call(me, listNotices, { limit: 20 }).then(ok));
    await timed('notice.list (20) as staff: no marks, no visibility filter', () => t.call(WANGLI, listNotices, { limit: 20 }).then(ok));
    await timed('notice.list (20, page 10, with marks)', () => t.call(me, listNotices, { offset: 180, limit: 20 }).then(ok));
    await timed('notice.get, repeat open (no write)', () => t.call(me, getNotice, { id: noticeId(0) }).then(ok));
    // reader r opened the notices n ≡ r (mod 5); reader 1 never opened 2, 7, 12 …: each call records a first read
    await timed('notice.get, first open (read recorded)', (i) => t.call(readerId(1), getNotice, { id: noticeId(2 + 5 * (i + 1)) }).then(ok));
    await timed('notice.get from a group chat (group counted)', (i) => {
      const openid = readerId(2);
      const groupEnter = { $localCloudID: t.cloud.openData.issue(openid, { opengid: `G-bench-${i}` }) };
      return t.call(openid, getNotice, { id: noticeId(3 + 5 * (i + 1)) }, undefined, { groupEnter }).then(ok);
    });
    await timed('party.list (20, with 点赞 / 报名 marks)', () => t.call(me, listPartyPosts, { limit: 20 }).then(ok));
  } finally {
    await t.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
