/**
 * Roles as users read them, and which workspaces each role opens. The server decides what a role
 * may do; this only decides which entries are worth showing.
 */
import type { Role } from '@shared/contracts/auth';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  staff: '社区工作者',
  secretary: '居委会书记',
  street_liaison: '街镇联络员',
  district_liaison: '区联络员',
  city_admin: '市级管理员',
};

export const STAFF_ROLES: readonly Role[] = ['staff', 'secretary'];
export const LIAISON_ROLES: readonly Role[] = ['street_liaison', 'district_liaison', 'city_admin'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

export function roleNames(roles: readonly Role[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '未登记';
}
