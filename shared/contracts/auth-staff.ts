/**
 * auth.staffLogin: a staff member opens the mini-program inside WeCom; `wx.qy.login` gives a
 * code, the server exchanges it for corpid + userid (session_key stays on the server) and binds
 * the caller's OPENID to that staff record, so later calls from this OPENID act as them.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { regionRef } from './auth';
import { staffRole } from './admin-staff';

export const staffLogin = defineAction(
  'auth',
  'staffLogin',
  z.object({ code: z.string().trim().min(1, '缺少企业微信登录凭证').max(256) }).strict(),
  z.object({
    staffId: z.string(),
    name: z.string(),
    roles: z.array(staffRole),
    committee: regionRef.nullable(),
    street: regionRef.nullable(),
    district: regionRef.nullable(),
  }),
);

export const STAFF_LOGIN_CODES = {
  /** no active staff record for this WeCom member */
  notFound: 'STAFF_NOT_FOUND',
} as const;
