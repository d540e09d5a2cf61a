/**
 * Who may see or change which card (the domain's rules, on the _kit/access.ts vocabulary): staff
 * read their own; the secretary reads and fills in the cards of their committee's staff but never
 * their own (a card is signed by someone else); liaisons and residents have no card access here
 * (liaisons read the street ranking). A colleague of another committee is NOT_FOUND.
 */
import { POINTS_CODES } from '@shared/contracts/points';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { committeeStaff, secretary, type StaffCaller } from '../_kit/access';
import type { Database } from '../_kit/cloud';
import type { ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';

/** The staff member a card belongs to, in the committee the card is kept in. */
export type CardOwner = StaffDoc & { committeeId: string };

async function colleague(db: Database, who: StaffCaller, staffId: string): Promise<CardOwner> {
  const s = await collection(db, 'staff').byIdIn(staffId, who, '本居委会没有这名工作人员');
  return { ...s, committeeId: who.committeeId };
}

/** The staff member whose card the caller reads: their own, or (secretary) a colleague's. */
export async function readableOwner(ctx: ActionContext, staffId: string | undefined): Promise<CardOwner> {
  const who = await committeeStaff(ctx);
  if (!staffId || staffId === who.actorId) return who.staff;
  if (!who.isSecretary) throw new AppError('FORBIDDEN', '只能查看本人的积分卡');
  return colleague(ctx.db, who, staffId);
}

/** The secretary and the colleague whose card they fill in, sign or correct (never their own). */
export async function editableOwner(ctx: ActionContext, staffId: string): Promise<{ secretary: StaffCaller; owner: CardOwner }> {
  const who = await secretary(ctx);
  if (staffId === who.actorId) throw new AppError(POINTS_CODES.ownCard, '本人的积分卡须由其他书记填写和签名');
  return { secretary: who, owner: await colleague(ctx.db, who, staffId) };
}
