/**
 * A local stand-in for WeCom's server API (qyapi.weixin.qq.com), speaking the same HTTP paths,
 * query parameters and JSON error shapes as the three APIs the product uses. Tests drive it
 * (expire tokens, force errcodes, drop connections); `npm start` runs it so a developer can sign
 * in as staff and read, at /__fake/messages.html, the notices staff would receive in WeCom.
 * It is written from WeCom's documentation, independently of the client, so a wrong field name
 * in either shows up as a failing test.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_WECOM_DEFAULTS = {
  corpId: 'wwlocalcorp0001',
  corpSecret: 'local-fake-secret',
  agentId: 1000002,
  appId: 'wxlocalminiprogram',
} as const;

export type FakeEndpoint = 'gettoken' | 'miniprogram/jscode2session' | 'message/send';

export interface FakeWecomOptions {
  /** 0 (default) picks a free port */
  port?: number;
  host?: string;
  corpId?: string;
  corpSecret?: string;
  agentId?: number;
  appId?: string;
  /** gettoken's expires_in; WeCom uses 7200 */
  tokenLifetimeSeconds?: number;
  /** wx.qy.login codes last 5 minutes */
  loginCodeLifetimeSeconds?: number;
  /** when set, message/send reports other recipients in `invaliduser` (81013 if none is known) */
  knownUserIds?: string[];
  /** epoch ms; tests share a clock with the client to expire tokens without waiting */
  now?: () => number;
}

export interface FakeNotice {
  id: number;
  receivedAt: string;
  touser: string[];
  /** the JSON body exactly as received */
  body: Record<string, unknown>;
}

export interface FakeWecom {
  /** base URL for WECOM_BASE_URL, e.g. http://127.0.0.1:53123 */
  readonly url: string;
  readonly corpId: string;
  readonly corpSecret: string;
  readonly agentId: number;
  readonly appId: string;
  /** WECOM_* variables pointing a client at this fake */
  env(): Record<string, string>;
  close(): Promise<void>;
  /** accepted miniprogram_notice messages, oldest first */
  messages(): FakeNotice[];
  /** a one-time login code, as wx.qy.login would hand the mini-program */
  issueLoginCode(userId: string, opts?: { corpId?: string }): string;
  /** every issued token becomes expired: the next call with one answers 42001 */
  expireTokens(): void;
  /** answer the next `times` calls with this errcode; by default any API except gettoken */
  failNext(errcode: number, times?: number, endpoint?: FakeEndpoint): void;
  /** answer the next `times` calls with this HTTP status and a non-JSON body */
  failHttpNext(status: number, times?: number, endpoint?: FakeEndpoint): void;
  /** destroy the connection of the next `times` calls without answering */
  dropNext(times?: number, endpoint?: FakeEndpoint): void;
  /** requests received, forced failures included */
  requestCount(endpoint?: FakeEndpoint): number;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid secret',
  40008: 'invalid message type',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40058: 'invalid parameter',
  41001: 'access_token missing',
  41008: 'missing code',
  42001: 'access_token expired',
  47001: 'data format error',
  81013: 'user & party & tag all invalid',
};

type Forced = { kind: 'errcode' | 'http' | 'drop'; value: number; remaining: number; endpoint: FakeEndpoint | undefined };
type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const token = (bytes: number) => randomBytes(bytes).toString('base64url');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

