/**
 * Who may see and touch a question: the asker (their own only) and the staff of its committee.
 * Anyone else gets NOT_FOUND, so ids of other committees' questions reveal nothing.
 */
import { QUESTIONS, type QuestionDoc } from '@shared/domain/inbox';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { requireRole, type Principal } from '../_kit/principal';

const notFound = () => new AppError('NOT_FOUND', '留言不存在或无权查看');

export async function readQuestion(db: Database, id: string): Promise<QuestionDoc | null> {
  const res = await db.collection(QUESTIONS).doc(id).get();
  return (res.data as QuestionDoc[])[0] ?? null;
}

/** Committee staff (社工 or 书记) with a committee: the only people who work an inbox. */
export function requireCommitteeStaff(p: Principal): StaffDoc & { committeeId: string } {
  requireRole(p, 'staff', 'secretary');
  const staff = p.staff;
  if (!staff?.committeeId) throw new AppError('FORBIDDEN', '您的账号未关联居委会');
  return staff as StaffDoc & { committeeId: string };
}

export type Viewer = { kind: 'asker' } | { kind: 'staff'; staff: StaffDoc & { committeeId: string } };

/** The question and the caller's relation to it; NOT_FOUND when they have none. */
export async function questionFor(db: Database, p: Principal, id: string): Promise<{ q: QuestionDoc; viewer: Viewer }> {
  const q = await readQuestion(db, id);
  if (!q || !p.openid) throw notFound();
  if (q.askerOpenid === p.openid) return { q, viewer: { kind: 'asker' } };
  if (p.staff?.active && p.staff.committeeId === q.committeeId && (p.roles.includes('staff') || p.roles.includes('secretary'))) {
    return { q, viewer: { kind: 'staff', staff: p.staff as StaffDoc & { committeeId: string } } };
  }
  throw notFound();
}

/** The question, for a write only its committee's staff may make. */
export async function questionForStaff(db: Database, p: Principal, id: string) {
  const staff = requireCommitteeStaff(p);
  const q = await readQuestion(db, id);
  if (!q || q.committeeId !== staff.committeeId) throw notFound();
  return { q, staff };
}

/** The question, for a write only its asker may make. */
export async function questionForAsker(db: Database, p: Principal, id: string): Promise<QuestionDoc> {
  const q = await readQuestion(db, id);
  if (!q || !p.openid || q.askerOpenid !== p.openid) throw notFound();
  return q;
}
