/**
 * Cloud storage for the local cloud: files on disk beside the database file, addressed by
 * `cloud://<env>.<bucket>/<cloudPath>` fileIDs as CloudBase addresses them. Uploads and
 * downloads go through signed, expiring URLs, as COS's do, so a URL cannot be forged or reused
 * for another path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LOCAL_BUCKET = 'local-bucket';
const MAX_CLOUD_PATH = 1024;

export interface StoredFile {
  cloudPath: string;
  size: number;
  file: string;
}

export class FileStore {
  private readonly secret = crypto.randomBytes(32);

  constructor(
    readonly root: string,
    readonly envId: string,
  ) {
    fs.mkdirSync(root, { recursive: true });
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${LOCAL_BUCKET}/${cloudPath}`;
  }

  /** The cloud path of one of our fileIDs, or null for anything else (another env, a traversal). */
  cloudPathOf(fileId: string): string | null {
    const prefix = `cloud://${this.envId}.${LOCAL_BUCKET}/`;
    if (!fileId.startsWith(prefix)) return null;
    const cloudPath = fileId.slice(prefix.length);
    return isValidCloudPath(cloudPath) ? cloudPath : null;
  }

  private diskPath(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  sign(op: 'put' | 'get', cloudPath: string, expiresAt: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${op}\n${cloudPath}\n${expiresAt}`).digest('hex');
  }

  verify(op: 'put' | 'get', cloudPath: string, expiresAt: number, signature: string, now = Date.now()): boolean {
    if (!Number.isFinite(expiresAt) || expiresAt < now) return false;
    const expected = Buffer.from(this.sign(op, cloudPath, expiresAt), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  /** Writes atomically: a reader sees the old file or the new one, never half of one. */
  write(cloudPath: string, content: Buffer): StoredFile {
    if (!isValidCloudPath(cloudPath)) throw new Error(`invalid cloud path: ${cloudPath}`);
    const file = this.diskPath(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.part`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return { cloudPath, size: content.length, file };
  }

  stat(cloudPath: string): StoredFile | null {
    if (!isValidCloudPath(cloudPath)) return null;
    const file = this.diskPath(cloudPath);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
    return { cloudPath, size: fs.statSync(file).size, file };
  }

  remove(cloudPath: string): boolean {
    const found = this.stat(cloudPath);
    if (!found) return false;
    fs.rmSync(found.file);
    return true;
  }
}

/** Relative, no empty / dot segments, no backslashes or control characters. */
export function isValidCloudPath(p: string): boolean {
  if (!p || p.length > MAX_CLOUD_PATH || p.startsWith('/') || /[\\\u0000-\u001f]/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && !seg.endsWith('.part'));
}
