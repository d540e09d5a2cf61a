/**
 * Roles as users read them, and which workspaces each role opens. The server decides what a role
 * may do; this only decides which entries are worth showing.
 */
import type { Role } from '@shared/contracts/auth';
import { STAFF_ROLE_LABELS } from '@shared/contracts/admin-staff';

/** Staff roles are named as in the staff directory and its import files (社工, 书记, …). */
export const ROLE_LABELS: Record<Role, string> = { resident: '居民', ...STAFF_ROLE_LABELS };

/** 社工 and 书记: the roles of a committee's own staff, who open the 工作台. */
export const COMMITTEE_ROLES: readonly Role[] = ['staff', 'secretary'];
export const LIAISON_ROLES: readonly Role[] = ['street_liaison', 'district_liaison', 'city_admin'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

export function roleNames(roles: readonly Role[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '未登记';
}
