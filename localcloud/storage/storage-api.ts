/**
 * The storage half of the admin API: the SDK's `storage.*` actions and the signed upload and
 * download URLs they hand out (the SDK PUTs to the upload URL and GETs the download URL).
 * Shapes follow node_modules/@cloudbase/node-sdk/src/storage/index.ts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import { z } from 'zod';
import { BodyTooLarge, readLimited } from '../http-body';
import type { FileStore } from './file-store';

const UPLOAD_URL_TTL_MS = 10 * 60 * 1000;
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const actions = {
  'storage.getUploadMetadata': z.object({ path: z.string() }),
  'storage.batchGetDownloadUrl': z.object({
    file_list: z.array(z.object({ fileid: z.string(), max_age: z.number().int().positive().optional() })).min(1).max(50),
  }),
  'storage.batchDeleteFile': z.object({ fileid_list: z.array(z.string()).min(1).max(50) }),
};

export type StorageAction = keyof typeof actions;
export const STORAGE_ACTIONS = Object.keys(actions) as StorageAction[];

export class StorageError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The request body as the action's schema reads it, or INVALID_PARAM naming what is wrong. */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new StorageError('INVALID_PARAM', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export class StorageApi {
  constructor(
    readonly files: FileStore,
    private readonly baseUrl: () => string,
  ) {}

  /** Answers one `storage.*` action's `data`; throws StorageError for a bad request. */
  handle(action: StorageAction, body: unknown): unknown {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(parse(actions[action], body).path);
      case 'storage.batchGetDownloadUrl':
        return { download_list: parse(actions[action], body).file_list.map((f) => this.downloadUrl(f.fileid, f.max_age ?? 7200)) };
      case 'storage.batchDeleteFile':
        return {
          delete_list: parse(actions[action], body).fileid_list.map((fileID) => {
            const cloudPath = this.files.cloudPathOf(fileID);
            return cloudPath && this.files.remove(cloudPath) ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
          }),
        };
    }
  }

  uploadMetadata(cloudPath: string) {
    const clean = cloudPath.replace(/^\/+/, '');
    if (!this.files.cloudPathOf(this.files.fileId(clean))) throw new StorageError('INVALID_PARAM', `invalid cloudPath: ${cloudPath}`);
    const expires = Date.now() + UPLOAD_URL_TTL_MS;
    const sig = this.files.sign('put', clean, expires);
    return {
      url: `${this.baseUrl()}/__storage/object/${encodePath(clean)}?op=put&expires=${expires}&sig=${sig}`,
      token: sig,
      authorization: `local ${sig}`,
      fileId: this.files.fileId(clean),
      // the SDK sends this in an HTTP header, so like COS's it is an opaque ASCII id
      cosFileId: createHash('sha256').update(clean).digest('hex').slice(0, 32),
    };
  }

  downloadUrl(fileID: string, maxAgeSeconds: number) {
    const cloudPath = this.files.cloudPathOf(fileID);
    if (!cloudPath || !this.files.stat(cloudPath)) return { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
    const expires = Date.now() + maxAgeSeconds * 1000;
    const sig = this.files.sign('get', cloudPath, expires);
    // unencoded, as CloudBase answers it: the SDK runs encodeURI over tempFileURL before fetching
    return { fileID, code: 'SUCCESS', maxAge: maxAgeSeconds, tempFileURL: `${this.baseUrl()}/__storage/object/${cloudPath}?op=get&expires=${expires}&sig=${sig}` };
  }

  /** Serves `/__storage/object/…` (signed PUT and GET); returns false for any other path. */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://storage.local');
    if (!url.pathname.startsWith('/__storage/object/')) return false;
    const deny = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`);
    };
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(url.pathname.slice('/__storage/object/'.length));
    } catch {
      // a malformed escape is the client's error (COS answers InvalidURI), not a crash
      deny(400, 'InvalidURI', 'malformed percent-encoding in the object key');
      return true;
    }
    const op = url.searchParams.get('op');
    const expires = Number(url.searchParams.get('expires'));
    const sig = url.searchParams.get('sig') ?? '';
    if ((op !== 'put' && op !== 'get') || !this.files.verify(op, cloudPath, expires, sig)) {
      deny(403, 'AccessDenied', 'signature invalid or expired');
      return true;
    }
    if (op === 'put' && req.method === 'PUT') {
      readLimited(req, MAX_UPLOAD_BYTES).then(
        (body) => {
          try {
            this.files.write(cloudPath, body);
          } catch (e) {
            deny(500, 'InternalError', e instanceof Error ? e.message : String(e));
            return;
          }
          res.writeHead(200, { 'content-length': '0' });
          res.end();
        },
        (e: unknown) => (e instanceof BodyTooLarge ? deny(413, 'EntityTooLarge', e.message) : res.destroy()),
      );
      return true;
    }
    if (op === 'get' && (req.method === 'GET' || req.method === 'HEAD')) {
      const found = this.files.stat(cloudPath);
      if (!found) {
        deny(404, 'NoSuchKey', 'The specified key does not exist.');
        return true;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(found.size) });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
      return true;
    }
    deny(405, 'MethodNotAllowed', 'method not allowed');
    return true;
  }
}

function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}
