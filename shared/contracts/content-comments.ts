/**
 * Comments: 留言 on notices and comments on topics under discussion. Text passes the
 * content-security check before it is stored; rejected text is never stored or shown. Staff of
 * the committee may hide (and restore) a comment.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { id, instantOutput, pageInput, pageOf, text } from './common';
import { authorView } from './content-common';

export const commentTarget = z.object({ type: z.enum(['notice', 'topic']), id: id }).strict();
export type CommentTarget = z.infer<typeof commentTarget>;

export const commentView = z.object({
  id: z.string(),
  text: z.string(),
  author: authorView,
  createdAt: instantOutput,
  /** staff see hidden comments (marked); residents never do */
  hidden: z.boolean(),
});

export const addComment = defineAction('content', 'comment.add', z.object({ target: commentTarget, text: text('留言内容', 500, 'multi') }).strict(), commentView);

export const listComments = defineAction('content', 'comment.list', z.object({ target: commentTarget, ...pageInput }).strict(), pageOf(commentView));

export const hideComment = defineAction(
  'content',
  'comment.setHidden',
  z.object({ id: id, hidden: z.boolean() }).strict(),
  z.object({ id: z.string(), hidden: z.boolean() }),
);
