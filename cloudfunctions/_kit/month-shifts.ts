/**
 * Every shift of a window, for a committee or one of its staff. In the kit because the worklog's
 * month summary and the roster's attendance count the same shifts, and each function is its own
 * bundle.
 */
import type { Window } from '@shared/time';
import { collection } from './store';
import type { ActionContext } from './runtime';

export function monthShifts(ctx: ActionContext, scope: { committeeId: string; staffId?: string }, w: Window) {
  const _ = ctx.db.command;
  const where = { ...scope, startAt: _.gte(w.start).and(_.lt(w.end)) };
  return collection(ctx.db, 'roster_shifts').all((c) => c.where(where).orderBy('startAt', 'asc').orderBy('_id', 'asc'));
}
