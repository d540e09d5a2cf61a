/**
 * When a notice shows: the one statement of its time rules, used by the contract (the rules
 * between the two times it is given), the handler (against the server's clock and the stored
 * notice) and the staff form (against the phone's clock, before anything is sent).
 *
 * - A publish time being chosen is not in the past. A few minutes are tolerated: the phone's
 *   clock and the server's differ, and a time picked to the minute passes while the form is
 *   filled in; such a notice simply goes up at once.
 * - An expiry is later than the publish time (absent: now) and, when a clock is given, than now.
 */

export interface ScheduleIssue {
  path: 'publishAt' | 'expiresAt';
  message: string;
}

/** How far a chosen publish time may lie behind the clock that checks it. */
export const PUBLISH_TOLERANCE_MS = 5 * 60_000;

export const NOTICE_SCHEDULE_MESSAGES = {
  publishPassed: '定时发布的时间已经过了，请选以后的时间，或选「立即发布」',
  expiryNotAfterNow: '过期时间应晚于现在',
  expiryNotAfterPublish: '过期时间应晚于发布时间',
} as const;

/** A publish time being chosen (at publish): refused when it has already passed. */
export function publishTimeIssue(publishAt: Date, now: Date): ScheduleIssue | null {
  return publishAt.getTime() < now.getTime() - PUBLISH_TOLERANCE_MS ? { path: 'publishAt', message: NOTICE_SCHEDULE_MESSAGES.publishPassed } : null;
}

/**
 * An expiry being set: later than `publishAt` (when known) and than `now` (when a clock is
 * given). The one issue to show, the clock first: "later than now" is what the user must fix.
 */
export function expiryIssue(expiresAt: Date, at: { publishAt?: Date | null; now?: Date }): ScheduleIssue | null {
  if (at.now && expiresAt.getTime() <= at.now.getTime()) return { path: 'expiresAt', message: NOTICE_SCHEDULE_MESSAGES.expiryNotAfterNow };
  if (at.publishAt && expiresAt.getTime() <= at.publishAt.getTime()) return { path: 'expiresAt', message: NOTICE_SCHEDULE_MESSAGES.expiryNotAfterPublish };
  return null;
}

/**
 * The times of a notice being published (`publishAt` absent: at once; `expiresAt` absent or
 * null: never). Without `now`, only the rules between the two times (what a contract can check).
 */
export function newNoticeScheduleIssues(times: { publishAt?: Date | null; expiresAt?: Date | null }, now?: Date): ScheduleIssue[] {
  const publishAt = times.publishAt ?? now;
  const issues = [
    times.publishAt && now ? publishTimeIssue(times.publishAt, now) : null,
    times.expiresAt ? expiryIssue(times.expiresAt, { publishAt, now }) : null,
  ];
  return issues.filter((i): i is ScheduleIssue => i !== null);
}
