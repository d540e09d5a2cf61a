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
import { collection } from '../_kit/store';

export type StaffScope = Pick<StaffDoc, 'committeeId' | 'streetId' | 'districtId'>;

/** The scope of a city-level record, and the start of every other. */
export const NO_SCOPE: StaffScope = { committeeId: null, streetId: null, districtId: null };

/** A record's scope in a committee, a street or a district: the parents come from the region's own record. */
export const scopeIn = {
  committee: (c: CommitteeDoc): StaffScope => ({ committeeId: c._id, streetId: c.streetId, districtId: c.districtId }),
  street: (s: StreetDoc): StaffScope => ({ ...NO_SCOPE, streetId: s._id, districtId: s.districtId }),
  district: (d: DistrictDoc): StaffScope => ({ ...NO_SCOPE, districtId: d._id }),
};

const LEVEL_LABEL = { committee: '居村委', street: '街镇', district: '区', city: '市' } as const;

function requireOneLevel(roles: readonly StaffRole[]) {
  const level = roleLevel(roles);
  if (!level) throw new AppError(ADMIN_CODES.mixedLevels, '一个账号的角色须属于同一层级（居村委、街镇、区或市）');
  return level;
}

/** The scope a record with `roles` gets in the region `regionId` (null only for city-level roles). */
export async function scopeForRoles(db: Database, roles: readonly StaffRole[], regionId: string | null): Promise<StaffScope> {
  const level = requireOneLevel(roles);
  const bad = () => new AppError(ADMIN_CODES.badRegion, `请为该角色选择正确的${LEVEL_LABEL[level]}`);
  if (level === 'city') {
    if (regionId !== null) throw bad();
    return { ...NO_SCOPE };
  }
  if (regionId === null) throw bad();
  if (level === 'committee') {
    const c = await collection(db, 'committees').byId(regionId);
    if (!c) throw bad();
    return scopeIn.committee(c);
  }
  if (level === 'street') {
    const s = await collection(db, 'streets').byId(regionId);
    if (!s) throw bad();
    return scopeIn.street(s);
  }
  const d = await collection(db, 'districts').byId(regionId);
  if (!d) throw bad();
  return scopeIn.district(d);
}
