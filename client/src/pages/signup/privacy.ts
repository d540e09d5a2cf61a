/**
 * WeChat's privacy authorisation (required since base library 2.32.3 for any page that collects
 * personal data): `requirePrivacyAuthorize` asks the platform whether the user has agreed to this
 * mini-program's privacy guide; if not, `onNeedPrivacyAuthorization` hands us a `resolve`, we show
 * our notice, and the user's tap on a button with open-type `agreePrivacyAuthorization` is what
 * `resolve({ event: 'agree', buttonId })` reports. H5 (local development) has no such platform
 * step: the page's own consent button is the whole flow.
 */
import Taro from '@tarojs/taro';

type Resolve = (o: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let pending: Resolve | null = null;

export const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The platform API is present (not in H5, nor in old base libraries and simulators). */
function platformHasPrivacyApi(): boolean {
  const wx = (globalThis as { wx?: Record<string, unknown> }).wx;
  return IS_WEAPP && typeof wx?.requirePrivacyAuthorize === 'function' && typeof wx?.onNeedPrivacyAuthorization === 'function';
}

/** Asks the platform; `onNeed` runs when our notice must be shown. Resolves true once authorised. */
export function requirePrivacy(onNeed: () => void): Promise<boolean> {
  if (!platformHasPrivacyApi()) return Promise.resolve(true);
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve;
    pending({ event: 'exposureAuthorization' });
    onNeed();
  });
  return new Promise((done) => Taro.requirePrivacyAuthorize({ success: () => done(true), fail: () => done(false) }));
}

/** Reports the user's tap on the agree button (its id) to the platform. */
export function reportAgreed(buttonId: string): void {
  pending?.({ event: 'agree', buttonId });
  pending = null;
}

export function reportDisagreed(): void {
  pending?.({ event: 'disagree' });
  pending = null;
}
