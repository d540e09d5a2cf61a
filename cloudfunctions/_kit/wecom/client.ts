/**
 * Typed client for the three WeCom server APIs the product uses: gettoken, miniprogram
 * jscode2session and message/send (miniprogram_notice). Token caching, token refresh and retries
 * live here so cloud functions only see results or AppErrors.
 */
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { createLogger, type Logger } from '../logger';
import { backoffDelay, DEFAULT_RETRY, realSleep, type RetryPolicy } from './backoff';
import { parseWecomConfig, type WecomConfig, type WecomConfigInput } from './config';
import { BUSY_ERRCODE, TOKEN_ERRCODES, WECOM_CODES, wecomError, type WecomApi, type WecomErrorDetails } from './errors';
import { buildMiniprogramNoticeBody, type MiniprogramNoticeInput } from './notice';
import { InMemoryTokenStore, type TokenStore } from './token-store';
import { exchange, TransportFailure, type HttpDeps, type WecomEnvelope } from './transport';

export interface WecomClientDeps {
  /** defaults to a per-client in-memory store */
  tokenStore?: TokenStore;
  fetch?: typeof fetch;
  /** injectable so tests never wait for real backoff */
  sleep?: (ms: number) => Promise<void>;
  /** in [0, 1); drives the backoff jitter */
  random?: () => number;
  /** epoch ms */
  now?: () => number;
  retry?: Partial<RetryPolicy>;
  /** per HTTP exchange */
  timeoutMs?: number;
  /** refresh a token this long before WeCom's expiry (capped at half its lifetime) */
  tokenRefreshMarginSeconds?: number;
  log?: Logger;
}

/**
 * Who signed in through wx.qy.login. Deliberately has no session_key: nothing in this product
 * decrypts WeCom data, so the key is dropped at parse time and cannot be forwarded to a client
 * by spreading or serialising this object. Should decryption ever be needed, add a method here
 * that uses the key internally rather than returning it.
 */
export interface WecomIdentity {
  readonly corpId: string;
  readonly userId: string;
}

export interface NoticeResult {
  msgId: string | null;
  /** recipients WeCom did not recognise (message delivered to the others) */
  invalidUsers: string[];
  /** recipients without a WeCom licence (未获得接口许可) */
  unlicensedUsers: string[];
}

