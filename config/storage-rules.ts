/**
 * CloudBase storage security rules (docs/storage.md), deployed by `npm run deploy` and applied by
 * the H5 gateway to the same client calls. They govern what a client reads or writes directly
 * (wx.cloud.uploadFile / getTempFileURL / downloadFile); functions read with admin rights and
 * check the wider read rule themselves (`_kit/files.ts`: staff of a file's committee too).
 * A client may touch only files it created: an uploaded register, a photo or a signature is never
 * readable by another user's client, signed in or not.
 */
export const STORAGE_RULES = {
  read: 'auth != null && resource.openid == auth.openid',
  write: 'auth != null && resource.openid == auth.openid',
} as const;

/** The rules above for one client request: the caller's OPENID ('' when not signed in) and the file's creator. */
export function clientMay(callerOpenid: string, creatorOpenid: string | null): boolean {
  return callerOpenid !== '' && creatorOpenid !== null && creatorOpenid === callerOpenid;
}
