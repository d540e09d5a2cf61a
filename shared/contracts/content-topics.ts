/**
 * 议事厅 (deliberation hall): a topic runs proposed → discussing → concluded (with an outcome,
 * 成果) → followed_up, or ends at proposed → declined (不予讨论, with the committee's reason for the
 * proposer). Only staff of the committee move stages; a verified resident may propose and vote
 * once in the optional poll, whose options are fixed when discussion opens.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { id, instantOutput, localDate, pageInput, pageOf, text } from './common';
import { authorView } from './content-common';

/** the path a topic takes when the committee takes it up */
export const TOPIC_STAGES = ['proposed', 'discussing', 'concluded', 'followed_up'] as const;
/** where a proposal ends when the committee does not take it up */
export const DECLINED = 'declined' as const;
export const topicStage = z.enum([...TOPIC_STAGES, DECLINED]);
export type TopicStage = z.infer<typeof topicStage>;
/** stages only staff and the proposer see */
export const PRIVATE_TOPIC_STAGES: readonly TopicStage[] = ['proposed', DECLINED];

export const pollInput = z
  .object({
    question: text('投票问题', 120),
    mode: z.enum(['single', 'multiple']),
    options: z
      .array(text('选项', 60))
      .min(2, '至少需要2个选项')
      .max(10, '最多10个选项')
      .refine((o) => new Set(o).size === o.length, '选项不能重复'),
  })
  .strict();

export const proposeTopic = defineAction(
  'content',
  'topic.propose',
  z.object({ title: text('议题', 80), description: text('议题说明', 5_000, 'multi'), poll: pollInput.optional() }).strict(),
  z.object({ id: z.string(), stage: topicStage }),
);

/** Sets, replaces or (null) removes the poll while the topic is still proposed. */
export const setTopicPoll = defineAction(
  'content',
  'topic.setPoll',
  z.object({ id: id, poll: pollInput.nullable() }).strict(),
  z.object({ id: z.string() }),
);

export const openTopic = defineAction('content', 'topic.open', z.object({ id: id }).strict(), z.object({ id: z.string(), stage: topicStage }));

/**
 * Staff decline a proposal (duplicate, not the committee's matter, already handled) with a reason
 * the proposer reads. It stays visible to the proposer and staff only, and counts for nothing in
 * the acceptance metrics. A retry answers the first decline.
 */
export const declineTopic = defineAction(
  'content',
  'topic.decline',
  z.object({ id: id, reason: text('不予讨论的原因', 500, 'multi') }).strict(),
  z.object({ id: z.string(), stage: topicStage }),
);

export const outcomeInput = z
  .object({
    decision: text('议定事项', 5_000, 'multi'),
    /** who acts: a person, team or department */
    actor: text('责任人', 100),
    /** by when, a Shanghai local date */
    dueDate: localDate,
  })
  .strict();

export const concludeTopic = defineAction(
  'content',
  'topic.conclude',
  z.object({ id: id, outcome: outcomeInput }).strict(),
  z.object({ id: z.string(), stage: topicStage }),
);

export const FOLLOW_UP_STATUSES = ['in_progress', 'done', 'delayed'] as const;

export const followUpTopic = defineAction(
  'content',
  'topic.followUp',
  z.object({ id: id, text: text('跟进情况', 2_000, 'multi'), status: z.enum(FOLLOW_UP_STATUSES), date: localDate }).strict(),
  z.object({ id: z.string(), stage: topicStage, followUps: z.number().int() }),
);

export const topicSummary = z.object({
  id: z.string(),
  title: z.string(),
  stage: topicStage,
  proposer: authorView,
  hasPoll: z.boolean(),
  createdAt: instantOutput,
  updatedAt: instantOutput,
});

export const listTopics = defineAction('content', 'topic.list', z.object({ stage: topicStage.optional(), ...pageInput }).strict(), pageOf(topicSummary));

export const outcomeView = z.object({
  decision: z.string(),
  actor: z.string(),
  dueDate: localDate,
  decidedAt: instantOutput,
  followUps: z.array(z.object({ text: z.string(), status: z.enum(FOLLOW_UP_STATUSES), date: localDate, recordedAt: instantOutput })),
});

export const pollView = z.object({
  question: z.string(),
  mode: z.enum(['single', 'multiple']),
  options: z.array(z.object({ id: z.string(), text: z.string(), votes: z.number().int() })),
  voters: z.number().int(),
  /** option ids the caller chose; null when the caller has not voted */
  myChoices: z.array(z.string()).nullable(),
  /** whether the caller may vote now */
  canVote: z.boolean(),
});

export const getTopic = defineAction(
  'content',
  'topic.get',
  z.object({ id: id }).strict(),
  topicSummary.extend({
    description: z.string(),
    poll: pollView.nullable(),
    outcome: outcomeView.nullable(),
    /** the committee's reason when the proposal was declined */
    declineReason: z.string().nullable(),
  }),
);

export const voteTopic = defineAction(
  'content',
  'topic.vote',
  z.object({ id: id, choices: z.array(z.string().min(1).max(16)).min(1, '请至少选择一项').max(10) }).strict(),
  z.object({ choices: z.array(z.string()) }),
);
