/**
 * Open data (开放数据) that WeChat decrypts for a cloud function. A mini-program API such as
 * wx.getGroupEnterInfo answers a `cloudID`; the client puts `wx.cloud.CloudID(cloudID)` in a
 * TOP-LEVEL field of the callFunction data (nested ones are not replaced), and the function
 * receives `{ cloudID, data }` in that field, decrypted by the platform for the calling user.
 * An action declares which fields it reads (see `defineAction`); nothing else is looked at.
 */
import { z } from 'zod';

const openGroupId = z.string().trim().min(1).max(128);

export const OPEN_DATA = {
  /**
   * wx.getGroupEnterInfo: the group chat the mini-program was opened from (message card, group
   * to-do, group tool). The decrypted data is `{ opengid }`; wx.getShareInfo's is `{ openGId }`.
   */
  groupEnter: z
    .union([z.object({ opengid: openGroupId }), z.object({ openGId: openGroupId })])
    .transform((d) => ({ opengid: 'opengid' in d ? d.opengid : d.openGId })),
} as const;

export type OpenDataKey = keyof typeof OPEN_DATA;
export const OPEN_DATA_KEYS = Object.keys(OPEN_DATA) as OpenDataKey[];
export type OpenData = { [K in OpenDataKey]?: z.output<(typeof OPEN_DATA)[K]> };

/** What the function finds in a declared top-level field when the platform decrypted it. */
export function decryptedOpenData<K extends OpenDataKey>(key: K) {
  return z.object({ cloudID: z.string().min(1), data: OPEN_DATA[key] });
}

/**
 * The local cloud's stand-in for `wx.cloud.CloudID(...)` on the wire (H5 against the dev gateway
 * only): `{ [LOCAL_CLOUD_ID_KEY]: cloudID }`. The local cloud replaces it the way CloudBase would.
 */
export const LOCAL_CLOUD_ID_KEY = '$localCloudID';
