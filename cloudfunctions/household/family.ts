/** household.mine, createInvite, joinByInvite, leave: a verified member's family. */
import { randomBytes } from 'node:crypto';
import { createInvite, HOUSEHOLD_CODES, joinByInvite, leaveHousehold, myHouseholdQuery } from '@shared/contracts/household';
import type { InviteDoc } from '@shared/domain/household';
import { AppError } from '@shared/errors';
import { consentedUser, signedIn } from '../_kit/access';
import { iso } from '../_kit/iso';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { secretDocId } from './ids';
import { joinError, joinHousehold, leaveHousehold as leave, membershipOf } from './membership';
import { householdView, joinedHouseholdView } from './view';

/** Long enough to reach a relative who does not open WeChat every day, short enough to go stale. */
export const INVITE_TTL_MS = 72 * 3600 * 1000;

const notMember = () => new AppError(HOUSEHOLD_CODES.notMember, '您还没有登记家庭，请先完成家庭登记');
const inviteInvalid = () => new AppError(HOUSEHOLD_CODES.inviteInvalid, '邀请已失效或已被使用，请让家人重新分享邀请');

export const mineHandler = handle(myHouseholdQuery, async (_input, ctx) => {
  const p = await signedIn(ctx);
  const m = await membershipOf(ctx.db, p.openid);
  return { household: m ? await householdView(ctx.db, m) : null };
});

export const createInviteHandler = handle(createInvite, async (_input, ctx) => {
  const user = await consentedUser(ctx);
  const m = await membershipOf(ctx.db, user.openid);
  if (!m) throw notMember();
  // 128 random bits: unguessable, so joining needs no attempt limit; only its hash is stored
  const token = randomBytes(16).toString('base64url');
  const now = ctx.now();
  const invite: InviteDoc = { _id: secretDocId('invite', token), householdDocId: m.householdDocId, committeeId: m.committeeId, createdBy: user.openid, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), usedBy: null, usedAt: null };
  await collection(ctx.db, 'household_invites').ref.add(invite);
  return { token, expiresAt: iso(invite.expiresAt) };
});

export const joinByInviteHandler = handle(joinByInvite, async (input, ctx) => {
  const user = await consentedUser(ctx);
  const now = ctx.now();
  const id = secretDocId('invite', input.token);
  const invite = await collection(ctx.db, 'household_invites').byId(id);
  if (!invite || invite.usedBy || new Date(invite.expiresAt) <= now) throw inviteInvalid();
  const outcome = await joinHousehold(ctx.db, { user, householdDocId: invite.householdDocId, via: 'invite', personId: null, ticket: { collection: 'household_invites', id }, now });
  if (outcome !== 'joined') throw joinError(outcome, inviteInvalid);
  return joinedHouseholdView(ctx.db, user.openid);
});

export const leaveHandler = handle(leaveHousehold, async (_input, ctx) => {
  const p = await signedIn(ctx);
  if (!p.user || !(await leave(ctx.db, p.user))) throw notMember();
  return { left: true as const };
});
