/**
 * 社区公告: publish and update (staff), list (residents: published and unexpired only, pinned
 * first then newest; staff: all, with their state), open (counts a resident's first read, a
 * read that arrived through a share, and the group chat it was opened from), share.
 */
import { editNotice, getNotice, listNotices, publishNotice, shareNotice, updateNotice } from '@shared/contracts/content-notices';
import { expiryIssue, newNoticeScheduleIssues, type ScheduleIssue } from '@shared/content/notice-schedule';
import type { NoticeDoc, NoticeGroupDoc, NoticeReadDoc, NoticeShareDoc, NoticeShareReadDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso, isoOrNull } from '../_kit/iso';
import { handle, type ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';
import { manager, viewer, type Viewer } from './access';
import { isMember, join, membersAmong, type Counted } from './membership';
import { noticeState, requireVisibleNotice } from './notice-state';

const READS: Counted<'notices', 'notice_reads'> = { parent: 'notices', members: 'notice_reads', counter: 'readCount' };
const SHARE_READS: Counted<'notice_shares', 'notice_share_reads'> = { parent: 'notice_shares', members: 'notice_share_reads', counter: 'readCount' };
/** a group chat is a "member" of the notice's reach: recorded once per group, counted */
const GROUPS: Counted<'notices', 'notice_groups'> = { parent: 'notices', members: 'notice_groups', counter: 'groupCount' };

/** Refuses times that break the schedule rules (shared/content/notice-schedule.ts), at their fields. */
function refuseSchedule(issues: (ScheduleIssue | null)[]): void {
  const found = issues.filter((i): i is ScheduleIssue => i !== null);
  if (found.length > 0) throw new AppError('INVALID_INPUT', found[0]!.message, found);
}

export const publishNoticeHandler = handle(publishNotice, async (input, ctx) => {
  const v = await manager(ctx);
  const now = ctx.now();
  refuseSchedule(newNoticeScheduleIssues(input, now));
  const doc: Omit<NoticeDoc, '_id'> = {
    committeeId: v.committeeId,
    title: input.title,
    body: input.body,
    pinned: input.pinned,
    publishAt: input.publishAt ?? now,
    expiresAt: input.expiresAt ?? null,
    readCount: 0,
    shareCount: 0,
    shareReadCount: 0,
    groupCount: 0,
    authorStaffId: v.staff.actorId,
    authorName: v.name,
    createdAt: now,
  };
  const id = recordId(ctx, 'notice');
  await insertOnce(ctx, 'notices', id, doc);
  return { id };
});

export const updateNoticeHandler = handle(updateNotice, async (input, ctx) => {
  const v = await manager(ctx);
  const notices = collection(ctx.db, 'notices');
  const n = await notices.byIdIn(input.id, v);
  const now = ctx.now();
  const change: Record<string, unknown> = {};
  if (input.pinned !== undefined) change.pinned = input.pinned;
  if (input.takeDown) {
    if (noticeState(n, now) !== 'published') throw new AppError('NOTICE_NOT_PUBLISHED', '只有正在发布中的公告可以立即下线');
    change.expiresAt = now;
  }
  if (input.expiresAt !== undefined) {
    if (input.expiresAt) refuseSchedule([expiryIssue(input.expiresAt, { publishAt: n.publishAt, now })]);
    change.expiresAt = input.expiresAt ?? ctx.db.command.set(null);
  }
  if (Object.keys(change).length === 0) throw new AppError('INVALID_INPUT', '没有需要修改的内容');
  await notices.ref.doc(n._id).update(change);
  return { id: n._id };
});

export const editNoticeHandler = handle(editNotice, async (input, ctx) => {
  const v = await manager(ctx);
  const notices = collection(ctx.db, 'notices');
  const n = await notices.byIdIn(input.id, v);
  const now = ctx.now();
  // staff write for the committee, so no content check; who changed it is kept
  await notices.ref.doc(n._id).update({ title: input.title, body: input.body, editedAt: now, editedByStaffId: v.staff.actorId });
  return { id: n._id, editedAt: iso(now) };
});

function summary(n: NoticeDoc, now: Date, readByMe: boolean) {
  return {
    readByMe,
    editedAt: isoOrNull(n.editedAt),
    id: n._id,
    title: n.title,
    pinned: n.pinned,
    publishAt: iso(n.publishAt),
    expiresAt: isoOrNull(n.expiresAt),
    state: noticeState(n, now),
    readCount: n.readCount,
  };
}

export const listNoticesHandler = handle(listNotices, async (input, ctx) => {
  const v = await viewer(ctx);
  const _ = ctx.db.command;
  const now = ctx.now();
  const where = v.staff ? { committeeId: v.committeeId } : { committeeId: v.committeeId, publishAt: _.lte(now), expiresAt: _.or(_.eq(null), _.gt(now)) };
  const { items, nextOffset } = await collection(ctx.db, 'notices').page((ref) => ref.where(where).orderBy('pinned', 'desc').orderBy('publishAt', 'desc').orderBy('_id', 'desc'), input);
  // staff reads are not recorded, so staff never see a notice as read by them
  const read = v.staff ? new Set<string>() : await membersAmong(ctx, READS.members, items.map((n) => n._id), v.openid);
  return { items: items.map((n) => summary(n, now, read.has(n._id))), nextOffset };
});

/** Records a read that arrived through `shareId` (once per user per share; not the sharer's own). */
async function recordShareRead(ctx: ActionContext, v: Viewer, n: NoticeDoc, shareId: string, groupId: string | null): Promise<boolean> {
  const s = await collection(ctx.db, 'notice_shares').byId(shareId);
  // a stale or foreign share id in a link is ignored rather than failing the page
  if (!s || s.noticeId !== n._id || s.sharerOpenid === v.openid) return false;
  const _ = ctx.db.command;
  const record: Omit<NoticeShareReadDoc, '_id'> = { shareId, noticeId: n._id, committeeId: n.committeeId, openid: v.openid, at: ctx.now(), groupId };
  const r = await join(ctx, SHARE_READS, shareId, v.openid, record, {
    alsoInTx: async (tx) => {
      await tx.collection('notices').doc(n._id).update({ shareReadCount: _.inc(1) });
    },
  });
  return r.created;
}

/** Counts the group chat the notice was opened from, once per notice and group. */
async function recordGroup(ctx: ActionContext, n: NoticeDoc, groupId: string, viaShareId: string | null): Promise<{ created: boolean; groupCount: number }> {
  if (await isMember(ctx, GROUPS.members, n._id, groupId)) return { created: false, groupCount: n.groupCount ?? 0 };
  const record: Omit<NoticeGroupDoc, '_id'> = { noticeId: n._id, committeeId: n.committeeId, groupId, viaShareId, firstAt: ctx.now() };
  const r = await join(ctx, GROUPS, n._id, groupId, record);
  return { created: r.created, groupCount: r.parent.groupCount ?? 0 };
}

export const getNoticeHandler = handle(getNotice, async (input, ctx) => {
  const v = await viewer(ctx);
  let n = await collection(ctx.db, 'notices').byIdIn(input.id, v);
  const now = ctx.now();
  requireVisibleNotice(v, n, now);
  let firstRead = false;
  let viaShareRecorded = false;
  let newGroupRecorded = false;
  const groupId = ctx.openData.groupEnter?.opengid ?? null;
  // staff reading their own committee's notices is work, not the residents' interaction counted here
  // (a plain read answers a repeat visit, the common case, without opening a transaction)
  if (!v.staff && !(await isMember(ctx, READS.members, n._id, v.openid))) {
    const record: Omit<NoticeReadDoc, '_id'> = { noticeId: n._id, committeeId: n.committeeId, openid: v.openid, at: now, viaShareId: input.viaShareId ?? null, groupId };
    const r = await join(ctx, READS, n._id, v.openid, record);
    firstRead = r.created;
    n = { ...n, readCount: r.parent.readCount };
  }
  if (!v.staff && input.viaShareId) {
    viaShareRecorded = await recordShareRead(ctx, v, n, input.viaShareId, groupId);
    if (viaShareRecorded) n = { ...n, shareReadCount: n.shareReadCount + 1 };
  }
  // each record is whole on its own; a failure between them is made up by the next open
  if (!v.staff && groupId) {
    const g = await recordGroup(ctx, n, groupId, input.viaShareId ?? null);
    newGroupRecorded = g.created;
    n = { ...n, groupCount: g.groupCount };
  }
  return {
    ...summary(n, now, !v.staff),
    body: n.body,
    authorName: n.authorName,
    shareCount: n.shareCount,
    shareReadCount: n.shareReadCount,
    groupCount: n.groupCount ?? 0,
    firstRead,
    viaShareRecorded,
    newGroupRecorded,
  };
});

export const shareNoticeHandler = handle(shareNotice, async (input, ctx) => {
  const v = await viewer(ctx);
  const n = await collection(ctx.db, 'notices').byIdIn(input.id, v);
  if (noticeState(n, ctx.now()) !== 'published') throw new AppError('NOTICE_NOT_PUBLISHED', '只有正在发布中的公告可以分享');
  const _ = ctx.db.command;
  const shareId = recordId(ctx, 'notice_share');
  const share: Omit<NoticeShareDoc, '_id'> = { noticeId: n._id, committeeId: n.committeeId, sharerOpenid: v.openid, at: ctx.now(), readCount: 0 };
  return inTransaction(ctx.db, async (tx) => {
    const notice = await txGet(tx, 'notices', n._id);
    if (!notice) throw new AppError('NOT_FOUND');
    // a retried share (same requestId) finds its record and counts nothing twice
    if (await txGet(tx, 'notice_shares', shareId)) return { shareId, shareCount: notice.shareCount };
    await tx.collection('notices').doc(n._id).update({ shareCount: _.inc(1) });
    await tx.collection('notice_shares').add({ ...share, _id: shareId });
    return { shareId, shareCount: notice.shareCount + 1 };
  });
});

export const noticeHandlers = [publishNoticeHandler, updateNoticeHandler, editNoticeHandler, listNoticesHandler, getNoticeHandler, shareNoticeHandler];
