/** Reads of the region hierarchy (districts, streets, committees): the scope and its committees. */
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import type { Database } from '../../_kit/cloud';
import { readAll } from '../../_kit/paging';

async function byId<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  return ((res.data as T[] | undefined)?.[0] as T | undefined) ?? null;
}

export const districtById = (db: Database, id: string) => byId<DistrictDoc>(db, 'districts', id);
export const streetById = (db: Database, id: string) => byId<StreetDoc>(db, 'streets', id);
export const committeeById = (db: Database, id: string) => byId<CommitteeDoc>(db, 'committees', id);

export function allDistricts(db: Database): Promise<DistrictDoc[]> {
  return readAll<DistrictDoc>(db.collection('districts').orderBy('code', 'asc').orderBy('_id', 'asc'));
}

export function streetsOf(db: Database, districtId: string): Promise<StreetDoc[]> {
  return readAll<StreetDoc>(db.collection('streets').where({ districtId }).orderBy('code', 'asc').orderBy('_id', 'asc'));
}

/** The actual committees of a district or a street (seed 000: 本区实际居村委会). */
export function committeesOf(db: Database, scope: { districtId: string } | { streetId: string }): Promise<CommitteeDoc[]> {
  return readAll<CommitteeDoc>(db.collection('committees').where(scope).orderBy('code', 'asc').orderBy('_id', 'asc'));
}
