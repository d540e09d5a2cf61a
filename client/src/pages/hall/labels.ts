import { TOPIC_STAGES, type TopicStage } from '@shared/contracts/content-topics';

export const STAGE_LABELS: Record<TopicStage, string> = {
  proposed: '待讨论',
  discussing: '讨论中',
  concluded: '已形成结果',
  followed_up: '落实跟进',
  declined: '未采纳',
};

/** What the stage means for the reader, in one plain sentence. */
export const STAGE_EXPLAINED: Record<TopicStage, string> = {
  proposed: '议题已提出，居委会将安排开始讨论。',
  discussing: '正在讨论：欢迎发表意见、参加投票。',
  concluded: '讨论已结束，已形成议事结果，请看下方“议事结果”。',
  followed_up: '议事结果正在落实，下方有最新的跟进情况。',
  declined: '居委会没有把这个议题列入讨论，原因见下方。只有您和居委会能看到它。',
};

export const FOLLOW_UP_LABELS = { in_progress: '进行中', done: '已完成', delayed: '已延期' } as const;

export { TOPIC_STAGES };
