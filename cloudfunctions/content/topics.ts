/** 议事厅 topics: propose (staff or verified resident), set the poll while proposed, list, read. */
import { getTopic, listTopics, PRIVATE_TOPIC_STAGES, proposeTopic, setTopicPoll, type TopicStage } from '@shared/contracts/content-topics';
import type { PollDoc, TopicDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { assertTextAllowed } from '../_kit/content-check';
import type { Database } from '../_kit/cloud';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso } from '../_kit/iso';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { manager, viewer, type Viewer } from './access';
import { authorOf } from './authors';
import { outcomeView } from './outcomes';
import { pollResults } from './polls';

function toPoll(input: { question: string; mode: 'single' | 'multiple'; options: string[] }): PollDoc {
  return { question: input.question, mode: input.mode, options: input.options.map((text, i) => ({ id: `o${i + 1}`, text })) };
}

export const proposeTopicHandler = handle(proposeTopic, async (input, ctx) => {
  const v = await viewer(ctx);
  if (!v.staff && !v.verified) throw new AppError('FORBIDDEN', '完成家庭注册（认领家庭）后才能发起议题');
  // residents' proposals are user-generated content; staff write for the committee
  if (!v.staff) await assertTextAllowed([input.title, input.description, ...(input.poll ? [input.poll.question, ...input.poll.options] : [])], { openid: v.openid, scene: 'forum' });
  const now = ctx.now();
  const id = recordId(ctx, 'topic');
  const doc: Omit<TopicDoc, '_id'> = {
    committeeId: v.committeeId,
    title: input.title,
    description: input.description,
    stage: 'proposed',
    proposer: { kind: v.staff ? 'staff' : 'resident', openid: v.openid, staffId: v.staff?.actorId ?? null, name: v.name },
    poll: input.poll ? toPoll(input.poll) : null,
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    concludedAt: null,
  };
  const { record } = await insertOnce(ctx, 'topics', id, doc);
  return { id, stage: record.stage };
});

export const setTopicPollHandler = handle(setTopicPoll, async (input, ctx) => {
  const v = await manager(ctx);
  const topics = collection(ctx.db, 'topics');
  const t = await topics.byIdIn(input.id, v);
  // the options are fixed once discussion opens: only a proposed topic's poll may change
  const r = await topics.ref.where({ _id: t._id, stage: 'proposed' }).update({ poll: input.poll ? toPoll(input.poll) : ctx.db.command.set(null), updatedAt: ctx.now() });
  if (!r.updated) throw new AppError('TOPIC_STAGE', '讨论开始后不能再修改投票选项');
  return { id: t._id };
});

/** A resident sees topics once discussion opens, and their own proposals (declined ones too). */
function visibleTo(v: Viewer, t: TopicDoc): boolean {
  return Boolean(v.staff) || !PRIVATE_TOPIC_STAGES.includes(t.stage) || t.proposer.openid === v.openid;
}

function summary(v: Viewer, t: TopicDoc) {
  return {
    id: t._id,
    title: t.title,
    stage: t.stage,
    proposer: authorOf(v, t.proposer),
    hasPoll: t.poll !== null,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

/** The same rule as visibleTo, as a query (optionally for one stage). */
function topicFilter(v: Viewer, stage: TopicStage | undefined, _: Database['command']) {
  const committee = { committeeId: v.committeeId };
  if (v.staff) return stage ? { ...committee, stage } : committee;
  const own = { ...committee, 'proposer.openid': v.openid };
  if (stage && PRIVATE_TOPIC_STAGES.includes(stage)) return { ...own, stage };
  if (stage) return { ...committee, stage };
  return _.or([{ ...committee, stage: _.nin([...PRIVATE_TOPIC_STAGES]) }, { ...own, stage: _.in([...PRIVATE_TOPIC_STAGES]) }]);
}

export const listTopicsHandler = handle(listTopics, async (input, ctx) => {
  const v = await viewer(ctx);
  const where = topicFilter(v, input.stage, ctx.db.command);
  const { items, nextOffset } = await collection(ctx.db, 'topics').page((ref) => ref.where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'desc'), input);
  return { items: items.map((t) => summary(v, t)), nextOffset };
});

export const getTopicHandler = handle(getTopic, async (input, ctx) => {
  const v = await viewer(ctx);
  const t = await collection(ctx.db, 'topics').byIdIn(input.id, v);
  if (!visibleTo(v, t)) throw new AppError('NOT_FOUND');
  const outcome = t.stage === 'concluded' || t.stage === 'followed_up' ? await collection(ctx.db, 'topic_outcomes').byId(t._id) : null;
  return {
    ...summary(v, t),
    description: t.description,
    poll: t.poll ? await pollResults(ctx, v, { ...t, poll: t.poll }) : null,
    outcome: outcome ? outcomeView(outcome) : null,
    declineReason: t.stage === 'declined' ? (t.declineReason ?? null) : null,
  };
});
