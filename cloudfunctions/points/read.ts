/** points.getCard and points.listCards. */
import { getCard, listCards } from '@shared/contracts/points';
import { handle } from '../_kit/runtime';
import { allCommitteeStaff } from '../_kit/committee-access';
import { committeeMember, readableOwner } from './access';
import { cardView, loadCard } from './state';

export const getCardHandler = handle(getCard, async ({ staffId, month }, ctx) => {
  const m = await committeeMember(ctx);
  const owner = await readableOwner(m, ctx, staffId);
  return { card: cardView(await loadCard(ctx, owner, month)) };
});

export const listCardsHandler = handle(listCards, async ({ month }, ctx) => {
  const m = await committeeMember(ctx);
  const people = m.isSecretary ? (await allCommitteeStaff(ctx.db, m.committeeId)).map((s) => ({ ...s, committeeId: m.committeeId })) : [m.staff];
  const cards = await Promise.all(people.map(async (p) => cardView(await loadCard(ctx, p, month))));
  const items = cards
    .map((c) => ({ staffId: c.staffId, staffName: c.staffName, status: c.status, total: c.totals.total, effectiveTotal: c.effectiveTotal, corrections: c.corrections.length }))
    .sort((a, b) => a.staffName.localeCompare(b.staffName, 'zh') || a.staffId.localeCompare(b.staffId));
  return { month, items };
});
