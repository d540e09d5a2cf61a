import type { QuestionView } from '@shared/contracts/inbox';

/** A question's state as the asker reads it. */
export function statusLabel(q: QuestionView): string {
  if (q.status === 'answered') return q.rating ? '已评价' : '已答复';
  if (q.replies.length > 0) return '正在处理';
  return '等待答复';
}
