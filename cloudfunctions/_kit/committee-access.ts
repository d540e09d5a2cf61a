/**
 * Who may touch worklog and roster data: active staff of a committee, acting on that committee
 * only. Liaisons and residents get FORBIDDEN (liaisons read the aggregated metrics instead); a
 * record of another committee answers NOT_FOUND, so ids do not reveal what exists elsewhere.
 */
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from './cloud';
import { requireRole } from './principal';
import type { ActionContext } from './runtime';

export interface CommitteeMember {
  staff: StaffDoc & { committeeId: string };
  committeeId: string;
  isSecretary: boolean;
}

export async function committeeMember(ctx: ActionContext): Promise<CommitteeMember> {
  const p = await ctx.principal();
  requireRole(p, 'staff', 'secretary');
  const staff = p.staff;
  if (!staff?.committeeId) throw new AppError('FORBIDDEN', '只有居村委工作人员可以使用工作台');
  return { staff: staff as CommitteeMember['staff'], committeeId: staff.committeeId, isSecretary: staff.roles.includes('secretary') };
}

export async function requireSecretary(ctx: ActionContext): Promise<CommitteeMember> {
  const m = await committeeMember(ctx);
  if (!m.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以进行此操作');
  return m;
}

/** A document of this committee, or NOT_FOUND (also for another committee's). */
export async function committeeDoc<T extends { committeeId: string }>(db: Database, collection: string, id: string, committeeId: string): Promise<T> {
  const res = await db.collection(collection).doc(id).get();
  const doc = (res.data as T[] | undefined)?.[0];
  if (!doc || doc.committeeId !== committeeId) throw new AppError('NOT_FOUND');
  return doc;
}

/** Active staff of the committee by id; STAFF_NOT_IN_COMMITTEE when any is not. */
export async function committeeStaff(db: Database, committeeId: string, ids: string[]): Promise<Map<string, StaffDoc>> {
  const _ = db.command;
  const res = await db.collection('staff').where({ _id: _.in(ids), committeeId, active: true }).limit(ids.length).get();
  const found = new Map((res.data as StaffDoc[]).map((s) => [s._id, s]));
  if (ids.some((id) => !found.has(id))) throw new AppError('STAFF_NOT_IN_COMMITTEE', '所选人员不是本居委会在职工作人员');
  return found;
}

/** Every active staff member of the committee (a committee has a handful to a few dozen). */
export async function allCommitteeStaff(db: Database, committeeId: string): Promise<StaffDoc[]> {
  const res = await db.collection('staff').where({ committeeId, active: true }).limit(1000).get();
  return (res.data as StaffDoc[]).filter((s) => s.roles.includes('staff') || s.roles.includes('secretary'));
}
