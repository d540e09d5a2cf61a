/**
 * The one transport between the client and the cloud functions.
 *
 *   const me = await call(auth.me, {});
 *
 * Input is checked against the contract before sending; the reply envelope becomes the
 * contract's parsed output or a thrown AppError (code + Chinese message). Mini-program builds go
 * through wx.cloud; H5 builds (DEV_GATEWAY) go through the local dev gateway.
 */
import { z } from 'zod';
import { describeIssues, type ActionContract, type FunctionEvent, type InputOf, type OutputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { unwrapEnvelope } from './envelope';
import { newRequestId } from './request-id';
import type { OpenDataIds, Transport } from './transport';

// The mini-program forbids `new Function`; tell zod not to probe for it.
z.config({ jitless: true });

export interface CallOptions {
  /** Reuse an id across the user's own retries of the same write (e.g. a resubmitted form). */
  requestId?: string;
  /** Extra attempts after a NETWORK failure, with the same requestId. Default 1. */
  retries?: number;
  /** Give up waiting after this long (the function may still finish). Default 20 s. */
  timeoutMs?: number;
  /** cloudIDs of open data for the fields the action declares (others are not sent) */
  openData?: OpenDataIds;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const RETRY_DELAY_MS = 400;

// Each platform's transport is required inside a branch on the build-time constant, so webpack
// bundles only one of them: no /__dev/ URLs in the mini-program, no wx.cloud code in H5.
/* eslint-disable @typescript-eslint/no-require-imports */
function pickTransport(): Transport {
  return DEV_GATEWAY
    ? (require('../dev/gateway') as typeof import('../dev/gateway')).gatewayTransport
    : (require('./wxcloud') as typeof import('./wxcloud')).wxCloudTransport;
}

let transport: Transport | undefined;

/** Initialise the platform SDK at app launch (weapp only; the gateway needs nothing). */
export function initTransport(): void {
  if (!DEV_GATEWAY) (require('./wxcloud') as typeof import('./wxcloud')).initCloud();
}
/* eslint-enable @typescript-eslint/no-require-imports */

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppError('TIMEOUT')), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

/** Only the fields the contract declares, and only real cloudIDs. */
function declaredOpenData(contract: ActionContract, ids: OpenDataIds = {}): OpenDataIds {
  const out: OpenDataIds = {};
  for (const key of contract.openData) {
    const id = ids[key];
    if (typeof id === 'string' && id) out[key] = id;
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function call<C extends ActionContract>(contract: C, input: InputOf<C>, options: CallOptions = {}): Promise<OutputOf<C>> {
  const parsedInput = (contract.input as z.ZodType).safeParse(input);
  if (!parsedInput.success) throw new AppError('INVALID_INPUT', undefined, describeIssues(parsedInput.error));

  const event: FunctionEvent = { action: contract.action, payload: parsedInput.data, requestId: options.requestId ?? newRequestId() };
  const openData = declaredOpenData(contract, options.openData);
  const send = transport ?? (transport = pickTransport());
  const retries = Math.max(0, options.retries ?? 1);

  for (let attempt = 0; ; attempt++) {
    try {
      const envelope = await withTimeout(send(contract.fn, event, openData), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return unwrapEnvelope(contract, envelope);
    } catch (err) {
      // Only a transport failure is retried: the request may never have arrived. A TIMEOUT may
      // still be running server-side, and an error envelope is the server's considered answer.
      const retryable = err instanceof AppError && err.code === 'NETWORK' && attempt < retries;
      if (!retryable) throw err instanceof AppError ? err : new AppError('NETWORK', undefined, { errMsg: String(err) });
      await sleep(RETRY_DELAY_MS * (attempt + 1));
    }
  }
}
