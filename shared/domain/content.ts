/**
 * Stored shapes of the content collections (党建园地, 议事厅, 社区公告). Instants are BSON dates;
 * Shanghai calendar dates (an outcome's due date) are stored as the instant the day starts.
 */
import type { PartyKind } from '../contracts/content-party';
import type { TopicStage } from '../contracts/content-topics';

export type AuthorKind = 'staff' | 'resident';

export interface PartyPostDoc {
  _id: string;
  committeeId: string;
  kind: PartyKind;
  title: string;
  body: string;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  signupDeadline: Date | null;
  /** null for articles */
  capacity: number | null;
  signupCount: number;
  likeCount: number;
  authorStaffId: string;
  authorName: string;
  publishedAt: Date;
  /** taken down by staff: residents no longer see it and it counts for nothing; absent = never */
  withdrawnAt?: Date | null;
  withdrawnReason?: string | null;
  withdrawnByStaffId?: string | null;
  /** last corrected by staff (party.edit); absent = never */
  editedAt?: Date | null;
  editedByStaffId?: string | null;
  /** when the start, end or place last changed (residents who signed up are told); absent = never */
  scheduleChangedAt?: Date | null;
}

/** A like or a sign-up: one per user per post, `_id` derived from both. */
export interface PartyMemberDoc {
  _id: string;
  postId: string;
  committeeId: string;
  openid: string;
  /** the name at the time (sign-ups only; shown masked) */
  name: string | null;
  at: Date;
}

export interface PollDoc {
  question: string;
  mode: 'single' | 'multiple';
  options: { id: string; text: string }[];
}

export interface TopicDoc {
  _id: string;
  committeeId: string;
  title: string;
  description: string;
  stage: TopicStage;
  proposer: { kind: AuthorKind; openid: string; staffId: string | null; name: string };
  poll: PollDoc | null;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  concludedAt: Date | null;
  /** set when staff declined the proposal (stage 'declined'); absent on other topics */
  declinedAt?: Date | null;
  declineReason?: string | null;
  declinedByStaffId?: string | null;
}

export interface TopicVoteDoc {
  _id: string;
  topicId: string;
  committeeId: string;
  openid: string;
  choices: string[];
  at: Date;
}

export interface FollowUpDoc {
  /** derived from the request, so a retried follow-up is appended once */
  id: string;
  text: string;
  status: 'in_progress' | 'done' | 'delayed';
  /** start of the Shanghai local date the follow-up refers to */
  date: Date;
  at: Date;
  byStaffId: string;
}

/** 成果: `_id` is the topic id, so a topic has at most one outcome. */
export interface OutcomeDoc {
  _id: string;
  topicId: string;
  committeeId: string;
  decision: string;
  actor: string;
  /** start of the Shanghai local due date */
  dueDate: Date;
  decidedAt: Date;
  decidedByStaffId: string;
  /** derived from the concluding request, so its retry is recognised */
  requestKey: string;
  followUps: FollowUpDoc[];
}

export interface NoticeDoc {
  _id: string;
  committeeId: string;
  title: string;
  body: string;
  pinned: boolean;
  publishAt: Date;
  expiresAt: Date | null;
  readCount: number;
  shareCount: number;
  shareReadCount: number;
  /** distinct group chats (opengid) residents opened it from; absent on notices from before */
  groupCount?: number;
  /** the last correction of title or text by staff; absent or null if never */
  editedAt?: Date | null;
  editedByStaffId?: string | null;
  authorStaffId: string;
  authorName: string;
  createdAt: Date;
}

export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  committeeId: string;
  openid: string;
  at: Date;
  viaShareId: string | null;
  /** opengid of the group chat the first read was opened from, decrypted by CloudBase */
  groupId: string | null;
}

export interface NoticeShareDoc {
  _id: string;
  noticeId: string;
  committeeId: string;
  sharerOpenid: string;
  at: Date;
  readCount: number;
}

export interface NoticeShareReadDoc {
  _id: string;
  shareId: string;
  noticeId: string;
  committeeId: string;
  openid: string;
  at: Date;
  /** opengid of the group chat the read came from, when it came from one */
  groupId: string | null;
}

/** A group chat a notice was opened from: one per notice and group, counted on the notice. */
export interface NoticeGroupDoc {
  _id: string;
  noticeId: string;
  committeeId: string;
  /** the group's opengid for this mini-program */
  groupId: string;
  /** the share whose card brought the notice there, when the first read came through one */
  viaShareId: string | null;
  firstAt: Date;
}

export interface CommentDoc {
  _id: string;
  targetType: 'notice' | 'topic';
  targetId: string;
  committeeId: string;
  authorOpenid: string;
  authorKind: AuthorKind;
  /** staff: their name; residents: their display name, masked when shown to others */
  authorName: string;
  text: string;
  status: 'visible' | 'hidden';
  createdAt: Date;
  moderatedBy: string | null;
  moderatedAt: Date | null;
}
