import { listStaff } from '@shared/contracts/admin-staff';
import { AppError } from '@shared/errors';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { directoryReader, grantableRoles, listScope, type ListScope } from './policy';
import { staffView } from './staff-view';

/** Whether a committee lies inside the part of the directory `scope` reads. */
function insideScope(scope: ListScope, c: { _id: string; streetId: string; districtId: string }): boolean {
  if ('committeeId' in scope) return scope.committeeId === c._id;
  if ('streetId' in scope) return scope.streetId === c.streetId;
  if ('districtId' in scope) return scope.districtId === c.districtId;
  return true;
}

/** The directory of the caller's scope, by name; a committee filter must lie inside that scope. */
export const listStaffHandler = handle(listStaff, async (input, ctx) => {
  const me = await directoryReader(ctx);
  const scope = listScope(me);
  let where: Record<string, unknown> = { ...scope };
  if (input.committeeId) {
    const c = await collection(ctx.db, 'committees').byId(input.committeeId);
    if (!c || !insideScope(scope, c)) throw new AppError('FORBIDDEN', '只能查看本辖区的人员');
    where = { committeeId: c._id };
  }
  if (!input.includeInactive) where.active = true;
  const directory = collection(ctx.db, 'staff');
  const [page, total] = await Promise.all([
    directory.page((c) => c.where(where).orderBy('name', 'asc').orderBy('_id', 'asc'), input),
    directory.count(where),
  ]);
  return { items: page.items.map(staffView), total, nextOffset: page.nextOffset, grantableRoles: grantableRoles(me) };
});
