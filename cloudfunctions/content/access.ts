/**
 * Who may see and change content. Content belongs to one committee: staff (staff / secretary) of
 * that committee manage it, its residents (users whose record names the committee) read it and
 * take part. Nobody reaches another committee's content.
 */
import type { StaffDoc, UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { ActionContext } from '../_kit/runtime';

export interface Viewer {
  openid: string;
  committeeId: string;
  /** set when the caller acts as staff of `committeeId` */
  staff: StaffDoc | null;
  user: UserDoc | null;
  /** household claimed (principal role 'resident'): may propose topics and vote */
  verified: boolean;
  /** the name shown on what the caller writes */
  name: string;
}

export async function viewer(ctx: ActionContext): Promise<Viewer> {
  const p = await ctx.principal();
  if (!p.openid) throw new AppError('UNAUTHENTICATED');
  const verified = p.roles.includes('resident');
  if (p.staff?.committeeId && p.roles.some((r) => r === 'staff' || r === 'secretary')) {
    return { openid: p.openid, committeeId: p.staff.committeeId, staff: p.staff, user: p.user, verified, name: p.staff.name };
  }
  // a WeChat user who has not accepted the privacy notice has not signed in yet
  if (!p.user?.consent && !p.staff) throw new AppError('UNAUTHENTICATED');
  if (!p.user?.committeeId) throw new AppError('FORBIDDEN', '请先完成家庭注册，加入所在居委会后再参与');
  return { openid: p.openid, committeeId: p.user.committeeId, staff: null, user: p.user, verified, name: p.user.displayName ?? '居民' };
}

export function requireStaff(v: Viewer): asserts v is Viewer & { staff: StaffDoc } {
  if (!v.staff) throw new AppError('FORBIDDEN', '只有本居委会的工作人员可以进行此操作');
}

/** Reads a document of `collection` that must belong to the viewer's committee. */
export async function ownDoc<T extends { committeeId: string }>(ctx: ActionContext, v: Viewer, collection: string, id: string): Promise<T> {
  const res = await ctx.db.collection(collection).doc(id).get();
  const doc = (res.data as T[] | undefined)?.[0];
  if (!doc) throw new AppError('NOT_FOUND');
  if (doc.committeeId !== v.committeeId) throw new AppError('FORBIDDEN');
  return doc;
}
