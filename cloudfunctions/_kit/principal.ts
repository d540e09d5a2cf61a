/**
 * The caller's roles and scope, read from the database on every invocation. A staff record bound
 * to the caller's OPENID makes the caller staff; a user record makes them a resident.
 */
import type { Role } from '@shared/contracts/auth';
import type { StaffDoc, UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from './cloud';
import type { Caller } from './caller';
import { collection } from './store';

export interface Principal {
  openid: string;
  user: UserDoc | null;
  staff: StaffDoc | null;
  roles: Role[];
}

export async function loadPrincipal(db: Database, caller: Caller): Promise<Principal> {
  if (!caller.openid) return { openid: '', user: null, staff: null, roles: [] };
  const [user, member] = await Promise.all([
    collection(db, 'users').first({ openid: caller.openid }),
    collection(db, 'staff').first({ openid: caller.openid, active: true }),
  ]);
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
