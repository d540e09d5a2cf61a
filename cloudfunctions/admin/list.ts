import { listStaff } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';
import type { CommitteeDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import { requireRole } from '../_kit/principal';
import { handle } from '../_kit/runtime';
import { grantableRoles, listScope } from './policy';
import { staffView } from './staff-view';

/** The directory of the caller's scope, by name; a committee filter must lie inside that scope. */
export const listStaffHandler = handle(listStaff, async (input, ctx) => {
  const p = await ctx.principal();
  requireRole(p, 'staff', 'secretary', 'street_liaison', 'district_liaison', 'city_admin');
  const me = p.staff!;
  const scope = listScope(me);
  let where: Record<string, unknown> = { ...scope };
  if (input.committeeId) {
    const res = await ctx.db.collection('committees').doc(input.committeeId).get();
    const c = (res.data as CommitteeDoc[])[0];
    const inside =
      c !== undefined &&
      ('committeeId' in scope ? scope.committeeId === c._id : 'streetId' in scope ? scope.streetId === c.streetId : 'districtId' in scope ? scope.districtId === c.districtId : true);
    if (!inside) throw new AppError('FORBIDDEN', '只能查看本辖区的人员');
    where = { committeeId: c._id };
  }
  if (!input.includeInactive) where.active = true;
  const coll = ctx.db.collection('staff');
  const [page, count] = await Promise.all([
    coll.where(where).orderBy('name', 'asc').orderBy('_id', 'asc').skip(input.offset).limit(input.limit).get(),
    coll.where(where).count(),
  ]);
  const items = (page.data as StaffDoc[]).map(staffView);
  const next = input.offset + items.length;
  return { items, total: count.total, nextOffset: next < count.total ? next : null, grantableRoles: grantableRoles(me) };
});
