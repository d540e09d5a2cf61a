/**
 * The WeCom notice of a new question. The question is stored before this runs and the outcome is
 * written back to it (`notify`), so a WeCom failure never loses a question: it shows as failed in
 * the staff inbox and can be sent again (retryNotify).
 */
import type { QuestionDoc, QuestionNotify } from '@shared/domain/inbox';
import type { StaffDoc } from '@shared/domain/people';
import { isAppError } from '@shared/errors';
import { noticeExcerpt, REPLY_WINDOW_HOURS } from '@shared/inbox';
import { shanghai } from '@shared/time';
import type { Database } from '../_kit/cloud';
import type { Logger } from '../_kit/logger';
import { shiftsOnDuty } from '../_kit/on-duty';
import { collection } from '../_kit/store';
import { createWecomClient, wecomConfigFromEnv, type WecomClient } from '../_kit/wecom';

/** The staff page a notice opens (built by the client's staff subpackage). */
export const STAFF_INBOX_DETAIL_PAGE = 'packages/staff/pages/inbox/detail';

let client: WecomClient | undefined;

/**
 * Shorter timeouts and one retry instead of the default 5 s × 4: the whole ask must fit the
 * function's 5 s budget. A notice that still does not get through is retried by staff.
 */
function wecom(): WecomClient {
  client ??= createWecomClient(wecomConfigFromEnv(), { timeoutMs: 1200, retry: { retries: 1 } });
  return client;
}

export interface Recipients {
  audience: 'on_duty' | 'committee';
  staff: StaffDoc[];
}

/** The on-duty staff who are active members of the committee; without any, every active colleague. */
export async function recipientsFor(db: Database, committeeId: string, now: Date, log: Logger): Promise<Recipients> {
  const _ = db.command;
  let onDuty: string[] = [];
  try {
    onDuty = [...new Set((await shiftsOnDuty(db, committeeId, now)).map((s) => s.staffId))];
  } catch (e) {
    // a roster problem must not silence the committee: fall back to everyone
    log.error('on-duty lookup failed', { error: e instanceof Error ? e.message : String(e) });
  }
  const staff = collection(db, 'staff');
  if (onDuty.length) {
    const present = await staff.some((c) => c.where({ _id: _.in(onDuty), committeeId, active: true }), 100);
    if (present.length) return { audience: 'on_duty', staff: present };
  }
  return { audience: 'committee', staff: await staff.some((c) => c.where({ committeeId, active: true }), 1000) };
}

const noticeTime = (d: Date) => shanghai(d).format('M月D日 HH:mm');

/** Sends the notice and records the outcome on the question; never throws for a WeCom failure. */
export async function notifyQuestion(db: Database, q: QuestionDoc, now: Date, log: Logger): Promise<QuestionNotify> {
  const committee = await collection(db, 'committees').byId(q.committeeId);
  const { audience, staff } = await recipientsFor(db, q.committeeId, now, log);
  let outcome: Pick<QuestionNotify, 'status' | 'error'>;
  if (!staff.length) {
    outcome = { status: 'failed', error: 'INBOX_NO_RECIPIENT' };
  } else {
    try {
      await wecom().sendMiniprogramNotice({
        toUsers: staff.map((s) => s.userId),
        page: `${STAFF_INBOX_DETAIL_PAGE}?id=${encodeURIComponent(q._id)}`,
        title: '居民留言',
        description: `请于${REPLY_WINDOW_HOURS}小时内回复`,
        emphasisFirstItem: false,
        contentItems: [
          { key: '居委会', value: (committee?.name ?? '').slice(0, 30) },
          { key: '留言时间', value: noticeTime(q.askedAt) },
          { key: '留言内容', value: noticeExcerpt(q.content) },
        ],
      });
      outcome = { status: 'sent', error: null };
    } catch (e) {
      const code = isAppError(e) ? e.code : 'INTERNAL';
      log.error('question notice failed', { questionId: q._id, code });
      outcome = { status: 'failed', error: code };
    }
  }
  const notify: QuestionNotify = { ...outcome, audience, recipients: staff.map((s) => s._id), attempts: q.notify.attempts + 1, lastAttemptAt: now };
  await collection(db, 'inbox_questions').ref.doc(q._id).update({ notify });
  return notify;
}
