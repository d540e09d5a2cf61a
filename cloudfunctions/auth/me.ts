import { me } from '@shared/contracts/auth';
import { handle } from '../_kit/runtime';
import { regionChain } from '../_kit/regions';

/** Who the caller is: roles and scope as the database says, and the names to show. */
export const meHandler = handle(me, async (_input, ctx) => {
  const p = await ctx.principal();
  const scope = p.staff ?? p.user ?? {};
  const chain = await regionChain(ctx.db, scope);
  const ref = (d: { _id: string; name: string } | null) => (d ? { id: d._id, name: d.name } : null);
  return {
    signedIn: Boolean(p.user?.consent) || Boolean(p.staff),
    displayName: p.staff?.name ?? p.user?.displayName ?? null,
    staffId: p.staff?._id ?? null,
    roles: p.roles,
    committee: ref(chain.committee),
    street: ref(chain.street),
    district: ref(chain.district),
  };
});
