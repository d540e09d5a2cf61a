/**
 * points.correctCard: a correction after signing is a new record next to the signed card, never
 * an edit of it. It applies to the values the card (or the previous correction) left, lists each
 * change, is scored by the same rubric, and its total becomes the month's effective total.
 */
import { correctCard, POINTS_CODES } from '@shared/contracts/points';
import type { PointsCorrectionDoc } from '@shared/domain/points';
import { AppError } from '@shared/errors';
import { cardId, pointsRubric, scoreCard } from '@shared/points/card';
import { applyCorrection } from '@shared/points/correction';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { inTransaction } from '../_kit/transaction';
import { editableOwner } from './access';
import { auditCard } from './audit';
import { cardView } from './state';
import { citedDecisions, correctionsOf, signedCard } from './store';

export const correctCardHandler = handle(correctCard, async (input, ctx) => {
  const { secretary: who, owner } = await editableOwner(ctx, input.staffId);
  const id = cardId(owner._id, input.month);
  const card = await signedCard(ctx, id);
  if (!card) throw new AppError(POINTS_CODES.notSigned, '积分卡尚未签名，请直接修改积分记录');
  const cited = [...input.complaints, ...input.disputes, ...(input.safetyBreach ? [input.safetyBreach] : [])].map((d) => d.decisionId);
  const decisions = await citedDecisions(ctx, [...new Set(cited)], card.committeeId, owner._id);
  const previous = await correctionsOf(ctx, id);
  const requestKey = ctx.requestId ? recordId(ctx, 'points.correction') : null;
  if (requestKey && previous.some((c) => c.requestKey === requestKey)) return { card: cardView({ kind: 'signed', card, corrections: previous }) };
  const base = previous[previous.length - 1]?.values ?? card.values;
  const { values, changes } = applyCorrection(base, input, decisions);
  if (!changes.length) throw new AppError(POINTS_CODES.unchanged, '更正内容与现有积分相同');

  const sequence = previous.length + 1;
  const result = scoreCard(values, input.month);
  const doc: PointsCorrectionDoc = {
    _id: `${id}_c${sequence}`,
    cardId: id,
    staffId: owner._id,
    committeeId: card.committeeId,
    streetId: card.streetId,
    month: card.month,
    year: card.year,
    sequence,
    reason: input.reason,
    evidence: input.evidence,
    changes,
    values,
    result,
    total: result.totals.total,
    rubricVersion: pointsRubric().version,
    by: who.actorId,
    byName: who.staff.name,
    at: ctx.now(),
    requestKey,
  };
  try {
    await inTransaction(ctx.db, async (tx) => {
      await tx.collection('points_corrections').add(doc);
      await auditCard(tx, ctx, { actorId: who.actorId, action: 'points.correct', cardId: id, committeeId: card.committeeId, details: { sequence, keys: changes.map((c) => c.key), total: doc.total } });
    });
  } catch (e) {
    if ((await correctionsOf(ctx, id)).some((c) => c.sequence === sequence)) throw new AppError('CONFLICT', '同时有其他更正，请刷新后重试');
    throw e;
  }
  return { card: cardView({ kind: 'signed', card, corrections: [...previous, doc] }) };
});
