import { me } from '@shared/contracts/auth';
import { uploadDir } from '@shared/files';
import { committeeStaffOrNull } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { regionChain, regionRefs } from '../_kit/regions';

/** Who the caller is: roles and scope as the database says, and the names to show. */
export const meHandler = handle(me, async (_input, ctx) => {
  const p = await ctx.principal();
  const scope = p.staff ?? p.user ?? {};
  const staff = await committeeStaffOrNull(ctx);
  return {
    signedIn: Boolean(p.user?.consent) || Boolean(p.staff),
    displayName: p.staff?.name ?? p.user?.displayName ?? null,
    staffId: p.staff?._id ?? null,
    roles: p.roles,
    uploadDir: p.openid ? uploadDir({ openid: p.openid, committeeId: staff?.committeeId ?? null }) : null,
    ...regionRefs(await regionChain(ctx.db, scope)),
  };
});
