/**
 * Who may manage whom in the staff directory (docs/staff.md):
 * - a city_admin manages every record and may grant every role;
 * - a district_liaison manages records inside their own district whose roles are all below
 *   district_liaison, and may grant staff, secretary and street_liaison;
 * - nobody else manages anything, and nobody changes their own record (no self-escalation, no
 *   locking oneself out).
 * Listing is wider: every staff member reads the directory of their own scope.
 */
import { STAFF_ROLES, type StaffRole } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { committeeStaffOrNull, liaisonOrNull, signedIn } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';

type Ctx = Pick<ActionContext, 'principal'>;

const RANK: Record<StaffRole, number> = { staff: 1, secretary: 2, street_liaison: 3, district_liaison: 4, city_admin: 5 };

export function grantableRoles(actor: StaffDoc | null): StaffRole[] {
  if (!actor?.active) return [];
  if (actor.roles.includes('city_admin')) return [...STAFF_ROLES];
  if (actor.roles.includes('district_liaison')) return STAFF_ROLES.filter((r) => RANK[r] < RANK.district_liaison);
  return [];
}

/** The caller's staff record if they administer anything at all; FORBIDDEN otherwise. */
export async function administrator(ctx: Ctx): Promise<StaffDoc> {
  const p = await signedIn(ctx);
  if (!p.staff || grantableRoles(p.staff).length === 0) throw new AppError('FORBIDDEN', '只有市级管理员或区联络员可以管理人员');
  return p.staff;
}

/** The caller's staff record if they may read the directory at all (committee staff or a liaison); FORBIDDEN otherwise. */
export async function directoryReader(ctx: Ctx): Promise<StaffDoc> {
  await signedIn(ctx);
  const staff = (await committeeStaffOrNull(ctx))?.staff ?? (await liaisonOrNull(ctx))?.staff;
  if (!staff) throw new AppError('FORBIDDEN', '只有工作人员可以查看人员名单');
  return staff;
}

export interface ManagedState {
  _id?: string;
  roles: StaffRole[];
  districtId: string | null;
}

/** Throws unless `actor` may hold a record in `state` (checked on the record before and after a change). */
export function assertMayManage(actor: StaffDoc, state: ManagedState): void {
  if (state._id !== undefined && state._id === actor._id) throw new AppError('FORBIDDEN', '不能修改自己的账号，请联系上级管理员');
  const allowed = grantableRoles(actor);
  const above = state.roles.filter((r) => !allowed.includes(r));
  if (above.length) throw new AppError('FORBIDDEN', '不能授予或修改高于自己权限的角色');
  if (!actor.roles.includes('city_admin') && state.districtId !== actor.districtId) throw new AppError('FORBIDDEN', '只能管理本区的人员');
}

export type ListScope = { committeeId: string } | { streetId: string } | { districtId: string } | Record<string, never>;

/** The part of the directory a staff member may read: the widest scope among their roles. */
export function listScope(staff: StaffDoc): ListScope {
  const has = (r: StaffRole) => staff.roles.includes(r);
  if (has('city_admin')) return {};
  if (has('district_liaison') && staff.districtId) return { districtId: staff.districtId };
  if (has('street_liaison') && staff.streetId) return { streetId: staff.streetId };
  if ((has('secretary') || has('staff')) && staff.committeeId) return { committeeId: staff.committeeId };
  throw new AppError('FORBIDDEN', '您的账号未设置所属区域，请联系管理员');
}
