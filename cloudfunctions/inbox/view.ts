import type { QuestionView } from '@shared/contracts/inbox';
import type { QuestionDoc } from '@shared/domain/inbox';
import { isOverdue } from '@shared/inbox';
import { iso } from '../_kit/iso';

/** The resident sees the exchange; committee staff also see routing and notification state. */
export function questionView(q: QuestionDoc, viewer: 'asker' | 'staff', now: Date): QuestionView {
  return {
    id: q._id,
    content: q.content,
    askedAt: iso(q.askedAt),
    dueAt: iso(q.dueAt),
    status: q.status,
    overdue: isOverdue(q, now),
    replies: q.replies.map((r) => ({ id: r.id, staffName: r.staffName, text: r.text, at: iso(r.at), complete: r.complete })),
    rating: q.rating ? { satisfied: q.rating.satisfied, at: iso(q.rating.at) } : null,
    canRate: viewer === 'asker' && q.status === 'answered' && q.rating === null,
    staffDetails:
      viewer === 'staff'
        ? {
            committeeId: q.committeeId,
            assigneeStaffId: q.assigneeStaffId,
            answeredBy: q.answeredBy,
            handovers: q.handovers.map((h) => ({ fromStaffId: h.fromStaffId, toStaffId: h.toStaffId, note: h.note, at: iso(h.at) })),
            notifyStatus: q.notify.status,
            notifyError: q.notify.error,
          }
        : null,
  };
}
