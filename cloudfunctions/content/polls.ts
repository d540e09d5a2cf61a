/**
 * Topic polls: one vote per verified resident. The vote's `_id` is derived from topic and user,
 * so the database's primary key — not a read-then-write — makes a second vote impossible, under
 * concurrency too; a retry with the same choices answers the stored vote. Counts come from the
 * votes themselves (an aggregation), so there is no counter to drift.
 */
import { voteTopic } from '@shared/contracts/content-topics';
import type { TopicDoc, TopicVoteDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { insertOnce } from '../_kit/idempotent';
import { handle, type ActionContext } from '../_kit/runtime';
import { aggregateRows, collection } from '../_kit/store';
import { viewer, type Viewer } from './access';
import { memberKey } from './member-key';

const canVote = (v: Viewer, t: TopicDoc) => v.verified && t.stage === 'discussing' && t.poll !== null;

const sameChoices = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

export const voteTopicHandler = handle(voteTopic, async (input, ctx) => {
  const v = await viewer(ctx);
  if (!v.verified) throw new AppError('FORBIDDEN', '完成家庭注册（认领家庭）后才能投票');
  const t = await collection(ctx.db, 'topics').byIdIn(input.id, v);
  if (!t.poll) throw new AppError('INVALID_INPUT', '这个议题没有投票');
  if (t.stage !== 'discussing') throw new AppError('TOPIC_STAGE', '只有讨论中的议题可以投票');
  const choices = [...new Set(input.choices)];
  const known = new Set(t.poll.options.map((o) => o.id));
  if (choices.length !== input.choices.length || choices.some((c) => !known.has(c))) throw new AppError('INVALID_INPUT', '投票选项无效');
  if (t.poll.mode === 'single' && choices.length !== 1) throw new AppError('INVALID_INPUT', '这是单选投票，请只选择一项');
  const doc: Omit<TopicVoteDoc, '_id'> = { topicId: t._id, committeeId: t.committeeId, openid: v.openid, choices, at: ctx.now() };
  const { record, created } = await insertOnce(ctx, 'topic_votes', memberKey(t._id, v.openid), doc);
  if (!created && !sameChoices(record.choices, choices)) throw new AppError('ALREADY_VOTED', '您已经投过票了，每位居民只能投一次');
  return { choices: record.choices };
});

/** The poll with counts per option, the number of voters and the caller's own choices. */
export async function pollResults(ctx: Pick<ActionContext, 'db'>, v: Viewer, t: TopicDoc & { poll: NonNullable<TopicDoc['poll']> }) {
  const $ = ctx.db.command.aggregate;
  const votes = collection(ctx.db, 'topic_votes');
  const [perOption, voters, myVote] = await Promise.all([
    aggregateRows<{ _id: string; votes: number }>(
      votes.ref
        .aggregate()
        .match({ topicId: t._id })
        .unwind('$choices')
        .group({ _id: '$choices', votes: $.sum(1) })
        .limit(t.poll.options.length + 1),
    ),
    votes.count({ topicId: t._id }),
    votes.byId(memberKey(t._id, v.openid)),
  ]);
  const counts = new Map(perOption.map((r) => [r._id, r.votes]));
  return {
    question: t.poll.question,
    mode: t.poll.mode,
    options: t.poll.options.map((o) => ({ id: o.id, text: o.text, votes: counts.get(o.id) ?? 0 })),
    voters,
    myChoices: myVote ? myVote.choices : null,
    canVote: canVote(v, t) && !myVote,
  };
}
