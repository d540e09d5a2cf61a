/**
 * The one-time token of scan-to-confirm: 24 random bytes (unguessable), shown to the resident as a
 * QR code, stored only as its sha256, valid for RECEPTION_TOKEN_TTL_MS and consumed by the first
 * confirmation.
 */
import crypto from 'node:crypto';
import { RECEPTION_TOKEN_TTL_MS } from '@shared/worklog/rules';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newToken(now: Date): { token: string; hash: string; expiresAt: Date } {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token), expiresAt: new Date(now.getTime() + RECEPTION_TOKEN_TTL_MS) };
}