async function readBody(req: http.IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Checks a message/send body the way WeCom documents it; returns the failing errcode or null. */
function checkNotice(body: Json, appId: string): { errcode: number; hint: string } | null {
  if (body.msgtype !== 'miniprogram_notice') return { errcode: 40008, hint: 'msgtype' };
  const n = body.miniprogram_notice;
  if (!isRecord(n)) return { errcode: 40058, hint: 'miniprogram_notice' };
  if (n.appid !== appId) return { errcode: 40058, hint: 'miniprogram_notice.appid' };
  if (typeof n.title !== 'string' || !n.title) return { errcode: 40058, hint: 'miniprogram_notice.title' };
  for (const f of ['page', 'description'] as const) {
    if (n[f] !== undefined && typeof n[f] !== 'string') return { errcode: 40058, hint: `miniprogram_notice.${f}` };
  }
  if (n.emphasis_first_item !== undefined && typeof n.emphasis_first_item !== 'boolean') {
    return { errcode: 40058, hint: 'miniprogram_notice.emphasis_first_item' };
  }
  const items = n.content_item;
  if (items !== undefined) {
    const ok = Array.isArray(items) && items.length <= 10 && items.every((i) => isRecord(i) && typeof i.key === 'string' && typeof i.value === 'string');
    if (!ok) return { errcode: 40058, hint: 'miniprogram_notice.content_item' };
  }
  if (typeof body.touser !== 'string' || !body.touser) return { errcode: 81013, hint: 'touser' };
  return null;
}

function renderMessagesPage(list: FakeNotice[]): string {
  const cards = [...list]
    .reverse()
    .map((m) => {
      const n = (isRecord(m.body.miniprogram_notice) ? m.body.miniprogram_notice : {}) as Json;
      const str = (v: unknown) => escapeHtml(typeof v === 'string' ? v : '');
      const items = Array.isArray(n.content_item) ? (n.content_item as unknown[]).filter(isRecord) : [];
      const rows = items
        .map((i, idx) => `<tr${idx === 0 && n.emphasis_first_item === true ? ' class="em"' : ''}><th>${str(i.key)}</th><td>${str(i.value)}</td></tr>`)
        .join('');
      return `<article>
  <header><strong>${str(n.title)}</strong><span>${str(n.description)}</span></header>
  ${rows ? `<table>${rows}</table>` : ''}
  <footer>
    <div>接收人：${escapeHtml(m.touser.join('、'))}</div>
    <div>打开页面：${n.page ? `<code>${str(n.page)}</code>` : '（不跳转）'}</div>
    <div>收到时间：${escapeHtml(new Date(m.receivedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }))}</div>
  </footer>
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>本地企业微信 · 工作人员通知</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f3f5;margin:0;padding:16px;color:#1f2329}
h1{font-size:18px}p.note{color:#646a73;font-size:13px}
article{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;max-width:480px;box-shadow:0 1px 2px #0001}
header strong{display:block;font-size:16px}header span{color:#646a73;font-size:13px}
table{margin:8px 0;border-collapse:collapse;font-size:14px}th{color:#8f959e;font-weight:normal;text-align:left;padding:2px 12px 2px 0}
tr.em td{font-size:20px;font-weight:600}footer{color:#8f959e;font-size:12px;border-top:1px solid #eee;padding-top:6px}
</style></head><body>
<h1>本地企业微信 · 工作人员收到的小程序通知（共 ${list.length} 条，最新在前）</h1>
<p class="note">这是开发用的模拟企业微信服务，不会真正发送任何消息。页面每 5 秒自动刷新；JSON 见 <a href="/__fake/messages">/__fake/messages</a>。</p>
${cards || '<p>暂无通知。</p>'}
</body></html>`;
}

export async function startFakeWecom(opts: FakeWecomOptions = {}): Promise<FakeWecom> {
  const corpId = opts.corpId ?? FAKE_WECOM_DEFAULTS.corpId;
  const corpSecret = opts.corpSecret ?? FAKE_WECOM_DEFAULTS.corpSecret;
  const agentId = opts.agentId ?? FAKE_WECOM_DEFAULTS.agentId;
  const appId = opts.appId ?? FAKE_WECOM_DEFAULTS.appId;
  const tokenLifetime = opts.tokenLifetimeSeconds ?? 7200;
  const codeLifetime = opts.loginCodeLifetimeSeconds ?? 300;
  const known = opts.knownUserIds ? new Set(opts.knownUserIds) : null;
  const now = opts.now ?? Date.now;

  const tokens = new Map<string, number>(); // access_token → expiresAt (ms)
  const codes = new Map<string, { userId: string; corpId: string; expiresAt: number }>();
  const notices: FakeNotice[] = [];
  const forced: Forced[] = [];
  const counts = new Map<FakeEndpoint, number>();
  let current: string | null = null;

  const send = (res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const wecomError = (res: http.ServerResponse, errcode: number, hint?: string) =>
    send(res, 200, { errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}${hint ? `, hint: [${hint}]` : ''}` });

  /** Consumes the first forced failure aimed at this endpoint, if any. */
  function takeForced(endpoint: FakeEndpoint): Forced | null {
    const f = forced.find((x) => (x.endpoint === undefined ? endpoint !== 'gettoken' : x.endpoint === endpoint));
    if (!f) return null;
    if (--f.remaining <= 0) forced.splice(forced.indexOf(f), 1);
    return f;
  }

  /** 0 when the token is good, else WeCom's errcode for it. */
  function tokenErrcode(accessToken: string | null): number {
    if (!accessToken) return 41001;
    const expiresAt = tokens.get(accessToken);
    if (expiresAt === undefined) return 40014;
    return now() >= expiresAt ? 42001 : 0;
  }

  function getToken(q: URLSearchParams, res: http.ServerResponse) {
    if (q.get('corpid') !== corpId) return wecomError(res, 40013);
    if (q.get('corpsecret') !== corpSecret) return wecomError(res, 40001);
    // like WeCom, a token still valid is handed out again with its remaining lifetime
    const expiresAt = current === null ? undefined : tokens.get(current);
    if (current !== null && expiresAt !== undefined && now() < expiresAt) {
      return send(res, 200, { errcode: 0, errmsg: 'ok', access_token: current, expires_in: Math.ceil((expiresAt - now()) / 1000) });
    }
    current = token(48);
    tokens.set(current, now() + tokenLifetime * 1000);
    return send(res, 200, { errcode: 0, errmsg: 'ok', access_token: current, expires_in: tokenLifetime });
  }

  function code2Session(q: URLSearchParams, res: http.ServerResponse) {
    const code = q.get('js_code');
    if (!code) return wecomError(res, 41008);
    if (q.get('grant_type') !== 'authorization_code') return wecomError(res, 40058, 'grant_type');
    const entry = codes.get(code);
    codes.delete(code); // one use, whatever the outcome
    if (!entry || now() >= entry.expiresAt) return wecomError(res, 40029);
    return send(res, 200, { corpid: entry.corpId, userid: entry.userId, session_key: token(16), errcode: 0, errmsg: 'ok' });
  }

  async function messageSend(req: http.IncomingMessage, res: http.ServerResponse) {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return wecomError(res, 47001);
    }
    if (!isRecord(body)) return wecomError(res, 47001);
    const bad = checkNotice(body, appId);
    if (bad) return wecomError(res, bad.errcode, bad.hint);
    const touser = [...new Set(String(body.touser).split('|').filter(Boolean))];
    const invalid = known ? touser.filter((u) => !known.has(u)) : [];
    if (invalid.length === touser.length) return wecomError(res, 81013);
    const delivered = touser.filter((u) => !invalid.includes(u));
    notices.push({ id: notices.length + 1, receivedAt: new Date(now()).toISOString(), touser: delivered, body });
    return send(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), msgid: token(12) });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://fake');
    const path = u.pathname.replace(/\/+$/, '');

    if (path === '/__fake/messages' && req.method === 'GET') return send(res, 200, { count: notices.length, messages: notices });
    if (path === '/__fake/messages.html' && req.method === 'GET') return send(res, 200, renderMessagesPage(notices), 'text/html; charset=utf-8');
    if (path === '/__fake/login-codes' && req.method === 'POST') {
      // lets a dev gateway in another process mint codes: {"userId": "...", "corpId"?: "..."}
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { error: 'body must be JSON' });
      }
      if (!isRecord(input) || typeof input.userId !== 'string' || !input.userId) return send(res, 400, { error: 'userId required' });
      const code = api.issueLoginCode(input.userId, typeof input.corpId === 'string' ? { corpId: input.corpId } : undefined);
      return send(res, 200, { code });
    }

    const endpoint = (
      { '/cgi-bin/gettoken': 'gettoken', '/cgi-bin/miniprogram/jscode2session': 'miniprogram/jscode2session', '/cgi-bin/message/send': 'message/send' } as const
    )[path];
    if (!endpoint) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    const method = endpoint === 'message/send' ? 'POST' : 'GET';
    if (req.method !== method) return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);

    const f = takeForced(endpoint);
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'http') return send(res, f.value, '<html><body>bad gateway</body></html>', 'text/html');
    if (f?.kind === 'errcode') return wecomError(res, f.value);

    const q = u.searchParams;
    if (endpoint === 'gettoken') return getToken(q, res);
    const tokenErr = tokenErrcode(q.get('access_token'));
    if (tokenErr) return wecomError(res, tokenErr);
    if (endpoint === 'miniprogram/jscode2session') return code2Session(q, res);
    return messageSend(req, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'fake wecom error', 'text/plain; charset=utf-8');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  const addForced = (kind: Forced['kind'], value: number, times: number, endpoint: FakeEndpoint | undefined) => {
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
    forced.push({ kind, value, remaining: times, endpoint });
  };

  const api: FakeWecom = {
    url,
    corpId,
    corpSecret,
    agentId,
    appId,
    env: () => ({
      WECOM_BASE_URL: url,
      WECOM_CORP_ID: corpId,
      WECOM_CORP_SECRET: corpSecret,
      WECOM_AGENT_ID: String(agentId),
      WECOM_MINIPROGRAM_APPID: appId,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
    messages: () => notices.map((m) => structuredClone(m)),
    issueLoginCode(userId, o) {
      const code = token(24);
      codes.set(code, { userId, corpId: o?.corpId ?? corpId, expiresAt: now() + codeLifetime * 1000 });
      return code;
    },
    expireTokens() {
      const t = now();
      for (const k of tokens.keys()) tokens.set(k, Math.min(tokens.get(k)!, t));
    },
    failNext: (errcode, times = 1, endpoint) => addForced('errcode', errcode, times, endpoint),
    failHttpNext: (status, times = 1, endpoint) => addForced('http', status, times, endpoint),
    dropNext: (times = 1, endpoint) => addForced('drop', 0, times, endpoint),
    requestCount: (endpoint) => (endpoint ? (counts.get(endpoint) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0)),
  };
  return api;
}
