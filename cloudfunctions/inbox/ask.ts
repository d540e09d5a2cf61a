/**
 * inbox.ask: a verified resident (a claimed household) asks their committee. The text is
 * content-checked before anyone sees it; the question is stored before WeCom is called, so the
 * resident's question survives any notification failure.
 */
import { ask, INBOX_CODES } from '@shared/contracts/inbox';
import { QUESTIONS } from '@shared/domain/inbox';
import type { CommitteeDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import { newQuestion } from '@shared/inbox';
import { assertTextAllowed } from '../_kit/content-check';
import { insertOnce, recordId } from '../_kit/idempotent';
import { requireSignedIn } from '../_kit/principal';
import { handle } from '../_kit/runtime';
import { readQuestion } from './access';
import { notifyQuestion } from './notify';
import { questionView } from './view';

export const askHandler = handle(ask, async (input, ctx) => {
  const p = await ctx.principal();
  requireSignedIn(p);
  const user = p.user;
  if (!p.roles.includes('resident') || !user?.householdId || !user.committeeId) {
    throw new AppError(INBOX_CODES.notResident, '请先完成家庭注册，再向居委会留言');
  }
  const id = recordId(ctx, 'inbox-question');
  // a retried ask answers the first attempt's question, without a second check or notice
  const prior = await readQuestion(ctx.db, id);
  if (prior) return { question: questionView(prior, 'asker', ctx.now()) };

  await assertTextAllowed([input.content], { openid: p.openid, scene: 'comment' });
  const committee = ((await ctx.db.collection('committees').doc(user.committeeId).get()).data as CommitteeDoc[])[0];
  if (!committee) throw new AppError('NOT_FOUND', '您所在的居委会不存在，请联系居委会');
  const doc = newQuestion({ id, committee, askerOpenid: p.openid, householdId: user.householdId, content: input.content, askedAt: ctx.now() });
  const { record, created } = await insertOnce(ctx, QUESTIONS, id, doc);
  if (created) record.notify = await notifyQuestion(ctx.db, record, ctx.now(), ctx.log);
  return { question: questionView(record, 'asker', ctx.now()) };
});
