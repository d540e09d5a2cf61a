/**
 * Who may see or change which card: staff read their own; the secretary reads and fills in the
 * cards of their committee's staff but never their own (a card is signed by someone else);
 * liaisons and residents have no card access here (liaisons read the street ranking).
 */
import { POINTS_CODES } from '@shared/contracts/points';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { ActionContext } from '../_kit/runtime';
import { committeeMember, requireSecretary, type CommitteeMember } from '../_kit/committee-access';

export { committeeMember };

async function staffById(ctx: ActionContext, id: string): Promise<StaffDoc | null> {
  const res = await ctx.db.collection('staff').doc(id).get();
  return (res.data as StaffDoc[] | undefined)?.[0] ?? null;
}

/** The staff member whose card the caller reads: their own, or (secretary) a colleague's. */
export async function readableOwner(m: CommitteeMember, ctx: ActionContext, staffId: string | undefined): Promise<StaffDoc & { committeeId: string }> {
  if (!staffId || staffId === m.staff._id) return m.staff;
  if (!m.isSecretary) throw new AppError('FORBIDDEN', '只能查看本人的积分卡');
  return committeeColleague(ctx, m, staffId);
}

async function committeeColleague(ctx: ActionContext, m: CommitteeMember, staffId: string): Promise<StaffDoc & { committeeId: string }> {
  const s = await staffById(ctx, staffId);
  if (!s || s.committeeId !== m.committeeId) throw new AppError('FORBIDDEN', '只能管理本居委会工作人员的积分卡');
  return s as StaffDoc & { committeeId: string };
}

/** The secretary and the colleague whose card they fill in, sign or correct (never their own). */
export async function editableOwner(ctx: ActionContext, staffId: string): Promise<{ secretary: CommitteeMember; owner: StaffDoc & { committeeId: string } }> {
  const secretary = await requireSecretary(ctx);
  if (staffId === secretary.staff._id) throw new AppError(POINTS_CODES.ownCard, '本人的积分卡须由其他书记填写和签名');
  return { secretary, owner: await committeeColleague(ctx, secretary, staffId) };
}
