/**
 * The caller's roles and scope, read from the database on every invocation. A staff record bound
 * to the caller's OPENID makes the caller staff; a user record makes them a resident.
 */
import type { Role } from '@shared/contracts/auth';
import type { StaffDoc, UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from './cloud';
import type { Caller } from './caller';

export interface Principal {
  openid: string;
  user: UserDoc | null;
  staff: StaffDoc | null;
  roles: Role[];
}

export async function loadPrincipal(db: Database, caller: Caller): Promise<Principal> {
  if (!caller.openid) return { openid: '', user: null, staff: null, roles: [] };
  const [users, staff] = await Promise.all([
    db.collection('users').where({ openid: caller.openid }).limit(1).get(),
    db.collection('staff').where({ openid: caller.openid, active: true }).limit(1).get(),
  ]);
  const user = (users.data[0] as UserDoc | undefined) ?? null;
  const member = (staff.data[0] as StaffDoc | undefined) ?? null;
  const roles: Role[] = [];
  if (user?.householdId) roles.push('resident');
  if (member) roles.push(...member.roles);
  return { openid: caller.openid, user, staff: member, roles };
}

export function requireSignedIn(p: Principal): void {
  if (!p.openid) throw new AppError('UNAUTHENTICATED');
}

/** Throws FORBIDDEN unless the caller holds one of `roles`. */
export function requireRole(p: Principal, ...roles: Role[]): void {
  requireSignedIn(p);
  if (!roles.some((r) => p.roles.includes(r))) throw new AppError('FORBIDDEN');
}
