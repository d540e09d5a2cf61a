import type { Role } from '../contracts/auth';

/** A WeChat user of the mini-program (one per OPENID). */
export interface UserDoc {
  _id: string;
  openid: string;
  /** the privacy notice version accepted, and when; null until accepted */
  consent: { version: string; at: Date } | null;
  displayName: string | null;
  householdId: string | null;
  committeeId: string | null;
  createdAt: Date;
}

/** Staff, secretaries, liaisons and administrators, keyed by their WeCom identity. */
export interface StaffDoc {
  _id: string;
  corpId: string;
  userId: string;
  /** bound at WeCom sign-in; calls from this OPENID act as this staff member */
  openid: string | null;
  name: string;
  roles: Exclude<Role, 'resident'>[];
  committeeId: string | null;
  streetId: string | null;
  districtId: string | null;
  active: boolean;
}
