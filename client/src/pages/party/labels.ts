import type { PartyKind } from '@shared/contracts/content-party';

export const KIND_LABELS: Record<PartyKind, string> = {
  article: '党建文章',
  activity: '党建活动',
  volunteer: '志愿招募',
};
