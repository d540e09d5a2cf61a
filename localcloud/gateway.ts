/**
 * The H5 client's door to the local cloud. It serves the H5 build and invokes functions as
 * `wx.cloud.callFunction` would, presenting the dev-signed-in persona's OPENID as CloudBase
 * presents a WeChat user's. The sign-in page lives here, not in the client bundle, and says
 * on every screen that it is a development sign-in.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { FunctionError } from './functions/runner';
import { MAX_EVENT_BYTES, PAYLOAD_TOO_LARGE, PARAM_INVALID } from './functions/event-limits';
import { BodyTooLarge, readLimited } from './http-body';
import type { LocalCloud } from './stack';
import type { Persona } from './personas';
import { signinPage } from './signin-page';
import { localOpenGroupId } from './open-data';
import { cloudPathOfFileId, fileOwnerOf, uploadPath } from '../shared/files';
import { clientMay } from '../config/storage-rules';

export const DEV_APPID = 'wxdevlocal000000';
const COOKIE = 'sqy_dev_persona';
/** the dev group chat this browser is treated as having opened the app from */
const GROUP_COOKIE = 'sqy_dev_group';
const MAX_UPLOAD = 50 * 1024 * 1024;

export interface GatewayOptions {
  cloud: LocalCloud;
  staticDir: string;
  personas: () => Persona[];
  host?: string;
  port?: number;
  /** extra dev links shown on the sign-in page (e.g. the fake WeCom's message list) */
  links?: { label: string; href: string }[];
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeOr(v.join('='));
  }
  return undefined;
}

/** decodeURIComponent, or undefined for a malformed escape (a bad cookie or path is not a crash). */
function decodeOr(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const readBody = async (req: http.IncomingMessage) => (await readLimited(req, MAX_EVENT_BYTES)).toString('utf8');

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Any handler's failure is a 500 answer (or, once the answer has begun, its end): never an exit. */
function failed(res: http.ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof BodyTooLarge) return json(res, 413, { errCode: PAYLOAD_TOO_LARGE, errMsg: e.message });
  json(res, 500, { errCode: 'GATEWAY_ERROR', errMsg: e instanceof Error ? e.message : String(e) });
}

