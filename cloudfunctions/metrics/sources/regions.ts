/** Reads of the region hierarchy (districts, streets, committees): the scope and its committees. */
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import type { Database } from '../../_kit/cloud';
import { collection } from '../../_kit/store';

export const districtById = (db: Database, id: string) => collection(db, 'districts').byId(id);
export const streetById = (db: Database, id: string) => collection(db, 'streets').byId(id);
export const committeeById = (db: Database, id: string) => collection(db, 'committees').byId(id);

export function allDistricts(db: Database): Promise<DistrictDoc[]> {
  return collection(db, 'districts').all((ref) => ref.orderBy('code', 'asc').orderBy('_id', 'asc'));
}

export function streetsOf(db: Database, districtId: string): Promise<StreetDoc[]> {
  return collection(db, 'streets').all((ref) => ref.where({ districtId }).orderBy('code', 'asc').orderBy('_id', 'asc'));
}

/** The actual committees of a district or a street (seed 000: 本区实际居村委会). */
export function committeesOf(db: Database, scope: { districtId: string } | { streetId: string }): Promise<CommitteeDoc[]> {
  return collection(db, 'committees').all((ref) => ref.where(scope).orderBy('code', 'asc').orderBy('_id', 'asc'));
}
