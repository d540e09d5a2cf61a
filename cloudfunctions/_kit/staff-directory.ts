/** Lookups in the staff directory for a committee's own actions (assigning, notifying, counting). */
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { COMMITTEE_ROLES } from './access';
import type { Database } from './cloud';
import { collection } from './store';

/** Active staff of the committee by id; STAFF_NOT_IN_COMMITTEE when any is not. */
export async function activeStaffByIds(db: Database, committeeId: string, ids: readonly string[]): Promise<Map<string, StaffDoc>> {
  const found = new Map((await collection(db, 'staff').byIds(ids)).filter((s) => s.committeeId === committeeId && s.active).map((s) => [s._id, s]));
  if (ids.some((id) => !found.has(id))) throw new AppError('STAFF_NOT_IN_COMMITTEE', '所选人员不是本居委会在职工作人员');
  return found;
}

/** Every active 社工 and 书记 of the committee (a committee has a handful to a few dozen). */
export async function allCommitteeStaff(db: Database, committeeId: string): Promise<StaffDoc[]> {
  const rows = await collection(db, 'staff').some((c) => c.where({ committeeId, active: true }), 1000);
  return rows.filter((s) => COMMITTEE_ROLES.some((r) => s.roles.includes(r)));
}
