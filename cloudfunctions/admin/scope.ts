/**
 * Turns the region a form or an import row names into a staff record's scope. The roles decide
 * which level the region must be; street and district are always derived from the database, so a
 * record can never claim a committee in one street and a street elsewhere.
 */
import { ADMIN_CODES, roleLevel, type StaffRole } from '@shared/contracts/admin-staff';
import type { StaffDoc } from '@shared/domain/people';
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';

export type StaffScope = Pick<StaffDoc, 'committeeId' | 'streetId' | 'districtId'>;

const LEVEL_LABEL = { committee: '居村委', street: '街镇', district: '区', city: '市' } as const;

export function requireOneLevel(roles: readonly StaffRole[]) {
  const level = roleLevel(roles);
  if (!level) throw new AppError(ADMIN_CODES.mixedLevels, '一个账号的角色须属于同一层级（居村委、街镇、区或市）');
  return level;
}

async function byId<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  return ((res.data as T[] | undefined)?.[0] as T | undefined) ?? null;
}

/** The scope for `roles` in the region `regionId` (null only for city-level roles). */
export async function resolveScope(db: Database, roles: readonly StaffRole[], regionId: string | null): Promise<StaffScope> {
  const level = requireOneLevel(roles);
  const bad = () => new AppError(ADMIN_CODES.badRegion, `请为该角色选择正确的${LEVEL_LABEL[level]}`);
  if (level === 'city') {
    if (regionId !== null) throw bad();
    return { committeeId: null, streetId: null, districtId: null };
  }
  if (regionId === null) throw bad();
  if (level === 'committee') {
    const c = await byId<CommitteeDoc>(db, 'committees', regionId);
    if (!c) throw bad();
    return { committeeId: c._id, streetId: c.streetId, districtId: c.districtId };
  }
  if (level === 'street') {
    const s = await byId<StreetDoc>(db, 'streets', regionId);
    if (!s) throw bad();
    return { committeeId: null, streetId: s._id, districtId: s.districtId };
  }
  const d = await byId<DistrictDoc>(db, 'districts', regionId);
  if (!d) throw bad();
  return { committeeId: null, streetId: null, districtId: d._id };
}
