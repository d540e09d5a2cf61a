/**
 * Demo content for `npm start`, for the demo committee (曹杨一村): party articles, an activity
 * and a volunteer call, notices (one pinned, one read and commented on by 周阿姨), a topic
 * concluded with an outcome and followed up, and a topic under discussion with a poll. Ids are
 * fixed and a second run is a no-op; times are relative to the seeding, so the activity lies ahead.
 */
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { collection } from '../../cloudfunctions/_kit/store';
import { memberKey } from '../../cloudfunctions/content/member-key';
import type { CommentDoc, NoticeDoc, NoticeReadDoc, OutcomeDoc, PartyPostDoc, TopicDoc } from '../../shared/domain/content';
import { localDateOf, startOfLocalDate } from '../../shared/time';
import { demoDistrict } from './demo-district';

const COMMITTEE = demoDistrict.home._id;
const SECRETARY = { staffId: 'staff-wangli', name: '王丽', openid: 'dev-openid-wangli' };
const STAFF = { staffId: 'staff-zhangmin', name: '张敏' };
const RESIDENT = { openid: 'dev-openid-resident-zhou', name: '周阿姨' };
const MARKER = 'demo-party-article-1';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function partyPosts(now: number): PartyPostDoc[] {
  const base = { committeeId: COMMITTEE, endsAt: null, signupCount: 0, likeCount: 0 };
  const article = (id: string, title: string, body: string, daysAgo: number, author: { staffId: string; name: string } = SECRETARY): PartyPostDoc => ({
    ...base,
    _id: id,
    kind: 'article',
    title,
    body,
    startsAt: null,
    place: null,
    signupDeadline: null,
    capacity: null,
    authorStaffId: author.staffId,
    authorName: author.name,
    publishedAt: new Date(now - daysAgo * DAY),
  });
  return [
    article(MARKER, '社区党总支开展主题党日活动', '本月主题党日，社区党员集中学习了党的基本理论，并围绕为民办实事开展了讨论。', 6),
    article('demo-party-article-2', '“红色物业”让老小区焕新颜', '社区党总支联合物业公司，推动楼道整治、加装电梯等民生项目落地。', 3, STAFF),
    article('demo-party-article-3', '党员志愿者结对帮扶独居老人', '社区30名党员与独居老人结对，每周上门探访，帮助解决生活难题。', 1),
    {
      ...base,
      _id: 'demo-party-activity-1',
      kind: 'activity',
      title: '重温入党誓词 · 参观中共一大会址',
      body: '组织社区党员参观中共一大会址，现场重温入党誓词。请在报名截止前报名，名额有限。',
      startsAt: new Date(now + 7 * DAY),
      endsAt: new Date(now + 7 * DAY + 3 * HOUR),
      place: '中共一大会址（黄浦区兴业路76号），居委会门口集合',
      signupDeadline: new Date(now + 5 * DAY),
      capacity: 30,
      authorStaffId: SECRETARY.staffId,
      authorName: SECRETARY.name,
      publishedAt: new Date(now - 2 * DAY),
    },
    {
      ...base,
      _id: 'demo-party-volunteer-1',
      kind: 'volunteer',
      title: '招募垃圾分类志愿者',
      body: '每周六上午7:00-9:00在小区垃圾厢房值守，指导居民分类投放。',
      startsAt: new Date(now + 3 * DAY),
      place: '小区各垃圾厢房',
      signupDeadline: null,
      capacity: 12,
      authorStaffId: STAFF.staffId,
      authorName: STAFF.name,
      publishedAt: new Date(now - 1 * DAY),
    },
  ];
}

function notices(now: number): NoticeDoc[] {
  const base = { committeeId: COMMITTEE, shareCount: 0, shareReadCount: 0, authorStaffId: SECRETARY.staffId, authorName: SECRETARY.name };
  return [
    {
      ...base,
      _id: 'demo-notice-pinned',
      title: '关于开展冬季消防安全检查的通知',
      body: '居委会将于本周六联合物业对各楼道进行消防安全检查，请居民配合清理楼道堆物。',
      pinned: true,
      publishAt: new Date(now - 2 * DAY),
      expiresAt: new Date(now + 30 * DAY),
      readCount: 1,
      createdAt: new Date(now - 2 * DAY),
    },
    {
      ...base,
      _id: 'demo-notice-water',
      title: '停水通知',
      body: '因管道检修，下周二9:00-12:00停水，请提前储水。',
      pinned: false,
      publishAt: new Date(now - DAY),
      expiresAt: null,
      readCount: 0,
      createdAt: new Date(now - DAY),
    },
  ];
}

