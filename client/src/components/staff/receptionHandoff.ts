/**
 * The token createReception just answered, handed to the confirmation page in memory: it is a
 * one-time credential and does not belong in a page URL.
 */
import type { OutputOf } from '@shared/contract';
import type { renewReceptionToken } from '@shared/contracts/worklog';

export type ReceptionToken = OutputOf<typeof renewReceptionToken>;

let latest: ReceptionToken | null = null;

export function handOffToken(t: ReceptionToken): void {
  latest = t;
}

/** The token handed off for this record, once. */
export function takeToken(recordId: string): ReceptionToken | null {
  if (!latest || latest.record.id !== recordId) return null;
  const t = latest;
  latest = null;
  return t;
}
