/** points.getCard and points.listCards. */
import { getCard, listCards } from '@shared/contracts/points';
import { committeeStaff } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { allCommitteeStaff } from '../_kit/staff-directory';
import { readableOwner, type CardOwner } from './access';
import { cardView, loadCard } from './state';

export const getCardHandler = handle(getCard, async ({ staffId, month }, ctx) => {
  const owner = await readableOwner(ctx, staffId);
  return { card: cardView(await loadCard(ctx, owner, month)) };
});

export const listCardsHandler = handle(listCards, async ({ month }, ctx) => {
  const who = await committeeStaff(ctx);
  const people: CardOwner[] = who.isSecretary ? (await allCommitteeStaff(ctx.db, who.committeeId)).map((s) => ({ ...s, committeeId: who.committeeId })) : [who.staff];
  const cards = await Promise.all(people.map(async (p) => cardView(await loadCard(ctx, p, month))));
  const items = cards
    .map((c) => ({ staffId: c.staffId, staffName: c.staffName, status: c.status, total: c.totals.total, effectiveTotal: c.effectiveTotal, corrections: c.corrections.length }))
    .sort((a, b) => a.staffName.localeCompare(b.staffName, 'zh') || a.staffId.localeCompare(b.staffId));
  return { month, items };
});
