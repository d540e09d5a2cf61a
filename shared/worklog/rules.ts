/**
 * The time rules of work records, in one place so the client can show them and the functions
 * enforce the same numbers (documented in docs/worklog.md).
 */

/** The author may correct or remove a record for 48 hours after creating it; after that it is evidence for the points card. */
export const EDIT_WINDOW_MS = 48 * 3600_000;

/** A record may describe work up to 7 days back (a visit written up after a busy week), never the future. */
export const BACKDATE_LIMIT_MS = 7 * 24 * 3600_000;

/** Clock skew allowed between the staff device and the server for "when it happened". */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** A scan-to-confirm token lives 10 minutes: long enough to hand the phone over, short enough that a photo of the QR is useless later. */
export const RECEPTION_TOKEN_TTL_MS = 10 * 60_000;

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}

/**
 * Why an occurred-at instant is refused, or null when acceptable. `recordedAt` is when the record
 * was first written (an edit keeps the original allowance).
 */
export function occurredAtProblem(at: Date, now: Date, recordedAt: Date = now): 'future' | 'too_old' | null {
  if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) return 'future';
  if (at.getTime() < recordedAt.getTime() - BACKDATE_LIMIT_MS) return 'too_old';
  return null;
}
