/**
 * points.addEntry / points.removeEntry: the items the secretary fills in. A deduction must cite
 * a recorded collective decision; a signed card refuses every change (and the refusal is audited).
 */
import { addEntry, POINTS_CODES, removeEntry } from '@shared/contracts/points';
import type { PointsEntryDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { cardId } from '@shared/points/card';
import { entryOutsideMonth, isDeduction, needsEvidence } from '@shared/points/entries';
import { localMonthOf } from '@shared/time';
import { secretary } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { editableOwner } from './access';
import { refuseSigned } from './audit';
import { citedDecisions, signedCard } from './store';
import { entryView } from './state';

export const addEntryHandler = handle(addEntry, async ({ staffId, month, entry, evidence }, ctx) => {
  const { secretary: who, owner } = await editableOwner(ctx, staffId);
  const id = cardId(owner._id, month);
  if (month > localMonthOf(ctx.now())) throw new AppError(POINTS_CODES.outsideMonth, '不能为尚未开始的月份录入积分');
  if (entryOutsideMonth(entry, month)) throw new AppError(POINTS_CODES.outsideMonth, `日期须在 ${month} 月内`);
  if (needsEvidence(entry, evidence)) throw new AppError(POINTS_CODES.evidenceRequired, '请上传证明材料或填写说明');
  if (isDeduction(entry)) await citedDecisions(ctx, [entry.decisionId], owner.committeeId, owner._id);
  if (await signedCard(ctx, id)) return refuseSigned(ctx, who.actorId, id, owner.committeeId, 'addEntry');

  const doc: Omit<PointsEntryDoc, '_id'> = { committeeId: owner.committeeId, staffId: owner._id, month, entry, evidence, createdBy: who.actorId, createdAt: ctx.now(), removedAt: null, removedBy: null };
  const { record } = await insertOnce(ctx, 'points_entries', recordId(ctx, 'points.entry'), doc);
  // signing may have read the entries just before this insert: if it won, withdraw the entry
  const card = await signedCard(ctx, id);
  if (card && !card.entries.some((e) => e._id === record._id)) {
    await collection(ctx.db, 'points_entries').ref.doc(record._id).update({ removedAt: ctx.now(), removedBy: who.actorId });
    return refuseSigned(ctx, who.actorId, id, owner.committeeId, 'addEntry');
  }
  return { entry: entryView(record) };
});

export const removeEntryHandler = handle(removeEntry, async ({ entryId }, ctx) => {
  const entries = collection(ctx.db, 'points_entries');
  const entry = await entries.byIdIn(entryId, await secretary(ctx), '积分记录不存在');
  const { secretary: who } = await editableOwner(ctx, entry.staffId);
  const id = cardId(entry.staffId, entry.month);
  if (await signedCard(ctx, id)) return refuseSigned(ctx, who.actorId, id, entry.committeeId, 'removeEntry');
  if (!entry.removedAt) await entries.ref.doc(entryId).update({ removedAt: ctx.now(), removedBy: who.actorId });
  return { removed: true as const };
});
