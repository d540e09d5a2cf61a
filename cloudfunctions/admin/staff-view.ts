import type { StaffView } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';

/** What the directory shows of a staff record: never the OPENID, only whether one is bound. */
export function staffView(s: StaffDoc): StaffView {
  return {
    id: s._id,
    userId: s.userId,
    name: s.name,
    roles: s.roles,
    committeeId: s.committeeId,
    streetId: s.streetId,
    districtId: s.districtId,
    active: s.active,
    bound: Boolean(s.openid),
  };
}
