import type { QuestionDoc } from '../domain/inbox';
import type { CommitteeDoc } from '../domain/regions';
import { replyDueAt } from './deadline';

/** A question as it is stored when asked: open, unanswered, its notice not yet sent. */
export function newQuestion(a: { id: string; committee: Pick<CommitteeDoc, '_id' | 'streetId' | 'districtId'>; askerOpenid: string; householdId: string; content: string; askedAt: Date }): QuestionDoc {
  return {
    _id: a.id,
    committeeId: a.committee._id,
    streetId: a.committee.streetId,
    districtId: a.committee.districtId,
    askerOpenid: a.askerOpenid,
    householdId: a.householdId,
    content: a.content,
    askedAt: a.askedAt,
    dueAt: replyDueAt(a.askedAt),
    status: 'open',
    assigneeStaffId: null,
    replies: [],
    handovers: [],
    answeredBy: null,
    answeredAt: null,
    rating: null,
    notify: { status: 'pending', recipients: [], audience: null, attempts: 0, lastAttemptAt: null, error: null },
  };
}
