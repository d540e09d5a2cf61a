/**
 * Comments on notices (留言) and on topics under discussion. The text is checked before it is
 * stored, so a rejected comment exists nowhere and nobody else can ever see it. Staff of the
 * committee may hide a comment from residents (and restore it).
 */
import { addComment, hideComment, listComments, type CommentTarget } from '@shared/contracts/content-comments';
import { PRIVATE_TOPIC_STAGES } from '@shared/contracts/content-topics';
import type { CommentDoc, TopicDoc } from '@shared/domain/content';
import { AppError } from '@shared/errors';
import { assertTextAllowed } from '../_kit/content-check';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso } from '../_kit/iso';
import { handle, type ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { manager, viewer, type Viewer } from './access';
import { authorOf } from './authors';
import { requireVisibleNotice } from './notice-state';

/** The commented thing must be the viewer's committee's and visible to them. */
async function resolveTarget(ctx: ActionContext, v: Viewer, target: CommentTarget): Promise<{ stage: TopicDoc['stage'] | null }> {
  if (target.type === 'notice') {
    requireVisibleNotice(v, await collection(ctx.db, 'notices').byIdIn(target.id, v), ctx.now());
    return { stage: null };
  }
  const t = await collection(ctx.db, 'topics').byIdIn(target.id, v);
  if (!v.staff && PRIVATE_TOPIC_STAGES.includes(t.stage) && t.proposer.openid !== v.openid) throw new AppError('NOT_FOUND');
  return { stage: t.stage };
}

function view(v: Viewer, c: CommentDoc) {
  return {
    id: c._id,
    text: c.text,
    author: authorOf(v, { kind: c.authorKind, openid: c.authorOpenid, name: c.authorName }),
    createdAt: iso(c.createdAt),
    hidden: c.status === 'hidden',
  };
}

export const addCommentHandler = handle(addComment, async (input, ctx) => {
  const v = await viewer(ctx);
  const { stage } = await resolveTarget(ctx, v, input.target);
  if (input.target.type === 'topic' && stage !== 'discussing') throw new AppError('TOPIC_STAGE', '只有讨论中的议题可以发表意见');
  await assertTextAllowed([input.text], { openid: v.openid, scene: 'comment' });
  const doc: Omit<CommentDoc, '_id'> = {
    targetType: input.target.type,
    targetId: input.target.id,
    committeeId: v.committeeId,
    authorOpenid: v.openid,
    authorKind: v.staff ? 'staff' : 'resident',
    authorName: v.name,
    text: input.text,
    status: 'visible',
    createdAt: ctx.now(),
    moderatedBy: null,
    moderatedAt: null,
  };
  const { record } = await insertOnce(ctx, 'content_comments', recordId(ctx, 'comment'), doc);
  return view(v, record);
});

export const listCommentsHandler = handle(listComments, async (input, ctx) => {
  const v = await viewer(ctx);
  await resolveTarget(ctx, v, input.target);
  const where: Record<string, unknown> = { targetType: input.target.type, targetId: input.target.id };
  if (!v.staff) where.status = 'visible';
  const { items, nextOffset } = await collection(ctx.db, 'content_comments').page((ref) => ref.where(where).orderBy('createdAt', 'asc').orderBy('_id', 'asc'), input);
  return { items: items.map((c) => view(v, c)), nextOffset };
});

export const hideCommentHandler = handle(hideComment, async (input, ctx) => {
  const v = await manager(ctx);
  const comments = collection(ctx.db, 'content_comments');
  const c = await comments.byIdIn(input.id, v);
  await comments.ref.doc(c._id).update({ status: input.hidden ? 'hidden' : 'visible', moderatedBy: v.staff.actorId, moderatedAt: ctx.now() });
  return { id: c._id, hidden: input.hidden };
});

export const commentHandlers = [addCommentHandler, listCommentsHandler, hideCommentHandler];
