/**
 * Reads the open data an action declares from the top level of its event, where CloudBase puts
 * what it decrypted from the client's `wx.cloud.CloudID(...)`. Open data only ever enriches a
 * record (which group chat a read came from), so a missing, expired or malformed field is
 * dropped and logged, never a failure of the action.
 */
import { decryptedOpenData, type OpenData, type OpenDataKey } from '@shared/open-data';
import type { Logger } from './logger';

export function readOpenData(event: unknown, declared: readonly OpenDataKey[], log: Logger): OpenData {
  const out: OpenData = {};
  if (declared.length === 0 || typeof event !== 'object' || event === null) return out;
  const fields = event as Record<string, unknown>;
  for (const key of declared) {
    const raw = fields[key];
    if (raw === undefined) continue;
    const parsed = decryptedOpenData(key).safeParse(raw);
    if (parsed.success) Object.assign(out, { [key]: parsed.data.data });
    // the platform leaves an undecryptable CloudID as it came; log the shape, not the value
    else log.info('open data not decrypted, ignored', { key, type: typeof raw });
  }
  return out;
}
