/**
 * The reply deadline of a resident question. Seed 004 asks for 及时 online replies and, through
 * 错时值班, for a committee that can be reached on evenings, weekends and holidays; it names no
 * number. We use 24 natural hours from the question: the duty roster covers non-working days, so
 * a working-day rule would let a Friday-evening question wait until Monday.
 */
export const REPLY_WINDOW_HOURS = 24;

export function replyDueAt(askedAt: Date): Date {
  return new Date(askedAt.getTime() + REPLY_WINDOW_HOURS * 3600_000);
}

export interface DeadlineFacts {
  dueAt: Date;
  /** when the complete answer was given; null while the question is open */
  answeredAt: Date | null;
}

/** Open past its deadline, or answered after it. */
export function isOverdue(q: DeadlineFacts, now: Date): boolean {
  const settled = q.answeredAt ?? now;
  return settled.getTime() > q.dueAt.getTime();
}
