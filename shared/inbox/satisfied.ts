/**
 * 线上反馈 points (seed 004 附件三): 每完整解答1次并得到群众满意回复，得0.5分. Pure counting, so
 * the inbox function and the points card compute the same numbers from the same facts.
 */
import { localMonthOf } from '../time';

export const ONLINE_REPLY_POINTS = 0.5;

export interface AnswerFacts {
  /** author of the complete answer; null while there is none */
  answeredBy: string | null;
  rating: { satisfied: boolean; at: Date } | null;
}

/** A complete answer the asker rated satisfied. */
export function earnsOnlineReplyPoints(q: AnswerFacts): q is AnswerFacts & { answeredBy: string; rating: { satisfied: true; at: Date } } {
  return q.answeredBy !== null && q.rating !== null && q.rating.satisfied;
}

/**
 * Satisfied answers per staff member in a Shanghai month (YYYY-MM). An answer counts in the month
 * its satisfied rating arrived: that is when both conditions first hold, and it never moves a
 * month that has already ended (and may be signed) when a late rating comes in.
 */
export function satisfiedAnswersByStaff(questions: Iterable<AnswerFacts>, month: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of questions) {
    if (!earnsOnlineReplyPoints(q) || localMonthOf(q.rating.at) !== month) continue;
    counts.set(q.answeredBy, (counts.get(q.answeredBy) ?? 0) + 1);
  }
  return counts;
}

export function onlineReplyPoints(satisfiedAnswers: number): number {
  return satisfiedAnswers * ONLINE_REPLY_POINTS;
}
