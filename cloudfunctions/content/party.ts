/** 党建园地: publish, correct and take down (staff), list, read, like, sign up / cancel, sign-up roll (staff). */
import {
  activityTimeIssues,
  cancelPartySignup,
  editPartyPost,
  getPartyPost,
  likePartyPost,
  listPartyPosts,
  listPartySignups,
  publishPartyPost,
  signUpParty,
  withdrawPartyPost,
  PARTY_FIELD_LABELS,
  PARTY_FIELDS_BY_KIND,
  PARTY_SCHEDULE_FIELDS,
  type PartyField,
} from '@shared/contracts/content-party';
import type { PartyMemberDoc, PartyPostDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { maskName } from '@shared/privacy/mask';
import { writeAudit } from '../_kit/audit';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso, isoOrNull } from '../_kit/iso';
import { handle, type ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';
import { manager, viewer, type Viewer } from './access';
import { partyPostAudit } from './audit';
import { isMember, join, leave, membersAmong, type Counted } from './membership';

const LIKES: Counted<'party_posts', 'party_likes'> = { parent: 'party_posts', members: 'party_likes', counter: 'likeCount' };
const SIGNUPS: Counted<'party_posts', 'party_signups'> = { parent: 'party_posts', members: 'party_signups', counter: 'signupCount' };

/** A sign-up deadline is set ahead of now (at publish, and when an edit moves it). */
function refusePassedDeadline(deadline: Date | null | undefined, now: Date): void {
  if (deadline && deadline.getTime() <= now.getTime()) {
    throw new AppError('INVALID_INPUT', '报名截止时间已过，请重新设置', [{ path: 'signupDeadline', message: '报名截止时间已过' }]);
  }
}

export const publishPartyPostHandler = handle(publishPartyPost, async (input, ctx) => {
  const v = await manager(ctx);
  if (input.kind !== 'article') refusePassedDeadline(input.signupDeadline, ctx.now());
  const id = recordId(ctx, 'party_post');
  const doc: Omit<PartyPostDoc, '_id'> = {
    committeeId: v.committeeId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    startsAt: input.kind === 'article' ? null : (input.startsAt ?? null),
    endsAt: input.kind === 'activity' ? (input.endsAt ?? null) : null,
    place: input.kind === 'article' ? null : (input.place ?? null),
    signupDeadline: input.kind === 'article' ? null : (input.signupDeadline ?? null),
    capacity: input.kind === 'article' ? null : input.capacity,
    signupCount: 0,
    likeCount: 0,
    authorStaffId: v.staff.actorId,
    authorName: v.name,
    publishedAt: ctx.now(),
    withdrawnAt: null,
    withdrawnReason: null,
    withdrawnByStaffId: null,
  };
  await insertOnce(ctx, 'party_posts', id, doc);
  return { id };
});

const isWithdrawn = (p: PartyPostDoc) => Boolean(p.withdrawnAt);

/** A post the caller may act on: residents never reach one that staff took down. */
async function livePost(ctx: ActionContext, v: Viewer, id: string): Promise<PartyPostDoc> {
  const p = await collection(ctx.db, 'party_posts').byIdIn(id, v);
  if (isWithdrawn(p) && !v.staff) throw new AppError('NOT_FOUND', '这条内容已被居委会撤下');
  return p;
}

function summary(p: PartyPostDoc, mine: { likedByMe: boolean; signedUpByMe: boolean }) {
  return {
    ...mine,
    withdrawn: isWithdrawn(p),
    id: p._id,
    kind: p.kind,
    title: p.title,
    publishedAt: iso(p.publishedAt),
    likeCount: p.likeCount,
    capacity: p.capacity,
    signupCount: p.signupCount,
    startsAt: isoOrNull(p.startsAt),
    place: p.place,
    signupDeadline: isoOrNull(p.signupDeadline),
  };
}

export const listPartyPostsHandler = handle(listPartyPosts, async (input, ctx) => {
  const v = await viewer(ctx);
  // a post without the field was never taken down ({ field: null } matches a missing field)
  const live = v.staff ? {} : { withdrawnAt: ctx.db.command.eq(null) };
  const where = input.kind ? { committeeId: v.committeeId, kind: input.kind, ...live } : { committeeId: v.committeeId, ...live };
  const { items, nextOffset } = await collection(ctx.db, 'party_posts').page((ref) => ref.where(where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc'), input);
  const ids = items.map((p) => p._id);
  const [liked, signedUp] = await Promise.all([membersAmong(ctx, LIKES.members, ids, v.openid), membersAmong(ctx, SIGNUPS.members, ids, v.openid)]);
  return { items: items.map((p) => summary(p, { likedByMe: liked.has(p._id), signedUpByMe: signedUp.has(p._id) })), nextOffset };
});

/** Why a sign-up is refused now, or null when it is open. */
function signupClosedReason(p: PartyPostDoc, now: Date): string | null {
  if (p.capacity === null) return '这篇文章不需要报名';
  if (p.signupDeadline && now.getTime() > p.signupDeadline.getTime()) return '报名已截止';
  if (p.startsAt && now.getTime() >= p.startsAt.getTime()) return '活动已开始，不能再报名';
  if (p.signupCount >= p.capacity) return '名额已满';
  return null;
}

export const getPartyPostHandler = handle(getPartyPost, async (input, ctx) => {
  const v = await viewer(ctx);
  const p = await livePost(ctx, v, input.id);
  const [likedByMe, signedUpByMe] = await Promise.all([isMember(ctx, LIKES.members, p._id, v.openid), isMember(ctx, SIGNUPS.members, p._id, v.openid)]);
  return {
    ...summary(p, { likedByMe, signedUpByMe }),
    body: p.body,
    endsAt: isoOrNull(p.endsAt),
    authorName: p.authorName,
    signupOpen: !signedUpByMe && !isWithdrawn(p) && signupClosedReason(p, ctx.now()) === null,
    editedAt: isoOrNull(p.editedAt),
    scheduleChangedAt: isoOrNull(p.scheduleChangedAt),
  };
});

export const likePartyPostHandler = handle(likePartyPost, async (input, ctx) => {
  const v = await viewer(ctx);
  await livePost(ctx, v, input.id);
  const record: Omit<PartyMemberDoc, '_id'> = { postId: input.id, committeeId: v.committeeId, openid: v.openid, name: null, at: ctx.now() };
  const r = input.liked ? await join(ctx, LIKES, input.id, v.openid, record) : await leave(ctx, LIKES, input.id, v.openid);
  return { liked: input.liked, likeCount: r.parent.likeCount };
});

/** Sign-ups are for the committee's residents; staff organise rather than attend. */
function requireResident(v: Viewer) {
  if (v.staff || !v.user) throw new AppError('FORBIDDEN', '报名仅面向本居委会的居民');
}

export const signUpPartyHandler = handle(signUpParty, async (input, ctx) => {
  const v = await viewer(ctx);
  requireResident(v);
  const post = await livePost(ctx, v, input.id);
  if (post.capacity === null) throw new AppError('INVALID_INPUT', '这篇文章不需要报名');
  const now = ctx.now();
  const record: Omit<PartyMemberDoc, '_id'> = { postId: post._id, committeeId: v.committeeId, openid: v.openid, name: v.user?.displayName ?? null, at: now };
  const r = await join(ctx, SIGNUPS, post._id, v.openid, record, {
    admit: (p) => {
      // read again inside the transaction: a take-down racing this sign-up wins
      if (isWithdrawn(p)) throw new AppError('SIGNUP_CLOSED', '这条内容已被居委会撤下');
      const reason = signupClosedReason(p, now);
      if (reason) throw new AppError(reason === '名额已满' ? 'SIGNUP_FULL' : 'SIGNUP_CLOSED', reason);
    },
  });
  return { signedUp: true as const, signupCount: r.parent.signupCount, capacity: post.capacity };
});

export const cancelPartySignupHandler = handle(cancelPartySignup, async (input, ctx) => {
  const v = await viewer(ctx);
  requireResident(v);
  const post = await collection(ctx.db, 'party_posts').byIdIn(input.id, v);
  if (post.capacity === null) throw new AppError('INVALID_INPUT', '这篇文章不需要报名');
  const now = ctx.now();
  const r = await leave(ctx, SIGNUPS, post._id, v.openid, {
    allow: (p) => {
      if (p.startsAt && now.getTime() >= p.startsAt.getTime()) throw new AppError('SIGNUP_CLOSED', '活动已开始，不能取消报名');
    },
  });
  return { signedUp: false as const, signupCount: r.parent.signupCount, capacity: post.capacity };
});

export const listPartySignupsHandler = handle(listPartySignups, async (input, ctx) => {
  const v = await manager(ctx);
  const post = await collection(ctx.db, 'party_posts').byIdIn(input.id, v);
  if (post.capacity === null) throw new AppError('INVALID_INPUT', '这篇文章没有报名');
  const { items, nextOffset } = await collection(ctx.db, SIGNUPS.members).page((ref) => ref.where({ postId: post._id }).orderBy('at', 'asc').orderBy('_id', 'asc'), input);
  if (input.reveal && items.length > 0) await writeAudit(ctx.db, partyPostAudit(v, ctx.now(), 'party.signups.reveal', post._id, items.length));
  const name = (n: string | null) => (n ? (input.reveal ? n : maskName(n)) : '居民');
  return {
    items: items.map((s) => ({ name: name(s.name), signedUpAt: iso(s.at) })),
    nextOffset,
    total: post.signupCount,
    capacity: post.capacity,
  };
});

export const withdrawPartyPostHandler = handle(withdrawPartyPost, async (input, ctx) => {
  const v = await manager(ctx);
  const posts = collection(ctx.db, 'party_posts');
  const p = await posts.byIdIn(input.id, v);
  if (p.withdrawnAt) return { id: p._id, withdrawnAt: iso(p.withdrawnAt) };
  const now = ctx.now();
  // conditional on not yet taken down, so two staff racing keep the first reason
  const res = await posts.ref.where({ _id: p._id, withdrawnAt: ctx.db.command.eq(null) }).update({ withdrawnAt: now, withdrawnReason: input.reason, withdrawnByStaffId: v.staff.actorId });
  if (!res.updated) {
    const again = await posts.byIdIn(p._id, v);
    return { id: p._id, withdrawnAt: iso(again.withdrawnAt ?? now) };
  }
  await writeAudit(ctx.db, partyPostAudit(v, now, 'party.withdraw', p._id, 1));
  return { id: p._id, withdrawnAt: iso(now) };
});

const FIELDS = Object.keys(PARTY_FIELD_LABELS) as PartyField[];
const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Refuses fields the post's kind does not take at publish (an article has no place or 名额). */
function requireFieldsOfKind(p: PartyPostDoc, fields: readonly PartyField[]): void {
  const allowed = PARTY_FIELDS_BY_KIND[p.kind];
  const foreign = fields.filter((k) => !allowed.includes(k));
  if (foreign.length === 0) return;
  const names = (ks: readonly PartyField[]) => ks.map((k) => PARTY_FIELD_LABELS[k]).join('、');
  throw new AppError(
    'PARTY_FIELD_NOT_FOR_KIND',
    `这条内容只能修改${names(allowed)}，不能修改${names(foreign)}`,
    foreign.map((k) => ({ path: k, message: `这条内容没有${PARTY_FIELD_LABELS[k]}，不能修改` })),
  );
}

/** The rules the post as it would become must keep (those of party.publish, and the sign-ups it has). */
function checkEdited(before: PartyPostDoc, after: PartyPostDoc, changed: readonly PartyField[], now: Date): void {
  if (after.kind === 'activity' && after.startsAt && after.signupDeadline) {
    const issues = activityTimeIssues({ startsAt: after.startsAt, endsAt: after.endsAt, signupDeadline: after.signupDeadline });
    if (issues.length > 0) throw new AppError('INVALID_INPUT', issues[0]!.message, issues);
  }
  if (changed.includes('signupDeadline')) refusePassedDeadline(after.signupDeadline, now);
  if (after.capacity !== null && after.capacity < before.signupCount) {
    const message = `已有 ${before.signupCount} 人报名，名额不能少于 ${before.signupCount} 人`;
    throw new AppError('PARTY_CAPACITY_BELOW_SIGNUPS', message, [{ path: 'capacity', message }]);
  }
}

export const editPartyPostHandler = handle(editPartyPost, async (input, ctx) => {
  const v = await manager(ctx);
  await collection(ctx.db, 'party_posts').byIdIn(input.id, v);
  const now = ctx.now();
  const sent = FIELDS.filter((k) => input[k] !== undefined);
  // read, check and write in one transaction: a sign-up or a take-down racing the edit conflicts
  // with it, so 名额 is checked against the sign-ups as they are when the edit commits
  const result = await inTransaction(ctx.db, async (tx) => {
    const p = await txGet(tx, 'party_posts', input.id);
    if (!p) throw new AppError('NOT_FOUND');
    if (isWithdrawn(p)) throw new AppError('NOT_FOUND', '这条内容已被居委会撤下，不能再修改');
    requireFieldsOfKind(p, sent);
    const changed = sent.filter((k) => !sameValue(input[k], p[k]));
    // a repeat of the same correction (a retry) writes nothing
    if (changed.length === 0) return { editedAt: p.editedAt ?? null, changed };
    const values = Object.fromEntries(changed.map((k) => [k, input[k]]));
    checkEdited(p, { ...p, ...values }, changed, now);
    const scheduleChanged = changed.some((k) => PARTY_SCHEDULE_FIELDS.includes(k));
    // staff write for the committee, so no content check; who changed it is kept
    await tx.collection('party_posts').doc(p._id).update({ ...values, editedAt: now, editedByStaffId: v.staff.actorId, ...(scheduleChanged ? { scheduleChangedAt: now } : {}) });
    // the names of the fields, never their values
    await writeAudit(tx, partyPostAudit(v, now, 'party.edit', p._id, 1, { fields: changed }));
    return { editedAt: now, changed };
  });
  return { id: input.id, editedAt: isoOrNull(result.editedAt) };
});

export const partyHandlers = [
  editPartyPostHandler,
  withdrawPartyPostHandler,
  publishPartyPostHandler,
  listPartyPostsHandler,
  getPartyPostHandler,
  likePartyPostHandler,
  signUpPartyHandler,
  cancelPartySignupHandler,
  listPartySignupsHandler,
];
