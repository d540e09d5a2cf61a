/**
 * One HTTP exchange with WeCom. When no WeCom answer arrived it throws a `TransportFailure`:
 * retryable for network errors, timeouts, HTTP 5xx and non-JSON bodies (a gateway error page),
 * not for HTTP 4xx (a wrong base URL will not fix itself). Otherwise it returns WeCom's JSON
 * body, errcode included, for the caller to judge.
 */
import { z } from 'zod';

export class TransportFailure extends Error {
  constructor(
    /** short and free of URLs: the query string carries access_token / corpsecret */
    readonly reason: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
  ) {
    super(reason);
    this.name = 'TransportFailure';
  }
}

/** Every WeCom answer carries errcode (0 = ok) and errmsg; the rest depends on the API. */
export const wecomEnvelope = z.looseObject({
  errcode: z.number().int().default(0),
  errmsg: z.string().default(''),
});
export type WecomEnvelope = z.output<typeof wecomEnvelope>;

export interface HttpDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

function describeNetworkError(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timeout';
  // undici puts the socket error (ECONNREFUSED, ECONNRESET…) in `cause`; keep only its code
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `network error ${cause.code}` : 'network error';
}

export async function exchange(deps: HttpDeps, url: URL, init: { method: 'GET' } | { method: 'POST'; json: unknown }): Promise<WecomEnvelope> {
  let res: Response;
  try {
    res = await deps.fetch(url, {
      method: init.method,
      headers: init.method === 'POST' ? { 'content-type': 'application/json; charset=utf-8' } : undefined,
      body: init.method === 'POST' ? JSON.stringify(init.json) : undefined,
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (e) {
    throw new TransportFailure(describeNetworkError(e), true);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    throw new TransportFailure(describeNetworkError(e), true, res.status);
  }
  if (res.status >= 500) throw new TransportFailure(`http ${res.status}`, true, res.status);
  if (res.status >= 400) throw new TransportFailure(`http ${res.status}`, false, res.status);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // a gateway error page rather than WeCom itself; worth another try
    throw new TransportFailure(`http ${res.status}, body is not JSON`, true, res.status);
  }
  const parsed = wecomEnvelope.safeParse(body);
  if (!parsed.success) throw new TransportFailure(`http ${res.status}, body is not a WeCom answer`, false, res.status);
  return parsed.data;
}
