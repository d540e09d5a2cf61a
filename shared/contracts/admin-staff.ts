/**
 * admin: the staff directory. Who may list, create, edit, deactivate and import staff is decided
 * on the server from the caller's own staff record (docs/staff.md); nothing here is trusted for it.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { id, pageInput, pageOf, plainString } from './common';

export const STAFF_ROLES = ['staff', 'secretary', 'street_liaison', 'district_liaison', 'city_admin'] as const;
export const staffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRole>;

/** The names staff use for the roles, also accepted in import files. */
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  staff: '社工',
  secretary: '书记',
  street_liaison: '街镇联络员',
  district_liaison: '区联络员',
  city_admin: '市级管理员',
};

/** The region level a role works at; a staff record's roles all share one level. */
export const ROLE_LEVEL: Record<StaffRole, 'committee' | 'street' | 'district' | 'city'> = {
  staff: 'committee',
  secretary: 'committee',
  street_liaison: 'street',
  district_liaison: 'district',
  city_admin: 'city',
};

/** WeCom userid (成员账号): letters, digits and _ - . @, as WeCom allows */
export const wecomUserId = z.string().trim().min(1, '请填写企业微信账号').max(64, '企业微信账号过长').regex(/^[A-Za-z0-9_.@-]+$/, '企业微信账号只能包含字母、数字和 _ - . @');
export const staffName = plainString('姓名').min(1, '请填写姓名').max(32, '姓名过长');
const roles = z
  .array(staffRole)
  .min(1, '请至少选择一个角色')
  .max(STAFF_ROLES.length)
  .refine((r) => new Set(r).size === r.length, '角色不能重复');

export const staffView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  roles: z.array(staffRole),
  committeeId: z.string().nullable(),
  streetId: z.string().nullable(),
  districtId: z.string().nullable(),
  active: z.boolean(),
  /** signed in through WeCom at least once since the last (re)activation */
  bound: z.boolean(),
});
export type StaffView = z.infer<typeof staffView>;

export const listStaff = defineAction(
  'admin',
  'listStaff',
  z.object({ committeeId: id.optional(), includeInactive: z.boolean().default(false), ...pageInput }).strict(),
  pageOf(staffView, {
    total: z.number().int(),
    /** what the caller may grant, for the edit form; empty for non-administrators */
    grantableRoles: z.array(staffRole),
  }),
);

/**
 * `regionId` is the scope the roles need: a committee id for 社工 / 书记, a street id for
 * 街镇联络员, a district id for 区联络员, null for 市级管理员. Street and district are derived
 * from it on the server.
 */
const staffFields = { name: staffName, roles, regionId: id.nullable() };

export const createStaff = defineAction('admin', 'createStaff', z.object({ userId: wecomUserId, ...staffFields }).strict(), z.object({ staff: staffView }));

export const updateStaff = defineAction('admin', 'updateStaff', z.object({ staffId: id, ...staffFields }).strict(), z.object({ staff: staffView }));

/** Deactivating also unbinds the OPENID: a reactivated member signs in through WeCom again. */
export const setStaffActive = defineAction('admin', 'setStaffActive', z.object({ staffId: id, active: z.boolean() }).strict(), z.object({ staff: staffView }));

export const ADMIN_CODES = {
  /** corpId + userId already in the directory */
  duplicate: 'STAFF_DUPLICATE',
  /** roles of different region levels on one record */
  mixedLevels: 'STAFF_ROLE_LEVELS',
  /** the region id does not exist or is of the wrong level */
  badRegion: 'STAFF_REGION_INVALID',
  importInvalid: 'STAFF_IMPORT_INVALID',
} as const;

export type RoleLevel = (typeof ROLE_LEVEL)[StaffRole];

/** The one region level of a set of roles, or null when they mix levels (e.g. 社工 + 区联络员). */
export function roleLevel(roles: readonly StaffRole[]): RoleLevel | null {
  const levels = new Set(roles.map((r) => ROLE_LEVEL[r]));
  return levels.size === 1 ? [...levels][0]! : null;
}

const ROLE_BY_NAME = new Map<string, StaffRole>(STAFF_ROLES.flatMap((r) => [[r, r] as const, [STAFF_ROLE_LABELS[r], r] as const]));

/** "社工、书记" or "staff,secretary" → roles; unknown names are returned for the error message. */
export function parseRoleList(text: string): { roles: StaffRole[]; unknown: string[] } {
  const names = text.split(/[、,，;；\s]+/).filter(Boolean);
  const roles = new Set<StaffRole>();
  const unknown: string[] = [];
  for (const n of names) {
    const r = ROLE_BY_NAME.get(n);
    if (r) roles.add(r);
    else unknown.push(n);
  }
  return { roles: [...roles], unknown };
}
