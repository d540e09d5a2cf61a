/**
 * The CloudBase admin API that `@cloudbase/node-sdk` speaks, served locally over the SQLite store.
 * Every call is `POST <serviceUrl>?env=…&seqId=…` with a JSON body `{action, envName, …}`; a
 * reply is HTTP 200 with `{requestId, …}`, and an error is HTTP 200 with `{requestId, code,
 * message}` (the SDK throws a TcbError for any reply that carries `code`). Shapes below follow
 * node_modules/@cloudbase/database/src (query.ts, document.ts, collection.ts, aggregate.ts,
 * transaction/index.ts, transaction.ts) and node-sdk/src/functions/index.ts.
 * Request signatures are not checked: this server is for local development and tests only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DatabaseSchema } from '../config/database';
import { DocumentStore, type Doc } from './db/document-store';
import { decodeEJSON, encodeEJSON } from './db/ejson';
import { CloudError, asCloudError, functionNotFound, invalidParam } from './db/errors';
import { FileStore } from './storage/file-store';
import { STORAGE_ACTIONS, StorageApi, type StorageAction } from './storage/storage-api';
import { BodyTooLarge, readLimited } from './http-body';
import { PAYLOAD_TOO_LARGE } from './functions/event-limits';
import os from 'node:os';
import path from 'node:path';

export { DocumentStore } from './db/document-store';

export interface FunctionInvoker {
  /** throws an Error with `code` for errors */
  invoke(name: string, event: unknown): Promise<unknown>;
}

export interface AdminApi {
  url: string;
  port: number;
  envId: string;
  store: DocumentStore;
  /** cloud storage, for the H5 gateway's uploads (the counterpart of wx.cloud.uploadFile) */
  storage: StorageApi;
  close(): Promise<void>;
}

export interface AdminApiOptions {
  dataFile: string;
  schema: DatabaseSchema;
  host?: string;
  /** 0 = any free port */
  port?: number;
  envId?: string;
  functions?: FunctionInvoker;
}

export const DEFAULT_ENV_ID = 'local-dev';

const optionsSchema = z.object({
  dataFile: z.string().min(1),
  schema: z.array(z.any()),
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  envId: z.string().min(1).optional(),
});

// ── request bodies ─────────────────────────────────────────────────────────────────────────

const ejsonText = z.string();
const collectionName = z.string().min(1);
const txId = z.string().min(1).optional();
const docId = z.union([z.string(), z.number()]);

const bodies = {
  'database.addCollection': z.object({ collectionName }),
  'database.getDocument': z.object({
    collectionName,
    query: ejsonText.optional(),
    order: ejsonText.optional(),
    projection: ejsonText.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().optional(),
    transactionId: txId,
  }),
  'database.calculateDocument': z.object({ collectionName, query: ejsonText.optional(), transactionId: txId }),
  'database.insertDocument': z.object({ collectionName, data: z.array(ejsonText).min(1), transactionId: txId }),
  'database.modifyDocument': z.object({
    collectionName,
    query: ejsonText.optional(),
    data: ejsonText,
    multi: z.boolean().optional(),
    merge: z.boolean().optional(),
    upsert: z.boolean().optional(),
    transactionId: txId,
  }),
  'database.modifyAndReturnDoc': z.object({ collectionName, query: ejsonText.optional(), data: ejsonText, transactionId: txId }),
  'database.removeDocument': z.object({ collectionName, query: ejsonText.optional(), multi: z.boolean().optional(), transactionId: txId }),
  'database.aggregateDocuments': z.object({
    collectionName,
    stages: z.array(z.object({ stageKey: z.string().startsWith('$'), stageValue: z.string() })),
  }),
  'database.startTransaction': z.object({}),
  'database.commitTransaction': z.object({ transactionId: z.string().min(1) }),
  'database.abortTransaction': z.object({ transactionId: z.string().min(1) }),
  'database.getInTransaction': z.object({ collectionName, transactionId: z.string().min(1), _id: docId }),
  'database.updateDocInTransaction': z.object({
    collectionName,
    transactionId: z.string().min(1),
    _id: docId,
    data: ejsonText,
    upsert: z.boolean().optional(),
  }),
  'database.deleteDocInTransaction': z.object({ collectionName, transactionId: z.string().min(1), _id: docId }),
  'functions.invokeFunction': z.object({ function_name: z.string().min(1), request_data: z.string().optional() }),
} as const;

type Action = keyof typeof bodies;
type Body<A extends Action> = z.infer<(typeof bodies)[A]>;

const envelope = z.object({ action: z.string(), envName: z.string().optional() });

const asObject = (v: unknown, what: string): Doc => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalidParam(`${what} must be an object`);
  return v as Doc;
};

