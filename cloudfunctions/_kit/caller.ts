/**
 * Who invoked the function, as CloudBase tells it (never as the event claims). For calls from
 * the mini-program CloudBase injects WX_OPENID / WX_APPID into the invocation's context.
 */
import { tcb } from './cloud';

export interface Caller {
  /** the WeChat user's OPENID; empty for timer triggers and function-to-function calls */
  openid: string;
  appid: string;
  unionid: string;
  source: string;
}

export function callerFrom(context: unknown): Caller {
  let env: Record<string, unknown> = {};
  try {
    env = tcb.getCloudbaseContext(context as never) as unknown as Record<string, unknown>;
  } catch {
    env = tcb.getCloudbaseContext() as unknown as Record<string, unknown>;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { openid: str(env.WX_OPENID), appid: str(env.WX_APPID), unionid: str(env.WX_UNIONID), source: str(env.TCB_SOURCE) };
}
