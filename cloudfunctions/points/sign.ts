/**
 * points.signCard: the secretary signs a finished month (党总支书记签名). The record counts, the
 * entries, the rubric inputs and the result are frozen in one document with who, when and the
 * rubric version; the document id (staff + month) makes a second signature impossible.
 */
import { POINTS_CODES, signCard } from '@shared/contracts/points';
import type { PointsCardDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { cardId, pointsRubric } from '@shared/points/card';
import { monthWindow } from '@shared/time';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction } from '../_kit/transaction';
import { editableOwner } from './access';
import { auditCard, refuseSigned } from './audit';
import { computeOpen, cardView } from './state';
import { correctionsOf, liveEntries, signedCard } from './store';

export const signCardHandler = handle(signCard, async ({ staffId, month }, ctx) => {
  const { secretary: who, owner } = await editableOwner(ctx, staffId);
  const now = ctx.now();
  if (now.getTime() < monthWindow(month).end.getTime()) throw new AppError(POINTS_CODES.monthOpen, `${month} 月尚未结束，月末后才能签名`);
  const id = cardId(owner._id, month);
  const requestKey = ctx.requestId ? recordId(ctx, 'points.sign') : null;
  const existing = await signedCard(ctx, id);
  if (existing && requestKey && existing.requestKey === requestKey) return { card: cardView({ kind: 'signed', card: existing, corrections: await correctionsOf(ctx, id) }) };
  if (existing) return refuseSigned(ctx, who.actorId, id, owner.committeeId, 'signCard');
  const open = await computeOpen(ctx, owner, month);

  const rubric = pointsRubric();
  const doc: PointsCardDoc = {
    _id: open.id,
    staffId: owner._id,
    staffName: owner.name,
    committeeId: owner.committeeId,
    streetId: owner.streetId,
    districtId: owner.districtId,
    month,
    year: month.slice(0, 4),
    counts: open.counts,
    entries: open.entries,
    values: open.values,
    result: open.result,
    total: open.result.totals.total,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    signedBy: who.actorId,
    signedByName: who.staff.name,
    signedAt: now,
    requestKey,
  };
  try {
    await inTransaction(ctx.db, async (tx) => {
      await tx.collection('points_cards').add(doc);
      await auditCard(tx, ctx, { actorId: who.actorId, action: 'points.sign', cardId: doc._id, committeeId: doc.committeeId, details: { staffId: doc.staffId, month, total: doc.total, rubricVersion: doc.rubricVersion } });
    });
  } catch (e) {
    // the concurrent signature won: this one is a change to a signed card
    if (await signedCard(ctx, doc._id)) return refuseSigned(ctx, who.actorId, doc._id, doc.committeeId, 'signCard');
    throw e;
  }
  // an entry added while this signature was being computed withdraws the signature (entries.ts checks the other order)
  const after = (await liveEntries(ctx, owner._id, month)).map((e) => e._id).sort();
  const frozen = doc.entries.map((e) => e._id).sort();
  if (after.join() !== frozen.join()) {
    await collection(ctx.db, 'points_cards').ref.doc(doc._id).remove();
    throw new AppError('CONFLICT', '签名时积分记录有变动，请刷新后重新签名');
  }
  return { card: cardView({ kind: 'signed', card: doc, corrections: [] }) };
});
