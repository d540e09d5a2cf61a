/**
 * 社区公告 (notices): staff publish with a scheduled publish time, pin and expiry; residents see
 * published, unexpired notices (pinned first, then newest). A resident's first read is counted
 * once; a share into a group chat and the reads that arrive through it are recorded.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { newNoticeScheduleIssues } from '../content/notice-schedule';
import { id, instantInput, instantOutput, pageInput, pageOf, text } from './common';

export const publishNotice = defineAction(
  'content',
  'notice.publish',
  z
    .object({
      title: text('标题', 80),
      body: text('正文', 20_000, 'multi'),
      /** when residents start to see it; now when absent */
      publishAt: instantInput.optional(),
      /** when residents stop seeing it; never when absent */
      expiresAt: instantInput.optional(),
      pinned: z.boolean().default(false),
    })
    .strict()
    // the rules between the two times; those against the clock are the handler's and the form's
    .superRefine((n, ctx) => {
      for (const i of newNoticeScheduleIssues(n)) ctx.addIssue({ code: 'custom', message: i.message, path: [i.path] });
    }),
  z.object({ id: z.string() }),
);

/**
 * Staff pin or unpin, change the expiry (null = never expires), or take a published notice down
 * now (`takeDown`: the expiry becomes the server's now, so no phone clock decides it).
 */
export const updateNotice = defineAction(
  'content',
  'notice.update',
  z
    .object({ id: id, pinned: z.boolean().optional(), expiresAt: instantInput.nullable().optional(), takeDown: z.literal(true).optional() })
    .strict()
    .refine((u) => !(u.takeDown && u.expiresAt !== undefined), { message: '立即下线时不能同时设置过期时间', path: ['expiresAt'] }),
  z.object({ id: z.string() }),
);

/**
 * Staff correct a notice's title and text (a wrong time, a typo). Residents see that it was
 * changed and when; reads, shares and comments stay with the notice.
 */
export const editNotice = defineAction(
  'content',
  'notice.edit',
  z.object({ id: id, title: text('标题', 80), body: text('正文', 20_000, 'multi') }).strict(),
  z.object({ id: z.string(), editedAt: instantOutput }),
);

export const NOTICE_STATES = ['scheduled', 'published', 'expired'] as const;

export const noticeSummary = z.object({
  id: z.string(),
  title: z.string(),
  pinned: z.boolean(),
  publishAt: instantOutput,
  expiresAt: instantOutput.nullable(),
  /** residents only ever see 'published' */
  state: z.enum(NOTICE_STATES),
  readCount: z.number().int(),
  /** a resident has opened it (their first read is recorded); always false for staff */
  readByMe: z.boolean(),
  /** when staff last corrected the title or text; null if never */
  editedAt: instantOutput.nullable(),
});

export const listNotices = defineAction('content', 'notice.list', z.object({ ...pageInput }).strict(), pageOf(noticeSummary));

/**
 * Opens a notice. A resident's first read is recorded; `viaShareId` (from the shared page's
 * query) also records that the read arrived through that share. Opened from a group chat, the
 * client sends wx.getGroupEnterInfo's cloudID as `groupEnter` open data and the group's opengid
 * (decrypted by CloudBase, never taken from the client) is recorded with the read and counted
 * once per notice.
 */
export const getNotice = defineAction(
  'content',
  'notice.get',
  z.object({ id: id, viaShareId: id.optional() }).strict(),
  noticeSummary.extend({
    body: z.string(),
    authorName: z.string(),
    shareCount: z.number().int(),
    shareReadCount: z.number().int(),
    /** distinct group chats residents have opened the notice from */
    groupCount: z.number().int(),
    /** true when this call recorded the caller's first read */
    firstRead: z.boolean(),
    /** true when this call recorded a read through the share */
    viaShareRecorded: z.boolean(),
    /** true when this call counted a group chat the notice had not been opened from before */
    newGroupRecorded: z.boolean(),
  }),
  { openData: ['groupEnter'] },
);

/**
 * Records a share (onShareAppMessage, with the share menu's withShareTicket so the card opens
 * in the group's context). WeChat no longer tells the sharer where the card went; the group is
 * learned from the reads that arrive through it (see notice.get). The returned id goes into the
 * shared page's query.
 */
export const shareNotice = defineAction(
  'content',
  'notice.share',
  z.object({ id: id }).strict(),
  z.object({ shareId: z.string(), shareCount: z.number().int() }),
);
