/**
 * How WeCom failures become AppErrors: a stable code for clients to switch on, a Chinese message
 * fit to show, and WeCom's own errcode/errmsg in `details` for operators. Nothing in here ever
 * carries a URL (query strings hold access_token / corpsecret) or a session_key.
 */
import { AppError } from '@shared/errors';

export const WECOM_CODES = {
  /** any failed WeCom call: busy, network, unexpected errcode */
  error: 'WECOM_ERROR',
  /** jscode2session refused the login code (40029: wrong, used or older than 5 minutes) */
  loginCodeInvalid: 'WECOM_LOGIN_CODE_INVALID',
  /** the code belongs to a member of another corp linked to the same mini-program */
  corpMismatch: 'WECOM_CORP_MISMATCH',
  /** missing or malformed WECOM_* settings */
  config: 'WECOM_CONFIG_INVALID',
} as const;

export type WecomApi = 'gettoken' | 'miniprogram/jscode2session' | 'message/send';

export interface WecomErrorDetails {
  api: WecomApi;
  /** WeCom's errcode; null when no WeCom answer arrived (network error, timeout, HTTP 5xx) */
  errcode: number | null;
  errmsg: string;
  httpStatus?: number;
  /** HTTP exchanges made for this call, retries included */
  attempts: number;
}

/**
 * errcodes meaning "this access_token is no good": drop it, fetch a new one, retry once. On
 * gettoken itself 40001 means a wrong secret and is never retried.
 */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 42001, 40001]);
/** -1 系统繁忙: WeCom asks callers to retry a few times. */
export const BUSY_ERRCODE = -1;
export const INVALID_CODE_ERRCODE = 40029;

const UNAVAILABLE = '企业微信服务暂时不可用，请稍后再试';

function messageFor(d: WecomErrorDetails): string {
  if (d.errcode === null || d.errcode === BUSY_ERRCODE) return UNAVAILABLE;
  // 40001 invalid secret / 40013 invalid corpid from gettoken: our settings, not the user
  if (d.api === 'gettoken') return '企业微信配置有误，请联系管理员';
  if (d.api === 'message/send') return '企业微信通知发送失败，请稍后再试';
  return '企业微信登录失败，请稍后再试';
}

export function wecomError(d: WecomErrorDetails): AppError {
  if (d.api === 'miniprogram/jscode2session' && d.errcode === INVALID_CODE_ERRCODE) {
    return new AppError(WECOM_CODES.loginCodeInvalid, '企业微信登录已失效，请重新打开小程序', d);
  }
  return new AppError(WECOM_CODES.error, messageFor(d), d);
}
