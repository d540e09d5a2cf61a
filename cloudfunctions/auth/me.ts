import { me } from '@shared/contracts/auth';
import { handle } from '../_kit/runtime';
import { regionChain, regionRefs } from '../_kit/regions';

/** Who the caller is: roles and scope as the database says, and the names to show. */
export const meHandler = handle(me, async (_input, ctx) => {
  const p = await ctx.principal();
  const scope = p.staff ?? p.user ?? {};
  return {
    signedIn: Boolean(p.user?.consent) || Boolean(p.staff),
    displayName: p.staff?.name ?? p.user?.displayName ?? null,
    staffId: p.staff?._id ?? null,
    roles: p.roles,
    ...regionRefs(await regionChain(ctx.db, scope)),
  };
});