/** `order` is an object {field: ±1} (SDK 3.x) or, from older SDKs, [{field, direction}]. */
function decodeOrder(value: unknown): Record<string, 1 | -1> {
  if (Array.isArray(value)) {
    const out: Record<string, 1 | -1> = {};
    for (const o of value as Array<{ field?: string; direction?: string }>) if (o.field) out[o.field] = o.direction === 'desc' ? -1 : 1;
    return out;
  }
  const out: Record<string, 1 | -1> = {};
  for (const [k, v] of Object.entries(asObject(value, 'order'))) out[k] = v === -1 || v === 'desc' ? -1 : 1;
  return out;
}

// ── dispatch ───────────────────────────────────────────────────────────────────────────────

type Handler = (body: never, now: number) => Promise<Record<string, unknown>> | Record<string, unknown>;

function handlers(store: DocumentStore, functions: FunctionInvoker | undefined): Record<Action, Handler> {
  const q = (text: string | undefined, now: number): Doc => (text ? asObject(decodeEJSON(text, now), 'query') : {});
  const h: { [A in Action]: (body: Body<A>, now: number) => Promise<Record<string, unknown>> | Record<string, unknown> } = {
    'database.addCollection': (b) => {
      store.addCollection(b.collectionName);
      return {};
    },
    'database.getDocument': (b, now) => {
      const list = store.find(
        b.collectionName,
        q(b.query, now),
        {
          order: b.order ? decodeOrder(decodeEJSON(b.order, now)) : undefined,
          offset: b.offset,
          limit: b.limit,
          projection: b.projection ? asObject(decodeEJSON(b.projection, now), 'projection') : undefined,
        },
        b.transactionId,
      );
      return { data: { list: list.map(encodeEJSON) } };
    },
    'database.calculateDocument': (b, now) => ({ data: { total: store.count(b.collectionName, q(b.query, now), b.transactionId) } }),
    'database.insertDocument': (b, now) => {
      const docs = b.data.map((d) => asObject(decodeEJSON(d, now), 'document'));
      return { data: { insertedIds: store.insert(b.collectionName, docs, b.transactionId) } };
    },
    'database.modifyDocument': (b, now) => {
      const data = asObject(decodeEJSON(b.data, now), 'data');
      const replace = b.merge === false;
      if (replace && Object.keys(data).some((k) => k.startsWith('$'))) throw invalidParam('a replacement document cannot contain update operators');
      const r = store.update(
        b.collectionName,
        { query: q(b.query, now), data, replace, multi: b.multi ?? false, upsert: b.upsert ?? false },
        b.transactionId,
      );
      return { data: r.upsertId === undefined ? { updated: r.updated } : { updated: r.updated, upsert_id: r.upsertId } };
    },
    'database.modifyAndReturnDoc': (b, now) => {
      const query = q(b.query, now);
      const r = store.update(b.collectionName, { query, data: asObject(decodeEJSON(b.data, now), 'data'), replace: false, multi: false, upsert: false }, b.transactionId);
      return { data: { updated: r.updated, doc: r.doc ? encodeEJSON(r.doc) : null } };
    },
    'database.removeDocument': (b, now) => ({ data: { deleted: store.remove(b.collectionName, q(b.query, now), b.multi ?? false, b.transactionId) } }),
    'database.aggregateDocuments': (b, now) => {
      const pipeline = b.stages.map((s) => ({ [s.stageKey]: decodeEJSON(s.stageValue, now) }));
      return { data: { list: store.aggregate(b.collectionName, pipeline).map(encodeEJSON) } };
    },
    'database.startTransaction': () => ({ transactionId: store.startTransaction() }),
    'database.commitTransaction': (b) => {
      store.commitTransaction(b.transactionId);
      return {};
    },
    'database.abortTransaction': (b) => {
      store.abortTransaction(b.transactionId);
      return {};
    },
    'database.getInTransaction': (b) => {
      const [doc] = store.find(b.collectionName, { _id: b._id }, { limit: 1 }, b.transactionId);
      return { data: encodeEJSON(doc ?? null) };
    },
    'database.updateDocInTransaction': (b, now) => {
      const data = asObject(decodeEJSON(b.data, now), 'data');
      const replace = !Object.keys(data).some((k) => k.startsWith('$'));
      const r = store.update(b.collectionName, { query: { _id: b._id }, data, replace, multi: false, upsert: b.upsert ?? false }, b.transactionId);
      return r.upsertId === undefined ? { updated: r.updated } : { updated: r.updated, upserted: JSON.stringify([{ _id: r.upsertId }]) };
    },
    'database.deleteDocInTransaction': (b) => ({ deleted: store.remove(b.collectionName, { _id: b._id }, false, b.transactionId) }),
    'functions.invokeFunction': async (b) => {
      if (!functions) throw functionNotFound(b.function_name);
      const event = b.request_data ? (JSON.parse(b.request_data) as unknown) : {};
      const result = await functions.invoke(b.function_name, event);
      return { data: { response_data: JSON.stringify(result ?? null) } };
    },
  };
  return h as unknown as Record<Action, Handler>;
}

