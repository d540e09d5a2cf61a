import { localMonthOf } from './time';

/** A file name safe as the last segment of a cloud path: keeps CJK, drops separators and control characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f<>:"|?*]+/g, '_').replace(/^\.+/, '').slice(-80);
  return cleaned || 'file';
}

/**
 * Who owns an uploaded file, written into its path so that a fileID alone says who may read it
 * (no record to keep in step with storage): the uploader's OPENID and, for a file a committee's
 * staff uploaded (registers, photos, signatures), that committee.
 */
export interface FileOwner {
  openid: string;
  committeeId: string | null;
}

/** OPENIDs and ids are path-safe tokens; anything else is not a path this product wrote. */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** The owner's folder, `uploads/<openid>` or `committees/<committeeId>/<openid>`; null for an owner no path can name. */
export function uploadDir(owner: FileOwner): string | null {
  if (!TOKEN.test(owner.openid) || (owner.committeeId !== null && !TOKEN.test(owner.committeeId))) return null;
  return owner.committeeId ? `committees/${owner.committeeId}/${owner.openid}` : `uploads/${owner.openid}`;
}

/**
 * Where an upload is stored, the same for both builds (wx.cloud.uploadFile in the mini-program,
 * the local gateway behind H5): `<owner dir>/<Shanghai month>/<unique>-<name>`. The server
 * names the owner dir (auth.me's uploadDir); `unique` keeps two files of one name apart.
 */
export function uploadPath(dir: string, fileName: string, unique: string, at: Date = new Date()): string {
  return `${dir}/${localMonthOf(at)}/${unique}-${safeFileName(fileName)}`;
}

/** The owner a cloud path names, or null for a path that is not an upload's (a server export, a forged path). */
export function fileOwnerOf(cloudPath: string): FileOwner | null {
  const seg = cloudPath.split('/');
  if (seg[0] === 'uploads' && seg.length === 4 && TOKEN.test(seg[1]!)) return { openid: seg[1]!, committeeId: null };
  if (seg[0] === 'committees' && seg.length === 5 && TOKEN.test(seg[1]!) && TOKEN.test(seg[2]!)) return { openid: seg[2]!, committeeId: seg[1]! };
  return null;
}

/** The cloud path of a `cloud://<env>.<bucket>/<path>` fileID, or null. */
export function cloudPathOfFileId(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m && !m[1]!.split('/').some((s) => s === '' || s === '.' || s === '..') ? m[1]! : null;
}

/**
 * The read rule of an upload: its uploader, and staff of its committee for committee files.
 * `staffOf` is the committee the caller serves as active staff (null otherwise). A resident's
 * own files are theirs as uploader.
 */
export function mayReadUpload(owner: FileOwner, caller: { openid: string; staffOf: string | null }): boolean {
  if (!caller.openid) return false;
  return owner.openid === caller.openid || (owner.committeeId !== null && owner.committeeId === caller.staffOf);
}