/** HTTP status of a refused or failed call, by the code the runner gives it (else 502). */
const CALL_STATUS: Record<string, number> = {
  FUNCTION_NOT_FOUND: 404,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: 504,
  [PAYLOAD_TOO_LARGE]: 413,
  [PARAM_INVALID]: 400,
};

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const staticRoot = path.resolve(opts.staticDir);
  const current = (req: http.IncomingMessage) => {
    const id = cookieValue(req, COOKIE);
    return id ? (opts.personas().find((p) => p.id === id) ?? null) : null;
  };

  async function callFunction(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    let event: unknown;
    try {
      event = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof BodyTooLarge) return json(res, 413, { errCode: PAYLOAD_TOO_LARGE, errMsg: `cloud.callFunction:fail ${e.message}` });
      return json(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'cloud.callFunction:fail request body must be JSON' });
    }
    const who = current(req);
    try {
      const result = await opts.cloud.callAs({ openid: who?.openid ?? '', appid: DEV_APPID, source: 'wx_client' }, name, event);
      json(res, 200, { result });
    } catch (e) {
      const code = e instanceof FunctionError ? e.code : 'FUNCTIONS_EXECUTE_FAIL';
      const status = CALL_STATUS[code] ?? 502;
      json(res, status, { errCode: code, errMsg: `cloud.callFunction:fail ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /**
   * wx.getGroupEnterInfo for H5: a fresh cloudID for the dev group chat chosen on the sign-in
   * page, issued to the signed-in user; null when the app was not "opened from a group".
   */
  function groupEnter(req: http.IncomingMessage, res: http.ServerResponse) {
    const who = current(req);
    const group = cookieValue(req, GROUP_COOKIE);
    if (!who || !group) return json(res, 200, { cloudID: null });
    json(res, 200, { cloudID: opts.cloud.openData.issue(who.openid, { opengid: localOpenGroupId(DEV_APPID, group) }) });
  }

  async function chooseGroup(req: http.IncomingMessage, res: http.ServerResponse) {
    const group = (new URLSearchParams(await readBody(req)).get('group') ?? '').trim().slice(0, 40);
    const cookie = group ? `${GROUP_COOKIE}=${encodeURIComponent(group)}; Path=/; HttpOnly; SameSite=Lax` : `${GROUP_COOKIE}=; Path=/; Max-Age=0`;
    res.writeHead(303, { 'set-cookie': cookie, location: '/__dev/signin' });
    res.end();
  }

  /** The signed-in persona as wx.cloud presents them to a function. */
  const identity = (who: Persona) => ({ openid: who.openid, appid: DEV_APPID, source: 'wx_client' as const });

  /** The persona's upload folder as the server names it (auth.me), so the path records its owner. */
  async function uploadDirOf(who: Persona): Promise<string | null> {
    const answer = (await opts.cloud.callAs(identity(who), 'auth', { action: 'me', payload: {} })) as { ok?: boolean; data?: { uploadDir?: string | null } };
    return answer.ok ? (answer.data?.uploadDir ?? null) : null;
  }

  /** wx.cloud.uploadFile for H5: the body is the file, stored where the mini-program would store it (uploadPath). */
  async function upload(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const who = current(req);
    if (!who) return json(res, 401, { errCode: 'UNAUTHENTICATED', errMsg: 'cloud.uploadFile:fail 请先登录' });
    const body = await readLimited(req, MAX_UPLOAD);
    if (body.length === 0) return json(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'cloud.uploadFile:fail empty file' });
    const dir = await uploadDirOf(who);
    if (!dir) return json(res, 401, { errCode: 'UNAUTHENTICATED', errMsg: 'cloud.uploadFile:fail 请先登录' });
    const cloudPath = uploadPath(dir, name, crypto.randomBytes(8).toString('hex'));
    opts.cloud.api.storage.files.write(cloudPath, body);
    json(res, 200, { fileID: opts.cloud.api.storage.files.fileId(cloudPath) });
  }

  /**
   * wx.cloud.getTempFileURL for H5, under the storage security rules production deploys
   * (config/storage-rules.ts): signed in, and only for files the caller uploaded.
   */
  async function tempUrls(req: http.IncomingMessage, res: http.ServerResponse) {
    const who = current(req);
    if (!who) return json(res, 401, { errCode: 'UNAUTHENTICATED', errMsg: 'cloud.getTempFileURL:fail 请先登录' });
    let fileList: unknown;
    try {
      fileList = (JSON.parse(await readBody(req)) as { fileList?: unknown }).fileList;
    } catch {
      fileList = undefined;
    }
    if (!Array.isArray(fileList) || fileList.length > 50 || !fileList.every((f) => typeof f === 'string')) {
      return json(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'cloud.getTempFileURL:fail fileList must be up to 50 fileIDs' });
    }
    const answer = (fileID: string) => {
      const path = cloudPathOfFileId(fileID);
      const creator = path ? (fileOwnerOf(path)?.openid ?? null) : null;
      if (!clientMay(who.openid, creator)) return { fileID, code: 'STORAGE_EXCEED_AUTHORITY', message: '没有权限访问该文件' };
      return opts.cloud.api.storage.downloadUrl(fileID, 3600);
    };
    json(res, 200, { fileList: (fileList as string[]).map(answer) });
  }

  function serveStatic(res: http.ServerResponse, urlPath: string) {
    const decoded = decodeOr(urlPath);
    if (decoded === undefined) return json(res, 400, { errCode: 'INVALID_PARAM', errMsg: 'malformed percent-encoding in path' });
    const rel = decoded.replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) return json(res, 403, { error: 'forbidden' });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('H5 build missing: run `npm run build:h5`');
    }
    const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600';
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://gateway.local');
      const fn = /^\/api\/functions\/([a-z][a-z0-9_-]*)$/.exec(url.pathname);
      if (fn && req.method === 'POST') return callFunction(req, res, fn[1]!);
      if (url.pathname === '/api/storage/upload' && req.method === 'POST') return upload(req, res, url.searchParams.get('name') ?? 'file');
      if (url.pathname === '/api/storage/temp-urls' && req.method === 'POST') return tempUrls(req, res);
      if (url.pathname === '/__dev/whoami') return json(res, 200, { dev: true, persona: current(req) });
      if (url.pathname === '/__dev/group-enter') return req.method === 'POST' ? chooseGroup(req, res) : groupEnter(req, res);
      const timer = /^\/__dev\/timers\/([a-z][a-z0-9_-]*)\/([\w-]+)$/.exec(url.pathname);
      if (timer && req.method === 'POST') {
        // what CloudBase's scheduler would do at the trigger's time, on demand
        try {
          return json(res, 200, { result: await opts.cloud.fireTimer(timer[1]!, timer[2]!) });
        } catch (e) {
          return json(res, 400, { errCode: e instanceof FunctionError ? e.code : 'TIMER_FAILED', errMsg: e instanceof Error ? e.message : String(e) });
        }
      }
      if (url.pathname === '/__dev/signin' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(signinPage(opts.personas(), current(req), opts.links ?? [], cookieValue(req, GROUP_COOKIE) ?? null));
      }
      if (url.pathname === '/__dev/signin' && req.method === 'POST') {
        const id = new URLSearchParams(await readBody(req)).get('persona') ?? '';
        const chosen = opts.personas().find((p) => p.id === id);
        const cookie = chosen ? `${COOKIE}=${encodeURIComponent(chosen.id)}; Path=/; HttpOnly; SameSite=Lax` : `${COOKIE}=; Path=/; Max-Age=0`;
        res.writeHead(303, { 'set-cookie': cookie, location: '/' });
        return res.end();
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, url.pathname);
      json(res, 405, { error: 'method not allowed' });
    })().catch((e: unknown) => failed(res, e));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
