/** A notice is scheduled before its publish time, published until it expires, then expired. */
import type { NoticeDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import type { Viewer } from './access';

export type NoticeState = 'scheduled' | 'published' | 'expired';

export function noticeState(n: Pick<NoticeDoc, 'publishAt' | 'expiresAt'>, now: Date): NoticeState {
  if (n.publishAt.getTime() > now.getTime()) return 'scheduled';
  if (n.expiresAt && n.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'published';
}

/** Residents only ever reach published notices; to them the others do not exist. */
export function requireVisibleNotice(v: Viewer, n: NoticeDoc, now: Date): NoticeState {
  const state = noticeState(n, now);
  if (!v.staff && state !== 'published') throw new AppError('NOT_FOUND', '公告不存在或已过期');
  return state;
}
