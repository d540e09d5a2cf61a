/**
 * Reading records: staff see their own, the secretary the whole committee. Lists are one
 * explicit page of a Shanghai calendar month, newest first, names masked; the detail shows the
 * resident's name and is written to audit_log.
 */
import { getRecord, listRecords } from '@shared/contracts/worklog';
import { RECORDS, type WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { monthWindow } from '@shared/time';
import { handle } from '../_kit/runtime';
import { committeeDoc, committeeMember } from '../_kit/committee-access';
import { auditRead } from './audit';
import { readPage } from '../_kit/paging';
import { toDetail, toSummary } from './view';

export const getRecordHandler = handle(getRecord, async ({ recordId }, ctx) => {
  const m = await committeeMember(ctx);
  const doc = await committeeDoc<WorkRecordDoc>(ctx.db, RECORDS, recordId, m.committeeId);
  if (doc.removedAt) throw new AppError('NOT_FOUND');
  if (doc.staffId !== m.staff._id && !m.isSecretary) throw new AppError('FORBIDDEN', '只能查看本人的工作记录');
  const namesResident = (doc.type === 'visit' && doc.visit.residentName) || (doc.type === 'reception' && (doc.reception.residentName || doc.reception.confirmation.signerName));
  if (namesResident) await auditRead(ctx, m.staff._id, m.committeeId, 'worklog_record', doc._id);
  return toDetail(doc, m.staff._id, ctx.now());
});

export const listRecordsHandler = handle(listRecords, async (input, ctx) => {
  const m = await committeeMember(ctx);
  if (input.scope === 'committee' && !m.isSecretary) throw new AppError('FORBIDDEN', '只有书记可以查看全居委会的记录');
  const w = monthWindow(input.month);
  const _ = ctx.db.command;
  const staffId = input.scope === 'mine' ? m.staff._id : input.staffId;
  const where = {
    committeeId: m.committeeId,
    ...(staffId ? { staffId } : {}),
    ...(input.type ? { type: input.type } : {}),
    at: _.gte(w.start).and(_.lt(w.end)),
    removedAt: null,
  };
  const coll = ctx.db.collection(RECORDS);
  const [{ rows, nextOffset }, count] = await Promise.all([
    readPage<WorkRecordDoc>(coll.where(where).orderBy('at', 'desc').orderBy('_id', 'desc'), input.offset, input.limit),
    coll.where(where).count(),
  ]);
  const now = ctx.now();
  return { items: rows.map((d) => toSummary(d, m.staff._id, now)), total: count.total ?? 0, nextOffset };
});
