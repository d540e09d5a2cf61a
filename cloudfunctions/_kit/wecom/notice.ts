/**
 * The miniprogram_notice card (小程序通知消息) staff receive in WeCom, and its wire body.
 * Limits are WeCom's documented ones; checking them here turns a silent truncation or a vague
 * WeCom errcode into an INVALID_INPUT naming the field.
 */
import { z } from 'zod';
import { describeIssues } from '@shared/contract';
import { AppError } from '@shared/errors';

const userId = z.string().min(1).max(64).regex(/^[^|]+$/, 'a WeCom userid cannot contain "|"');

export const miniprogramNoticeInput = z.object({
  /** WeCom userids; WeCom takes at most 1000 per message */
  toUsers: z.array(userId).min(1).max(1000),
  /** mini-program page opened by the card, e.g. 'packages/staff/inbox/detail?id=…'; none = no jump */
  page: z.string().min(1).max(1024).optional(),
  title: z.string().min(1).max(12),
  description: z.string().min(1).max(12).optional(),
  /** show the first content item enlarged */
  emphasisFirstItem: z.boolean().optional(),
  contentItems: z
    .array(z.object({ key: z.string().max(10), value: z.string().max(30) }))
    .max(10)
    .optional(),
  /**
   * Ask WeCom to drop an identical message sent within this many seconds. Worth setting where a
   * retry after a network error could otherwise deliver the same card twice.
   */
  duplicateCheckSeconds: z.number().int().positive().max(4 * 3600).optional(),
});
export type MiniprogramNoticeInput = z.input<typeof miniprogramNoticeInput>;

/** The JSON body of POST /cgi-bin/message/send for msgtype miniprogram_notice. */
export interface MiniprogramNoticeBody {
  touser: string;
  msgtype: 'miniprogram_notice';
  miniprogram_notice: {
    appid: string;
    page?: string;
    title: string;
    description?: string;
    emphasis_first_item?: boolean;
    content_item?: { key: string; value: string }[];
  };
  enable_duplicate_check?: 0 | 1;
  duplicate_check_interval?: number;
}

export function buildMiniprogramNoticeBody(appId: string, input: MiniprogramNoticeInput): MiniprogramNoticeBody {
  const parsed = miniprogramNoticeInput.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', undefined, describeIssues(parsed.error));
  const n = parsed.data;
  const body: MiniprogramNoticeBody = {
    touser: [...new Set(n.toUsers)].join('|'),
    msgtype: 'miniprogram_notice',
    miniprogram_notice: {
      appid: appId,
      ...(n.page !== undefined && { page: n.page }),
      title: n.title,
      ...(n.description !== undefined && { description: n.description }),
      ...(n.emphasisFirstItem !== undefined && { emphasis_first_item: n.emphasisFirstItem }),
      ...(n.contentItems !== undefined && { content_item: n.contentItems.map(({ key, value }) => ({ key, value })) }),
    },
  };
  if (n.duplicateCheckSeconds !== undefined) {
    body.enable_duplicate_check = 1;
    body.duplicate_check_interval = n.duplicateCheckSeconds;
  }
  return body;
}
