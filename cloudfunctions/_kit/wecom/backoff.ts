/** Bounded exponential backoff with jitter, for WeCom's -1 (busy), network errors and 5xx. */
export interface RetryPolicy {
  /** retries after the first try; WeCom advises at most 3 for -1 */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 200, maxDelayMs: 2000 };

/**
 * Delay before retry number `retry` (0-based): the exponential cap, half fixed and half random
 * ("equal jitter"), so instances that failed together do not retry in lockstep yet always wait.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
