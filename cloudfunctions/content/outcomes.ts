/**
 * Stage moves of a topic, staff of its committee only: open for discussion (the poll is frozen)
 * or decline the proposal with a reason, conclude with an outcome (成果, its own record), follow
 * the outcome up. Each move is conditional on the stage it starts from, so two staff acting at
 * once cannot both succeed.
 */
import { concludeTopic, declineTopic, followUpTopic, openTopic, type TopicStage } from '@shared/contracts/content-topics';
import type { FollowUpDoc, OutcomeDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { localDateOf, startOfLocalDate } from '@shared/time';
import { recordId } from '../_kit/idempotent';
import { iso } from '../_kit/iso';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';
import { manager } from './access';

const wrongStage = (message: string) => new AppError('TOPIC_STAGE', message);

export const openTopicHandler = handle(openTopic, async (input, ctx) => {
  const v = await manager(ctx);
  const topics = collection(ctx.db, 'topics');
  const t = await topics.byIdIn(input.id, v);
  if (t.stage === 'discussing') return { id: t._id, stage: t.stage };
  const now = ctx.now();
  const r = await topics.ref.where({ _id: t._id, stage: 'proposed' }).update({ stage: 'discussing', openedAt: now, updatedAt: now });
  if (!r.updated) throw wrongStage('只有待审议的议题可以开始讨论');
  return { id: t._id, stage: 'discussing' as TopicStage };
});

export const declineTopicHandler = handle(declineTopic, async (input, ctx) => {
  const v = await manager(ctx);
  const topics = collection(ctx.db, 'topics');
  const t = await topics.byIdIn(input.id, v);
  if (t.stage === 'declined') return { id: t._id, stage: t.stage };
  const now = ctx.now();
  const r = await topics.ref
    .where({ _id: t._id, stage: 'proposed' })
    .update({ stage: 'declined', declinedAt: now, declineReason: input.reason, declinedByStaffId: v.staff.actorId, updatedAt: now });
  if (!r.updated) {
    // a colleague's decline racing this one is the same answer; any other move is not
    const again = await topics.byIdIn(t._id, v);
    if (again.stage === 'declined') return { id: t._id, stage: again.stage };
    throw wrongStage('只有待审议的议题可以不予讨论');
  }
  return { id: t._id, stage: 'declined' as TopicStage };
});

export const concludeTopicHandler = handle(concludeTopic, async (input, ctx) => {
  const v = await manager(ctx);
  await collection(ctx.db, 'topics').byIdIn(input.id, v);
  const now = ctx.now();
  const requestKey = recordId(ctx, 'conclude');
  return inTransaction(ctx.db, async (tx) => {
    const t = await txGet(tx, 'topics', input.id);
    if (!t) throw new AppError('NOT_FOUND');
    if (t.stage !== 'discussing') {
      // a retried conclude finds the outcome it wrote and answers as the first attempt did
      const existing = await txGet(tx, 'topic_outcomes', t._id);
      if (existing?.requestKey === requestKey) return { id: t._id, stage: t.stage };
      throw wrongStage('只有讨论中的议题可以形成成果');
    }
    await tx.collection('topics').doc(t._id).update({ stage: 'concluded', concludedAt: now, updatedAt: now });
    const outcome: Omit<OutcomeDoc, '_id'> = {
      topicId: t._id,
      committeeId: t.committeeId,
      decision: input.outcome.decision,
      actor: input.outcome.actor,
      dueDate: startOfLocalDate(input.outcome.dueDate),
      decidedAt: now,
      decidedByStaffId: v.staff.actorId,
      requestKey,
      followUps: [],
    };
    await tx.collection('topic_outcomes').add({ ...outcome, _id: t._id });
    return { id: t._id, stage: 'concluded' as TopicStage };
  });
});

export const followUpTopicHandler = handle(followUpTopic, async (input, ctx) => {
  const v = await manager(ctx);
  await collection(ctx.db, 'topics').byIdIn(input.id, v);
  const now = ctx.now();
  const id = recordId(ctx, 'follow_up');
  const _ = ctx.db.command;
  return inTransaction(ctx.db, async (tx) => {
    const t = await txGet(tx, 'topics', input.id);
    const outcome = await txGet(tx, 'topic_outcomes', input.id);
    if (!t || !outcome || (t.stage !== 'concluded' && t.stage !== 'followed_up')) throw wrongStage('议题形成成果后才能记录跟进情况');
    if (outcome.followUps.some((f) => f.id === id)) return { id: t._id, stage: t.stage, followUps: outcome.followUps.length };
    const entry: FollowUpDoc = { id, text: input.text, status: input.status, date: startOfLocalDate(input.date), at: now, byStaffId: v.staff.actorId };
    await tx.collection('topics').doc(t._id).update({ stage: 'followed_up', updatedAt: now });
    await tx.collection('topic_outcomes').doc(t._id).update({ followUps: _.push([entry]) });
    return { id: t._id, stage: 'followed_up' as TopicStage, followUps: outcome.followUps.length + 1 };
  });
});

export function outcomeView(o: OutcomeDoc) {
  return {
    decision: o.decision,
    actor: o.actor,
    dueDate: localDateOf(o.dueDate),
    decidedAt: iso(o.decidedAt),
    followUps: o.followUps.map((f) => ({ text: f.text, status: f.status, date: localDateOf(f.date), recordedAt: iso(f.at) })),
  };
}
