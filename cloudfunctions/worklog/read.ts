/**
 * Reading records: staff see their own, the secretary the whole committee. Lists are one
 * explicit page of a Shanghai calendar month, newest first, names masked; the detail shows the
 * resident's name and is written to audit_log.
 */
import { getRecord, listRecords } from '@shared/contracts/worklog';
import { AppError } from '@shared/errors';
import { monthWindow } from '@shared/time';
import { committeeStaff } from '../_kit/access';
import { writeAudit } from '../_kit/audit';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { toDetail, toSummary } from './view';

export const getRecordHandler = handle(getRecord, async ({ recordId }, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await collection(ctx.db, 'worklog_records').byIdIn(recordId, who);
  if (doc.removedAt) throw new AppError('NOT_FOUND');
  if (doc.staffId !== who.actorId && !who.isSecretary) throw new AppError('FORBIDDEN', '只能查看本人的工作记录');
  const namesResident = (doc.type === 'visit' && doc.visit.residentName) || (doc.type === 'reception' && (doc.reception.residentName || doc.reception.confirmation.signerName));
  if (namesResident) {
    await writeAudit(ctx.db, { actorId: who.actorId, action: 'worklog.read', subjectType: 'worklog_record', subjectId: doc._id, committeeId: who.committeeId, count: 1, at: ctx.now() });
  }
  return toDetail(doc, who.actorId, ctx.now());
});

export const listRecordsHandler = handle(listRecords, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  if (input.scope === 'committee' && !who.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以查看全居委会的记录');
  const w = monthWindow(input.month);
  const _ = ctx.db.command;
  const staffId = input.scope === 'mine' ? who.actorId : input.staffId;
  const where = {
    committeeId: who.committeeId,
    ...(staffId ? { staffId } : {}),
    ...(input.type ? { type: input.type } : {}),
    at: _.gte(w.start).and(_.lt(w.end)),
    removedAt: null,
  };
  const records = collection(ctx.db, 'worklog_records');
  const [page, total] = await Promise.all([records.page((c) => c.where(where).orderBy('at', 'desc').orderBy('_id', 'desc'), input), records.count(where)]);
  const now = ctx.now();
  return { items: page.items.map((d) => toSummary(d, who.actorId, now)), total, nextOffset: page.nextOffset };
});
