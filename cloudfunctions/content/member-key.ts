/** The `_id` of a one-per-user record (like, sign-up, read, vote): the same pair, the same id. */
import crypto from 'node:crypto';

export function memberKey(parentId: string, openid: string): string {
  return crypto.createHash('sha256').update(`${parentId}\u0000${openid}`).digest('hex').slice(0, 32);
}
