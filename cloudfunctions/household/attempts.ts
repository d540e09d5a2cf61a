/**
 * Failed claim attempts, limited per resident and per typed address (committee + building/room,
 * which for a real household is that household). Counting the typed address rather than a found
 * household means a lock never tells whether an address exists in the register. Five failures in
 * thirty minutes lock for thirty minutes from the fifth.
 */
import { createHash } from 'node:crypto';
import { HOUSEHOLD_CODES } from '@shared/contracts/household';
import { AppError } from '@shared/errors';
import { localDateOf, shanghai } from '@shared/time';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';

export const CLAIM_MAX_FAILURES = 5;
export const CLAIM_WINDOW_MS = 30 * 60 * 1000;

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 32);

export const residentKey = (openid: string) => `r_${digest(openid)}`;
export const addressKey = (committeeId: string, place: string) => `p_${digest(committeeId, place)}`;

function lockedError(until: Date, now: Date): AppError {
  const t = shanghai(until);
  const when = localDateOf(until) === localDateOf(now) ? t.format('HH:mm') : t.format('M月D日 HH:mm');
  return new AppError(HOUSEHOLD_CODES.claimLocked, `尝试次数过多，为保护您和邻居的信息，请于 ${when} 以后再试，或请居委会工作人员帮助登记`, { retryAt: until.toISOString() });
}

/** Throws HOUSEHOLD_CLAIM_LOCKED when any of the keys is locked. */
export async function assertNotLocked(db: Database, keys: string[], now: Date): Promise<void> {
  const attempts = collection(db, 'household_claim_attempts');
  const docs = await Promise.all(keys.map((k) => attempts.byId(k)));
  const until = docs.map((d) => d?.lockedUntil).filter((d): d is Date => d instanceof Date && d > now);
  if (until.length) throw lockedError(new Date(Math.max(...until.map((d) => d.getTime()))), now);
}

/** Records one failure on every key; answers the lock it caused, if any. */
export async function recordFailure(db: Database, keys: string[], now: Date): Promise<AppError | null> {
  let lockedUntil: Date | null = null;
  for (const key of keys) {
    const until = await inTransaction(db, async (tx) => {
      const doc = await txGet(tx, 'household_claim_attempts', key);
      const failures = [...(doc?.failures ?? []).filter((f) => now.getTime() - new Date(f).getTime() < CLAIM_WINDOW_MS), now];
      const locked = failures.length >= CLAIM_MAX_FAILURES ? new Date(now.getTime() + CLAIM_WINDOW_MS) : (doc?.lockedUntil ?? null);
      await tx.collection('household_claim_attempts').doc(key).set({ failures: failures.slice(-CLAIM_MAX_FAILURES), lockedUntil: locked });
      return locked && locked > now ? locked : null;
    });
    if (until && (!lockedUntil || until > lockedUntil)) lockedUntil = until;
  }
  return lockedUntil ? lockedError(lockedUntil, now) : null;
}
