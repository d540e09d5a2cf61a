/**
 * H5 only (guarded by DEV_GATEWAY, so absent from the mini-program): the local dev gateway, which
 * runs the same cloud functions the way wx.cloud.callFunction does, with a cookie session that
 * stands for the simulated WeChat / WeCom caller.
 */
import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { FunctionEvent } from '@shared/contract';
import { LOCAL_CLOUD_ID_KEY } from '@shared/open-data';
import type { OpenDataIds, Transport } from '../services/transport';

/** The gateway's code for a function that ran past its time limit (as CloudBase names it). */
const GATEWAY_TIMEOUT = 'FUNCTIONS_TIME_LIMIT_EXCEEDED';

export const DEV_SIGNIN_URL = '/__dev/signin';
const WHOAMI_URL = '/__dev/whoami';

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** The local cloud's wire form of wx.cloud.CloudID, which it decrypts as CloudBase would. */
function withOpenData(event: FunctionEvent, openData: OpenDataIds): Record<string, unknown> {
  const data: Record<string, unknown> = { ...event };
  for (const [key, id] of Object.entries(openData)) if (id) data[key] = { [LOCAL_CLOUD_ID_KEY]: id };
  return data;
}

export const gatewayTransport: Transport = async (fn, event, openData) => {
  let res: Response;
  try {
    res = await fetch(`/api/functions/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(withOpenData(event, openData)),
    });
  } catch (err) {
    throw new AppError('NETWORK', undefined, { errMsg: String(err) });
  }
  const body = (await readJson(res)) as { result?: unknown; errCode?: unknown; errMsg?: unknown } | null;
  if (res.status !== 200) {
    const errCode = body?.errCode;
    throw new AppError(errCode === GATEWAY_TIMEOUT ? 'TIMEOUT' : 'NETWORK', undefined, { status: res.status, errCode, errMsg: body?.errMsg });
  }
  if (!body || !('result' in body)) throw new AppError('NETWORK', undefined, { status: res.status, reason: 'reply without result' });
  return body.result;
};

const persona = z.object({ id: z.string(), label: z.string(), kind: z.enum(['resident', 'staff', 'liaison']) });
const whoamiReply = z.object({ dev: z.literal(true), persona: persona.nullable() });
export type DevPersona = z.infer<typeof persona>;

/** The simulated caller the gateway's cookie stands for, or null before dev sign-in. */
export async function whoami(): Promise<DevPersona | null> {
  let res: Response;
  try {
    res = await fetch(WHOAMI_URL, { credentials: 'same-origin' });
  } catch (err) {
    throw new AppError('NETWORK', undefined, { errMsg: String(err) });
  }
  if (res.status !== 200) throw new AppError('NETWORK', undefined, { status: res.status });
  const parsed = whoamiReply.safeParse(await readJson(res));
  if (!parsed.success) throw new AppError('INTERNAL', undefined, { reason: 'malformed whoami reply' });
  return parsed.data.persona;
}
