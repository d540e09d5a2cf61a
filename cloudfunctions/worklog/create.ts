/**
 * Creating a work record: bound to the caller's committee and staff record (never the payload)
 * and to the instant the work happened; a retried request (same requestId) finds the first
 * attempt's record instead of writing a second one.
 */
import type { WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { editableUntil, occurredAtProblem } from '@shared/worklog/rules';
import type { StaffCaller } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import type { ActionContext } from '../_kit/runtime';

type Body<D> = D extends { type: infer T extends string } ? (T extends keyof D ? D[T] : never) : never;
export type RecordBody = { [K in WorkRecordDoc['type']]: Body<Extract<WorkRecordDoc, { type: K }>> };

export function checkOccurredAt(at: Date, now: Date, recordedAt: Date = now): void {
  const problem = occurredAtProblem(at, now, recordedAt);
  if (problem === 'future') throw new AppError('RECORD_TIME_INVALID', '记录时间不能晚于现在');
  if (problem === 'too_old') throw new AppError('RECORD_TIME_INVALID', '只能补记 7 天内的工作');
}

export async function createRecord<K extends WorkRecordDoc['type']>(
  ctx: ActionContext,
  who: StaffCaller,
  type: K,
  at: Date,
  body: RecordBody[K],
): Promise<{ record: Extract<WorkRecordDoc, { type: K }>; created: boolean }> {
  const now = ctx.now();
  checkOccurredAt(at, now);
  const id = recordId(ctx, `worklog:${type}`);
  const doc = { type, committeeId: who.committeeId, staffId: who.actorId, staffName: who.staff.name, at, createdAt: now, updatedAt: now, editableUntil: editableUntil(now), removedAt: null, [type]: body };
  const { record, created } = await insertOnce(ctx, 'worklog_records', id, doc);
  const stored = record as unknown as WorkRecordDoc;
  // a requestId reused for a different kind of record must not return someone else's shape
  if (stored.type !== type || stored.staffId !== who.actorId) throw new AppError('CONFLICT');
  return { record: stored as Extract<WorkRecordDoc, { type: K }>, created };
}