function topics(now: number): { topics: TopicDoc[]; outcome: OutcomeDoc } {
  const staffProposer = { kind: 'staff' as const, openid: SECRETARY.openid, staffId: SECRETARY.staffId, name: SECRETARY.name };
  const concluded: TopicDoc = {
    _id: 'demo-topic-parking',
    committeeId: COMMITTEE,
    title: '小区夜间停车秩序整治',
    description: '夜间车辆乱停占用消防通道，征求居民对停车管理办法的意见。',
    stage: 'followed_up',
    proposer: staffProposer,
    poll: null,
    createdAt: new Date(now - 20 * DAY),
    updatedAt: new Date(now - 2 * DAY),
    openedAt: new Date(now - 19 * DAY),
    concludedAt: new Date(now - 10 * DAY),
  };
  const discussing: TopicDoc = {
    _id: 'demo-topic-lift',
    committeeId: COMMITTEE,
    title: '3号楼加装电梯费用分摊',
    description: '3号楼加装电梯方案已通过初审，请居民就费用分摊方式发表意见并投票。',
    stage: 'discussing',
    proposer: staffProposer,
    poll: { question: '加装电梯费用如何分摊？', mode: 'single', options: [{ id: 'o1', text: '按楼层分摊' }, { id: 'o2', text: '平均分摊' }, { id: 'o3', text: '暂不加装' }] },
    createdAt: new Date(now - 4 * DAY),
    updatedAt: new Date(now - 3 * DAY),
    openedAt: new Date(now - 3 * DAY),
    concludedAt: null,
  };
  const outcome: OutcomeDoc = {
    _id: concluded._id,
    topicId: concluded._id,
    committeeId: COMMITTEE,
    decision: '施划夜间临时停车位40个，消防通道全天禁停，由物业安排夜间巡查。',
    actor: '物业公司、居委会平安志愿队',
    dueDate: startOfLocalDate(localDateOf(now + 20 * DAY)),
    decidedAt: new Date(now - 10 * DAY),
    decidedByStaffId: SECRETARY.staffId,
    requestKey: 'demo-seed',
    followUps: [{ id: 'demo-follow-up-1', text: '已完成停车位施划，夜间巡查开始执行。', status: 'in_progress', date: startOfLocalDate(localDateOf(now - 2 * DAY)), at: new Date(now - 2 * DAY), byStaffId: STAFF.staffId }],
  };
  return { topics: [concluded, discussing], outcome };
}

export async function seedContent(db: Database, now: number = Date.now()): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if (await collection(db, 'party_posts').byId(MARKER)) return { seeded: false, counts: {} };
  const t = topics(now);
  const read: NoticeReadDoc = { _id: memberKey('demo-notice-pinned', RESIDENT.openid), noticeId: 'demo-notice-pinned', committeeId: COMMITTEE, openid: RESIDENT.openid, at: new Date(now - DAY), viaShareId: null, groupId: null };
  const comment: CommentDoc = {
    _id: 'demo-comment-1',
    targetType: 'notice',
    targetId: 'demo-notice-pinned',
    committeeId: COMMITTEE,
    authorOpenid: RESIDENT.openid,
    authorKind: 'resident',
    authorName: RESIDENT.name,
    text: '支持！我们楼的自行车也会清理掉。',
    status: 'visible',
    createdAt: new Date(now - DAY),
    moderatedBy: null,
    moderatedAt: null,
  };
  const batches: [string, object[]][] = [
    ['party_posts', partyPosts(now)],
    ['notices', notices(now)],
    ['notice_reads', [read]],
    ['content_comments', [comment]],
    ['topics', t.topics],
    ['topic_outcomes', [t.outcome]],
  ];
  const counts: Record<string, number> = {};
  // the marker post goes last, so an interrupted run is completed by the next one
  for (const [name, docs] of batches) {
    const pending = name === 'party_posts' ? docs.filter((d) => (d as { _id: string })._id !== MARKER) : docs;
    for (const doc of pending) await db.collection(name).doc((doc as { _id: string })._id).set(withoutId(doc));
    counts[name] = docs.length;
  }
  const marker = partyPosts(now).find((p) => p._id === MARKER)!;
  await db.collection('party_posts').doc(MARKER).set(withoutId(marker));
  return { seeded: true, counts };
}

function withoutId(doc: object): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc as Record<string, unknown>;
  return rest;
}
