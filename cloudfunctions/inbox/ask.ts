/**
 * inbox.ask: a verified resident (a claimed household) asks their committee. The text is
 * content-checked before anyone sees it; the question is stored before WeCom is called, so the
 * resident's question survives any notification failure.
 */
import { ask } from '@shared/contracts/inbox';
import { AppError } from '@shared/errors';
import { newQuestion } from '@shared/inbox';
import { assertTextAllowed } from '../_kit/content-check';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { askingResident } from './access';
import { notifyQuestion } from './notify';
import { questionView } from './view';

export const askHandler = handle(ask, async (input, ctx) => {
  const asker = await askingResident(ctx);
  const id = recordId(ctx, 'inbox-question');
  // a retried ask answers the first attempt's question, without a second check or notice
  const prior = await collection(ctx.db, 'inbox_questions').byId(id);
  if (prior) return { question: questionView(prior, 'asker', ctx.now()) };

  await assertTextAllowed([input.content], { openid: asker.openid, scene: 'comment' });
  const committee = await collection(ctx.db, 'committees').byId(asker.committeeId);
  if (!committee) throw new AppError('NOT_FOUND', '您所在的居委会不存在，请联系居委会');
  const doc = newQuestion({ id, committee, askerOpenid: asker.openid, householdId: asker.householdId, content: input.content, askedAt: ctx.now() });
  const { record, created } = await insertOnce(ctx, 'inbox_questions', id, doc);
  if (created) record.notify = await notifyQuestion(ctx.db, record, ctx.now(), ctx.log);
  return { question: questionView(record, 'asker', ctx.now()) };
});
