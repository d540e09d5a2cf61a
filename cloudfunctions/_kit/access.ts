/**
 * The one vocabulary of callers. Every action starts by naming who may call it:
 *
 *   const who = await committeeStaff(ctx);          // 社工 or 书记 of a committee
 *   const order = inCommittee(await orders.byId(id), who);
 *
 * Each gate reads the principal once per invocation (ctx.principal() is memoised) and answers
 * UNAUTHENTICATED (no identity), FORBIDDEN (the wrong kind of caller) or, through
 * `inCommittee` / `Handle.byIdIn`, NOT_FOUND for another committee's record: ids never reveal
 * what exists elsewhere. Domain files add only their domain's rules on top of these.
 */
import { CONSENT_CODES, PRIVACY_NOTICE_VERSION } from '@shared/contracts/auth-consent';
import type { StaffDoc, UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Principal } from './principal';
import type { ActionContext } from './runtime';

type Ctx = Pick<ActionContext, 'principal'>;

/** The roles that work a committee's desk. */
export const COMMITTEE_ROLES = ['staff', 'secretary'] as const;

export function isCommitteeStaff(p: Pick<Principal, 'staff' | 'roles'>): boolean {
  return !!p.staff?.active && !!p.staff.committeeId && COMMITTEE_ROLES.some((r) => p.roles.includes(r));
}

export function isSecretary(p: Pick<Principal, 'staff' | 'roles'>): boolean {
  return isCommitteeStaff(p) && p.roles.includes('secretary');
}

/** Anyone the platform knows: a WeChat user (OPENID) or a bound staff member. */
export async function signedIn(ctx: Ctx): Promise<Principal> {
  const p = await ctx.principal();
  if (!p.openid) throw new AppError('UNAUTHENTICATED');
  return p;
}

/** A WeChat user who accepted the current privacy notice, before anything personal is taken from them. */
export async function consentedUser(ctx: Ctx): Promise<UserDoc> {
  const p = await signedIn(ctx);
  if (!p.user?.consent || p.user.consent.version !== PRIVACY_NOTICE_VERSION) {
    throw new AppError(CONSENT_CODES.required, '请先阅读并同意《个人信息保护指引》');
  }
  return p.user;
}

export interface ResidentCaller {
  openid: string;
  user: UserDoc & { householdId: string; committeeId: string };
  householdId: string;
  committeeId: string;
}

/** A resident with a claimed (verified) household in a committee. */
export async function resident(ctx: Ctx): Promise<ResidentCaller> {
  const p = await signedIn(ctx);
  const user = p.user;
  if (!user?.householdId || !user.committeeId || !p.roles.includes('resident')) {
    throw new AppError('FORBIDDEN', '请先完成家庭注册，加入所在居委会后再参与');
  }
  return { openid: p.openid, user: user as ResidentCaller['user'], householdId: user.householdId, committeeId: user.committeeId };
}

export interface StaffCaller {
  staff: StaffDoc & { committeeId: string };
  /** the staff record's id, as audit entries and authorship name it */
  actorId: string;
  committeeId: string;
  isSecretary: boolean;
}

function staffCaller(p: Principal): StaffCaller {
  const staff = p.staff as StaffCaller['staff'];
  return { staff, actorId: staff._id, committeeId: staff.committeeId, isSecretary: isSecretary(p) };
}

/** Committee staff (社工 or 书记), acting on their own committee only. */
export async function committeeStaff(ctx: Ctx): Promise<StaffCaller> {
  const p = await signedIn(ctx);
  if (!isCommitteeStaff(p)) throw new AppError('FORBIDDEN', '只有居村委工作人员可以进行此操作');
  return staffCaller(p);
}

/** The committee's 书记. */
export async function secretary(ctx: Ctx): Promise<StaffCaller> {
  const who = await committeeStaff(ctx);
  if (!who.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以进行此操作');
  return who;
}

/** The committee staff when the caller is one, else null (for actions residents and staff share). */
export async function committeeStaffOrNull(ctx: Ctx): Promise<StaffCaller | null> {
  const p = await ctx.principal();
  return isCommitteeStaff(p) ? staffCaller(p) : null;
}

export type LiaisonLevel = 'city' | 'district' | 'street';

/** A region the liaison gates are asked about: a district, or a street of a district. */
export interface RegionScope {
  level: 'district' | 'street';
  id: string;
  districtId: string;
}

export interface LiaisonCaller {
  staff: StaffDoc;
  actorId: string;
  level: LiaisonLevel;
  /** whether this liaison may read the region */
  mayRead(scope: RegionScope): boolean;
  /** whether this liaison manages the district (exclusions, assessor entries, registers) */
  managesDistrict(districtId: string): boolean;
}

const LIAISON_ROLES = ['city_admin', 'district_liaison', 'street_liaison'] as const;

function liaisonCaller(p: Principal): LiaisonCaller | null {
  const s = p.staff;
  if (!s?.active) return null;
  const level: LiaisonLevel | null = p.roles.includes('city_admin') ? 'city' : p.roles.includes('district_liaison') ? 'district' : p.roles.includes('street_liaison') ? 'street' : null;
  if (!level) return null;
  const managesDistrict = (districtId: string) => level === 'city' || (level === 'district' && s.districtId === districtId);
  return {
    staff: s,
    actorId: s._id,
    level,
    managesDistrict,
    mayRead: (scope) => managesDistrict(scope.districtId) || (level === 'street' && scope.level === 'street' && s.streetId === scope.id),
  };
}

/**
 * A street or district liaison or the city administrator. With `scope`, only one who may read
 * that region (FORBIDDEN otherwise: a liaison knows which regions exist).
 */
export async function liaison(ctx: Ctx, scope?: RegionScope): Promise<LiaisonCaller> {
  const p = await signedIn(ctx);
  const who = liaisonCaller(p);
  if (!who || !LIAISON_ROLES.some((r) => p.roles.includes(r))) throw new AppError('FORBIDDEN', '只有街镇、区联络员或市级管理员可以查看');
  if (scope && !who.mayRead(scope)) throw new AppError('FORBIDDEN', scope.level === 'street' ? '只能查看本人负责的街镇' : '只能查看本人负责的区');
  return who;
}

/** The liaison when the caller is one, else null. */
export async function liaisonOrNull(ctx: Ctx): Promise<LiaisonCaller | null> {
  return liaisonCaller(await ctx.principal());
}

/**
 * Timer triggers and function-to-function calls carry no WeChat identity; a call from the
 * mini-program always does, so no user can reach a system entry point.
 */
export function system(ctx: Pick<ActionContext, 'caller'>): void {
  if (ctx.caller.openid || ctx.caller.source === 'wx_client') throw new AppError('FORBIDDEN');
}

/** The record when it belongs to the caller's committee; NOT_FOUND when absent or another committee's. */
export function inCommittee<T extends { committeeId: string | null }>(doc: T | null | undefined, who: { committeeId: string }, notFound?: string): T {
  if (!doc || doc.committeeId !== who.committeeId) throw new AppError('NOT_FOUND', notFound);
  return doc;
}
