/** household.committees: find one's committee by a few characters of its name (for sign-up). */
import { findCommittees } from '@shared/contracts/household';
import { signedIn } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';

const MAX = 20;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const committeesHandler = handle(findCommittees, async (input, ctx) => {
  await signedIn(ctx);
  const committees = await collection(ctx.db, 'committees').some((c) => c.where({ name: ctx.db.RegExp({ regexp: escapeRegExp(input.q) }) }).orderBy('code', 'asc'), MAX);
  const streets = await collection(ctx.db, 'streets').byIds(committees.map((c) => c.streetId));
  const streetName = new Map(streets.map((s) => [s._id, s.name]));
  return { committees: committees.map((c) => ({ id: c._id, name: c.name, street: streetName.get(c.streetId) ?? null })) };
});
