/** points.recordDecision / points.listDecisions: the 会议记录 deductions rest on. */
import { listDecisions, recordDecision } from '@shared/contracts/points';
import type { PointsDecisionDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { localDateOf } from '@shared/time';
import { secretary } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso } from '../_kit/iso';
import { handle } from '../_kit/runtime';
import { activeStaffByIds } from '../_kit/staff-directory';
import { collection } from '../_kit/store';

function decisionView(d: PointsDecisionDoc) {
  return { id: d._id, date: d.date, meeting: d.meeting, participants: d.participants, text: d.text, staffIds: d.staffIds, fileIds: d.fileIds, recordedBy: d.recordedBy, createdAt: iso(d.createdAt) };
}

export const recordDecisionHandler = handle(recordDecision, async (input, ctx) => {
  const who = await secretary(ctx);
  if (input.date > localDateOf(ctx.now())) throw new AppError('INVALID_INPUT', '会议日期不能晚于今天');
  const staffIds = [...new Set(input.staffIds)];
  await activeStaffByIds(ctx.db, who.committeeId, staffIds);
  const doc: Omit<PointsDecisionDoc, '_id'> = { committeeId: who.committeeId, date: input.date, meeting: input.meeting, participants: input.participants, text: input.text, staffIds, fileIds: input.fileIds, recordedBy: who.actorId, createdAt: ctx.now() };
  const { record } = await insertOnce(ctx, 'points_decisions', recordId(ctx, 'points.decision'), doc);
  return { decision: decisionView(record) };
});

export const listDecisionsHandler = handle(listDecisions, async (page, ctx) => {
  const who = await secretary(ctx);
  const { items, nextOffset } = await collection(ctx.db, 'points_decisions').page(
    (ref) => ref.where({ committeeId: who.committeeId }).orderBy('date', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'desc'),
    page,
  );
  return { items: items.map(decisionView), nextOffset };
});
