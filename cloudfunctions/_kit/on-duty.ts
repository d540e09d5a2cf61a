/**
 * Who is on duty now: the shifts of a committee whose window contains the instant, one query on
 * the committee_start index. In the kit because the roster answers it and the inbox notifies
 * these staff first, and each function is its own bundle.
 */
import type { ShiftDoc } from '@shared/domain/roster';
import type { Database } from './cloud';
import { collection } from './store';

/** A committee has a handful of people on duty at once; 50 is a generous bound. */
const MAX_ON_DUTY = 50;

export async function shiftsOnDuty(db: Database, committeeId: string, at: Date): Promise<ShiftDoc[]> {
  const _ = db.command;
  return collection(db, 'roster_shifts').some((c) => c.where({ committeeId, startAt: _.lte(at), endAt: _.gt(at) }).orderBy('startAt', 'asc').orderBy('_id', 'asc'), MAX_ON_DUTY);
}
