/** household.committees: find one's committee by a few characters of its name (for sign-up). */
import { findCommittees } from '@shared/contracts/household';
import type { CommitteeDoc, StreetDoc } from '@shared/domain/regions';
import { requireSignedIn } from '../_kit/principal';
import { handle } from '../_kit/runtime';

const MAX = 20;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const committeesHandler = handle(findCommittees, async (input, ctx) => {
  requireSignedIn(await ctx.principal());
  const _ = ctx.db.command;
  const res = await ctx.db.collection('committees').where({ name: ctx.db.RegExp({ regexp: escapeRegExp(input.q) }) }).orderBy('code', 'asc').limit(MAX).get();
  const committees = res.data as CommitteeDoc[];
  const streetIds = [...new Set(committees.map((c) => c.streetId))];
  const streets = streetIds.length ? ((await ctx.db.collection('streets').where({ _id: _.in(streetIds) }).limit(MAX).get()).data as StreetDoc[]) : [];
  const streetName = new Map(streets.map((s) => [s._id, s.name]));
  return { committees: committees.map((c) => ({ id: c._id, name: c.name, street: streetName.get(c.streetId) ?? null })) };
});