export interface WecomClient {
  readonly config: Readonly<Omit<WecomConfig, 'corpSecret'>>;
  /** a valid access_token, from the cache when it is fresh enough */
  getAccessToken(): Promise<string>;
  /** exchanges a wx.qy.login code; rejects codes of members of other corps */
  code2Session(jsCode: string): Promise<WecomIdentity>;
  sendMiniprogramNotice(input: MiniprogramNoticeInput): Promise<NoticeResult>;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
// z.object drops unknown keys: session_key never leaves the parse
const sessionAnswer = z.object({ corpid: z.string().min(1), userid: z.string().min(1) });
const sendAnswer = z.object({
  invaliduser: z.string().optional(),
  unlicenseduser: z.string().optional(),
  msgid: z.string().optional(),
});

const splitIds = (s: string | undefined) => (s ? s.split('|').filter(Boolean) : []);

export function createWecomClient(configInput: WecomConfigInput, deps: WecomClientDeps = {}): WecomClient {
  const config = parseWecomConfig(configInput);
  const store = deps.tokenStore ?? new InMemoryTokenStore();
  const http: HttpDeps = { fetch: deps.fetch ?? globalThis.fetch, timeoutMs: deps.timeoutMs ?? 5000 };
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const marginSeconds = deps.tokenRefreshMarginSeconds ?? 300;
  const log = deps.log ?? createLogger({ module: 'wecom' });
  // one token per WeCom app; the secret itself never becomes part of a key or a log line
  const storeKey = `wecom:${config.corpId}:${config.agentId}`;
  let inflight: Promise<string> | null = null;

  const url = (path: string, query: Record<string, string>) => {
    const u = new URL(`${config.baseUrl}/cgi-bin/${path}`);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  };

  const fail = (api: WecomApi, d: Omit<WecomErrorDetails, 'api'>) => {
    log.error('wecom call failed', { api, errcode: d.errcode, errmsg: d.errmsg, httpStatus: d.httpStatus, attempts: d.attempts });
    return wecomError({ api, ...d });
  };

  /** Runs one exchange, retrying -1, network errors and 5xx with backoff. */
  async function withRetries(api: WecomApi, once: () => Promise<WecomEnvelope>, priorAttempts: number) {
    let attempts = priorAttempts;
    for (let retry = 0; ; retry++) {
      attempts++;
      let failure: Pick<WecomErrorDetails, 'errcode' | 'errmsg' | 'httpStatus'>;
      try {
        const body = await once();
        if (body.errcode !== BUSY_ERRCODE) return { body, attempts };
        failure = { errcode: body.errcode, errmsg: body.errmsg };
      } catch (e) {
        if (!(e instanceof TransportFailure)) throw e;
        failure = { errcode: null, errmsg: e.reason, ...(e.httpStatus !== undefined && { httpStatus: e.httpStatus }) };
        if (!e.retryable) throw fail(api, { ...failure, attempts });
      }
      if (retry >= policy.retries) throw fail(api, { ...failure, attempts });
      const delayMs = backoffDelay(policy, retry, random);
      log.info('wecom retry', { api, errcode: failure.errcode, errmsg: failure.errmsg, attempt: attempts, delayMs });
      await sleep(delayMs);
    }
  }

  async function fetchToken(): Promise<string> {
    const requestedAt = now();
    const { body, attempts } = await withRetries(
      'gettoken',
      () => exchange(http, url('gettoken', { corpid: config.corpId, corpsecret: config.corpSecret }), { method: 'GET' }),
      0,
    );
    if (body.errcode !== 0) throw fail('gettoken', { errcode: body.errcode, errmsg: body.errmsg, attempts });
    const parsed = tokenAnswer.safeParse(body);
    if (!parsed.success) throw fail('gettoken', { errcode: body.errcode, errmsg: 'unexpected gettoken answer', attempts });
    const { access_token: accessToken, expires_in: expiresIn } = parsed.data;
    const margin = Math.min(marginSeconds, expiresIn / 2);
    // counted from when we asked, so time spent in flight only makes us refresh earlier
    await store.set(storeKey, { accessToken, expiresAt: requestedAt + (expiresIn - margin) * 1000 });
    log.info('wecom token refreshed', { expiresIn });
    return accessToken;
  }

  async function getAccessToken(): Promise<string> {
    const cached = await store.get(storeKey);
    if (cached && now() < cached.expiresAt) return cached.accessToken;
    // concurrent callers in this instance share one gettoken request
    inflight ??= fetchToken().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  /** A call that needs an access_token: on a token errcode, drop the token and retry once. */
  async function call(api: WecomApi, send: (token: string) => Promise<WecomEnvelope>): Promise<{ body: WecomEnvelope; attempts: number }> {
    let attempts = 0;
    let refreshed = false;
    for (;;) {
      const token = await getAccessToken();
      const r = await withRetries(api, () => send(token), attempts);
      attempts = r.attempts;
      if (r.body.errcode === 0) return r;
      if (TOKEN_ERRCODES.has(r.body.errcode) && !refreshed) {
        refreshed = true;
        log.info('wecom token rejected, refreshing', { api, errcode: r.body.errcode });
        await store.invalidate(storeKey, token);
        continue;
      }
      throw fail(api, { errcode: r.body.errcode, errmsg: r.body.errmsg, attempts });
    }
  }

  async function code2Session(jsCode: string): Promise<WecomIdentity> {
    const code = jsCode.trim();
    if (!code) throw new AppError('INVALID_INPUT', undefined, [{ path: 'code', message: 'empty login code' }]);
    const { body, attempts } = await call('miniprogram/jscode2session', (token) =>
      exchange(http, url('miniprogram/jscode2session', { access_token: token, js_code: code, grant_type: 'authorization_code' }), { method: 'GET' }),
    );
    const parsed = sessionAnswer.safeParse(body);
    if (!parsed.success) throw fail('miniprogram/jscode2session', { errcode: body.errcode, errmsg: 'unexpected jscode2session answer', attempts });
    const { corpid, userid } = parsed.data;
    // one mini-program can be linked to several corps; only our corp's members are our staff
    if (corpid !== config.corpId) {
      throw new AppError(WECOM_CODES.corpMismatch, '当前企业微信账号不属于本平台所在的企业，无法登录', { corpId: corpid });
    }
    return Object.freeze({ corpId: corpid, userId: userid });
  }

  async function sendMiniprogramNotice(input: MiniprogramNoticeInput): Promise<NoticeResult> {
    const payload = buildMiniprogramNoticeBody(config.appId, input);
    const { body, attempts } = await call('message/send', (token) => exchange(http, url('message/send', { access_token: token }), { method: 'POST', json: payload }));
    const parsed = sendAnswer.safeParse(body);
    if (!parsed.success) throw fail('message/send', { errcode: body.errcode, errmsg: 'unexpected message/send answer', attempts });
    return {
      msgId: parsed.data.msgid ?? null,
      invalidUsers: splitIds(parsed.data.invaliduser),
      unlicensedUsers: splitIds(parsed.data.unlicenseduser),
    };
  }

  const { corpSecret: _secret, ...publicConfig } = config;
  return { config: Object.freeze(publicConfig), getAccessToken, code2Session, sendMiniprogramNotice };
}
