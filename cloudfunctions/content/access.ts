/**
 * Who may read and manage content, on the caller vocabulary of `_kit/access.ts`. Content belongs
 * to one committee: its staff (社工 / 书记) manage it, its residents (users whose record names the
 * committee) read it and take part. Records are read with `collection(db, name).byIdIn(id, v)`,
 * so another committee's record answers NOT_FOUND, as everywhere.
 */
import type { UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { committeeStaffOrNull, signedIn, type StaffCaller } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';

type Ctx = Pick<ActionContext, 'principal'>;

export interface Viewer {
  openid: string;
  committeeId: string;
  /** set when the caller works the desk of `committeeId` */
  staff: StaffCaller | null;
  user: UserDoc | null;
  /** household claimed (principal role 'resident'): may propose topics and vote */
  verified: boolean;
  /** the name shown on what the caller writes */
  name: string;
}

/** A viewer who manages the committee's content. */
export type Manager = Viewer & { staff: StaffCaller };

/** Anyone who reads a committee's content: its staff, or a resident whose record names it. */
export async function viewer(ctx: Ctx): Promise<Viewer> {
  const p = await signedIn(ctx);
  const verified = p.roles.includes('resident');
  const staff = await committeeStaffOrNull(ctx);
  if (staff) return { openid: p.openid, committeeId: staff.committeeId, staff, user: p.user, verified, name: staff.staff.name };
  // a WeChat user who has not accepted the privacy notice has not signed in yet
  if (!p.user?.consent && !p.staff) throw new AppError('UNAUTHENTICATED');
  if (!p.user?.committeeId) throw new AppError('FORBIDDEN', '请先完成家庭注册，加入所在居委会后再参与');
  return { openid: p.openid, committeeId: p.user.committeeId, staff: null, user: p.user, verified, name: p.user.displayName ?? '居民' };
}

/** Staff of the committee: they publish, correct, take down, moderate and move topics. */
export async function manager(ctx: Ctx): Promise<Manager> {
  const v = await viewer(ctx);
  const { staff } = v;
  if (!staff) throw new AppError('FORBIDDEN', '只有本居委会的工作人员可以进行此操作');
  return { ...v, staff };
}