// ── server ─────────────────────────────────────────────────────────────────────────────────

const MAX_BODY_BYTES = 16 * 1024 * 1024;

async function readBody(req: http.IncomingMessage): Promise<string> {
  try {
    return (await readLimited(req, MAX_BODY_BYTES)).toString('utf8');
  } catch (e) {
    throw e instanceof BodyTooLarge ? new CloudError(PAYLOAD_TOO_LARGE, e.message) : e;
  }
}

function errorReply(err: unknown): { code: string; message: string } {
  if (err instanceof CloudError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown };
  // errors from the function runner carry their own code
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  const ce = asCloudError(err);
  return { code: ce.code, message: ce.message };
}

export async function startAdminApi(opts: AdminApiOptions): Promise<AdminApi> {
  const o = optionsSchema.parse(opts);
  const envId = o.envId ?? DEFAULT_ENV_ID;
  const store = new DocumentStore(o.dataFile, opts.schema);
  const table = handlers(store, opts.functions);
  // cloud storage keeps its files beside the database file
  const filesRoot = o.dataFile === ':memory:' ? path.join(os.tmpdir(), `localcloud-files-${process.pid}-${randomBytes(4).toString('hex')}`) : `${o.dataFile}.files`;
  let origin = '';
  const storage = new StorageApi(new FileStore(filesRoot, envId), () => origin);

  const server = http.createServer((req, res) => {
    try {
      if (storage.serve(req, res)) return;
    } catch (e) {
      // a storage request that throws is answered, never left to end the process
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const reply = (payload: Record<string, unknown>): void => {
      const text = JSON.stringify({ requestId: randomBytes(8).toString('hex'), ...payload });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    readBody(req)
      .then(async (text) => {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          throw invalidParam('request body is not JSON');
        }
        const env = envelope.safeParse(raw);
        if (!env.success) throw invalidParam('request body lacks action');
        const { action, envName } = env.data;
        if (envName && envName !== envId) throw new CloudError('INVALID_ENV', `environment ${envName} not found (this local cloud serves ${envId})`);
        if ((STORAGE_ACTIONS as string[]).includes(action)) return { data: storage.handle(action as StorageAction, raw) };
        if (!(action in bodies)) throw invalidParam(`action ${action} is not supported by the local cloud`);
        const parsed = bodies[action as Action].safeParse(raw);
        if (!parsed.success) throw invalidParam(`invalid ${action} request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return table[action as Action](parsed.data as never, Date.now());
      })
      .then(reply, (err: unknown) => reply(errorReply(err)))
      // a reply that cannot be written ends this connection, not the process
      .catch(() => res.destroy());
  });
  // longer than any client agent keeps an idle socket, so the client (not us) closes it: no reset race
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  origin = `http://${host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/admin`,
    port,
    envId,
    store,
    storage,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => store.close());
      return closed;
    },
  };
}

/** How to point the genuine SDK at a running local cloud. */
export interface SdkConfig {
  /** pass to `tcb.init(...)` */
  init: { env: string; serviceUrl: string; secretId: string; secretKey: string };
  /**
   * The same through the environment, for code that calls `tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })`
   * as a deployed function does: TCB_CONTEXT_CNFG.URL is the SDK's injected service URL, TCB_ENV
   * the current env, TENCENTCLOUD_SECRETID/KEY the credentials it falls back to.
   */
  env: Record<string, string>;
}

export function sdkConfigFor(api: Pick<AdminApi, 'url' | 'envId'>): SdkConfig {
  const secretId = 'localcloud';
  const secretKey = 'localcloud';
  return {
    init: { env: api.envId, serviceUrl: api.url, secretId, secretKey },
    env: {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: api.url }),
      TCB_ENV: api.envId,
      SCF_NAMESPACE: api.envId,
      TENCENTCLOUD_SECRETID: secretId,
      TENCENTCLOUD_SECRETKEY: secretKey,
      // Without it the SDK probes metadata.tencentyun.com (30 ms timeout, twice, uncached on
      // failure) before EVERY request to learn whether it runs inside Tencent Cloud; the answer
      // only picks the default endpoint, which serviceUrl / TCB_CONTEXT_CNFG.URL override anyway.
      TENCENTCLOUD: 'true',
    },
  };
}

/** The environment half of sdkConfigFor, for a function runner or a child process. */
export function sdkEnvFor(api: Pick<AdminApi, 'url' | 'envId'>): Record<string, string> {
  return sdkConfigFor(api).env;
}
