/**
 * The mini-program transport: `wx.cloud.callFunction`, whose `result` is the function's envelope.
 */
import Taro from '@tarojs/taro';
import { AppError } from '@shared/errors';
import type { FunctionEvent } from '@shared/contract';
import type { OpenDataIds, Transport } from './transport';

let initialised = false;

/** `wx.cloud.init` once per app; called at launch and again (as a no-op) before each call. */
export function initCloud(): void {
  if (initialised) return;
  if (!Taro.cloud) throw new AppError('NETWORK', '当前环境不支持云开发，请使用微信打开');
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
  initialised = true;
}

/** wx.cloud reports a function that ran past its time limit as errCode -504003. */
const FUNCTION_TIMEOUT_CODE = -504003;

function transportError(err: unknown): AppError {
  const e = (err ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  const text = String(e.errMsg ?? e.message ?? '');
  const timedOut = e.errCode === FUNCTION_TIMEOUT_CODE || /TIME_LIMIT_EXCEEDED|timeout|timed out|超时/i.test(text);
  return new AppError(timedOut ? 'TIMEOUT' : 'NETWORK', undefined, { errCode: e.errCode, errMsg: text });
}

/** Each cloudID as `wx.cloud.CloudID(...)` in its own top-level field, which CloudBase decrypts. */
function withOpenData(event: FunctionEvent, openData: OpenDataIds): Record<string, unknown> {
  const data: Record<string, unknown> = { ...event };
  // Taro types CloudID() as void; at run time it is wx.cloud's marker object
  const mark = (id: string) => (Taro.cloud.CloudID as unknown as (id: string) => unknown)(id);
  for (const [key, id] of Object.entries(openData)) if (id) data[key] = mark(id);
  return data;
}

export const wxCloudTransport: Transport = async (fn, event, openData) => {
  initCloud();
  let res: { result?: unknown };
  try {
    res = await Taro.cloud.callFunction({ name: fn, data: withOpenData(event, openData) });
  } catch (err) {
    throw transportError(err);
  }
  return res.result;
};
