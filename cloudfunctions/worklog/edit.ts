/**
 * Corrections by the author only, inside the 48-hour edit window (shared/worklog/rules.ts); a
 * reception the resident has confirmed is locked, since the resident vouched for what it says.
 * Removal is soft: the record stays for audit and stops being listed or counted.
 */
import { removeRecord, updateRecord } from '@shared/contracts/worklog';
import type { WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { committeeStaff, type StaffCaller } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { checkOccurredAt } from './create';
import { visitBody } from './records';
import { toSummary } from './view';

async function editableRecord(ctx: ActionContext, who: StaffCaller, recordId: string): Promise<WorkRecordDoc> {
  const doc = await collection(ctx.db, 'worklog_records').byIdIn(recordId, who);
  if (doc.removedAt) throw new AppError('NOT_FOUND');
  if (doc.staffId !== who.actorId) throw new AppError('FORBIDDEN', '只能修改本人的工作记录');
  if (ctx.now().getTime() >= doc.editableUntil.getTime()) throw new AppError('RECORD_EDIT_CLOSED', '记录已超过 48 小时，不能再修改或删除');
  if (doc.type === 'reception' && doc.reception.confirmation.status === 'confirmed') throw new AppError('RECORD_LOCKED', '居民已确认的接待记录不能修改或删除');
  return doc;
}

/** The guard every write repeats, so a confirmation or removal between read and write wins. */
function unchangedSince(doc: WorkRecordDoc): Record<string, unknown> {
  return { _id: doc._id, staffId: doc.staffId, removedAt: null, ...(doc.type === 'reception' ? { 'reception.confirmation.status': 'pending' } : {}) };
}

export const updateRecordHandler = handle(updateRecord, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await editableRecord(ctx, who, input.recordId);
  if (doc.type !== input.type) throw new AppError('RECORD_TYPE_MISMATCH', '记录类型不符');
  const now = ctx.now();
  const { at, ...fields } = input.type === 'visit' ? { ...visitBody(input.visit), at: input.visit.at } : input.type === 'reception' ? input.reception : input.type === 'meeting' ? input.meeting : input.activity;
  checkOccurredAt(at, now, doc.createdAt);
  // field by field, so a reception's confirmation (not part of the form) is never overwritten
  const set: Record<string, unknown> = { at, updatedAt: now };
  for (const [k, v] of Object.entries(fields)) set[`${input.type}.${k}`] = v;
  const res = await collection(ctx.db, 'worklog_records').ref.where(unchangedSince(doc)).update(set);
  if (res.updated !== 1) throw new AppError('CONFLICT');
  const updated = { ...doc, at, updatedAt: now, [doc.type]: { ...(doc as unknown as Record<string, object>)[doc.type], ...fields } } as WorkRecordDoc;
  return toSummary(updated, who.actorId, now);
});

export const removeRecordHandler = handle(removeRecord, async ({ recordId }, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await editableRecord(ctx, who, recordId);
  const now = ctx.now();
  const res = await collection(ctx.db, 'worklog_records').ref.where(unchangedSince(doc)).update({ removedAt: now, updatedAt: now });
  if (res.updated !== 1) throw new AppError('CONFLICT');
  return { id: doc._id, removed: true as const };
});
