/** points.recordDecision / points.listDecisions: the 会议记录 deductions rest on. */
import { listDecisions, recordDecision } from '@shared/contracts/points';
import type { PointsDecisionDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { localDateOf } from '@shared/time';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { iso } from '../_kit/paging';
import { committeeStaff, requireSecretary } from '../_kit/committee-access';
import { DECISIONS } from './store';

function decisionView(d: PointsDecisionDoc) {
  return { id: d._id, date: d.date, meeting: d.meeting, participants: d.participants, text: d.text, staffIds: d.staffIds, fileIds: d.fileIds, recordedBy: d.recordedBy, createdAt: iso(d.createdAt) };
}

export const recordDecisionHandler = handle(recordDecision, async (input, ctx) => {
  const m = await requireSecretary(ctx);
  if (input.date > localDateOf(ctx.now())) throw new AppError('INVALID_INPUT', '会议日期不能晚于今天');
  const staffIds = [...new Set(input.staffIds)];
  await committeeStaff(ctx.db, m.committeeId, staffIds);
  const doc: Omit<PointsDecisionDoc, '_id'> = { committeeId: m.committeeId, date: input.date, meeting: input.meeting, participants: input.participants, text: input.text, staffIds, fileIds: input.fileIds, recordedBy: m.staff._id, createdAt: ctx.now() };
  const { record } = await insertOnce(ctx, DECISIONS, recordId(ctx, 'points.decision'), doc);
  return { decision: decisionView(record) };
});

export const listDecisionsHandler = handle(listDecisions, async ({ offset, limit }, ctx) => {
  const m = await requireSecretary(ctx);
  const res = await ctx.db.collection(DECISIONS).where({ committeeId: m.committeeId }).orderBy('date', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(offset).limit(limit + 1).get();
  const rows = res.data as PointsDecisionDoc[];
  return { items: rows.slice(0, limit).map(decisionView), nextOffset: rows.length > limit ? offset + limit : null };
});
