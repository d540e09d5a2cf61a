/**
 * Sharing a notice into a WeChat group. Everything here is mini-program only, except the dev
 * gateway's stand-in for getGroupEnterInfo: the branches on TARO_ENV and DEV_GATEWAY are
 * constant at build time, so each build carries only its own.
 */
import Taro from '@tarojs/taro';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Offers 转发 in the page menu, with a share ticket, so a share into a group can be told apart. */
export function enableGroupShareMenu(): void {
  if (!IS_WEAPP) return;
  void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined);
}

/**
 * The cloudID of the group chat the page was opened from, when WeChat gives one (the page came
 * from a group's message card and the environment has cloud development). It goes to the
 * function as open data (`call(..., { openData: { groupEnter } })`), where CloudBase decrypts the
 * group's opengid. Undefined in private chats and anywhere else; never an error.
 */
export function enteredGroupCloudId(): Promise<string | undefined> {
  if (DEV_GATEWAY) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../dev/group-enter') as typeof import('../../dev/group-enter')).devGroupEnterCloudId();
  }
  if (!IS_WEAPP || typeof Taro.getGroupEnterInfo !== 'function') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    try {
      Taro.getGroupEnterInfo({
        success: (res) => resolve(typeof res.cloudID === 'string' && res.cloudID ? res.cloudID : undefined),
        fail: () => resolve(undefined),
      }).catch(() => resolve(undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/** WeChat waits up to 3 s for the share content; stay safely inside that. */
export const SHARE_WAIT_MS = 2500;

export function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      () => { clearTimeout(timer); resolve(fallback); },
    );
  });
}
