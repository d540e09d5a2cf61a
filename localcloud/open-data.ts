/**
 * The local cloud's stand-in for WeChat open data. WeChat hands the client a cloudID (valid five
 * minutes, usable only by the user it was issued to) and CloudBase replaces a top-level
 * `wx.cloud.CloudID(...)` field of a callFunction event with `{ cloudID, data }`. Here the dev
 * gateway issues cloudIDs (for example "opened from group chat X") and `decryptEventOpenData`
 * does the replacing for calls from a mini-program user.
 */
import crypto from 'node:crypto';
import { LOCAL_CLOUD_ID_KEY } from '../shared/open-data';

const VALID_MS = 5 * 60_000;

interface Issued {
  openid: string;
  data: Record<string, unknown>;
  expiresAt: number;
}

export class OpenDataIssuer {
  private readonly issued = new Map<string, Issued>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh cloudID for `data`, as each call of a WeChat open-data API gives a new one. */
  issue(openid: string, data: Record<string, unknown>): string {
    this.forgetExpired();
    const cloudID = `local_${crypto.randomBytes(12).toString('base64url')}`;
    this.issued.set(cloudID, { openid, data, expiresAt: this.now() + VALID_MS });
    return cloudID;
  }

  /**
   * Replaces each top-level `{ $localCloudID }` marker with `{ cloudID, data }` when the cloudID
   * was issued to this caller and has not expired, and with `{ cloudID }` alone otherwise. A
   * top-level value already shaped like decrypted open data cannot have come from the platform,
   * so it is dropped: a client cannot forge what a function trusts as decrypted.
   */
  decryptEventOpenData(event: unknown, openid: string): unknown {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) {
      if (isMarker(value)) out[key] = this.decrypt(value[LOCAL_CLOUD_ID_KEY], openid);
      else if (!looksDecrypted(value)) out[key] = value;
    }
    return out;
  }

  private decrypt(cloudID: string, openid: string): Record<string, unknown> {
    const found = this.issued.get(cloudID);
    if (!found || found.openid !== openid || found.expiresAt <= this.now()) return { cloudID };
    return { cloudID, data: found.data };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, v] of this.issued) if (v.expiresAt <= now) this.issued.delete(id);
  }
}

function isMarker(v: unknown): v is { [LOCAL_CLOUD_ID_KEY]: string } {
  return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[LOCAL_CLOUD_ID_KEY] === 'string';
}

function looksDecrypted(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'cloudID' in v;
}

/**
 * A stable, opaque group id for a named dev group chat, per app, as WeChat's opengid is per
 * mini-program.
 */
export function localOpenGroupId(appid: string, groupName: string): string {
  return `G${crypto.createHash('sha256').update(`${appid}\n${groupName}`).digest('base64url').slice(0, 27)}`;
}
