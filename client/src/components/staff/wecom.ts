/**
 * Staff sign-in inside WeCom: `wx.qy.login` gives a code, `auth.staffLogin` binds this phone's
 * OPENID to the staff record. Done once per app session; plain WeChat and H5 skip it (H5's dev
 * gateway signs staff in by persona).
 */
import { staffLogin } from '@shared/contracts/auth-staff';
import { AppError } from '@shared/errors';
import { call } from '../../services/cloud';

interface QyApi {
  login(options: { success(res: { code: string }): void; fail(err: { errMsg?: string }): void }): void;
}
// The mini-program's global; absent in H5 and in tests unless stubbed.
declare const wx: { qy?: QyApi } | undefined;

export const WECOM_LOGIN_FAILED = 'WECOM_LOGIN_FAILED';

/** WeCom's API when running inside WeCom, else null. */
export function wecomApi(): QyApi | null {
  // Constant branch: the H5 build never touches `wx` at run time.
  if (DEV_GATEWAY) return null;
  return typeof wx !== 'undefined' && wx && wx.qy && typeof wx.qy.login === 'function' ? wx.qy : null;
}

function loginCode(qy: QyApi): Promise<string> {
  return new Promise((resolve, reject) => {
    qy.login({
      success: (res) => (res.code ? resolve(res.code) : reject(new AppError(WECOM_LOGIN_FAILED, '企业微信没有返回登录凭证，请重试'))),
      fail: () => reject(new AppError(WECOM_LOGIN_FAILED, '企业微信登录没有成功，请检查网络后重试')),
    });
  });
}

let session: Promise<void> | null = null;

/** Resolves once this session is signed in as staff; null when not inside WeCom. A failure is not cached. */
export function ensureWecomSignIn(): Promise<void> | null {
  const qy = wecomApi();
  if (!qy) return null;
  if (!session) {
    const attempt = loginCode(qy).then((code) => call(staffLogin, { code })).then(() => undefined);
    session = attempt;
    attempt.catch(() => { if (session === attempt) session = null; });
  }
  return session;
}
