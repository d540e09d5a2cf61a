/** Reads of the region hierarchy shared by several functions. */
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import type { Database } from './cloud';

export interface RegionChain {
  committee: CommitteeDoc | null;
  street: StreetDoc | null;
  district: DistrictDoc | null;
}

async function byId<T>(db: Database, collection: string, id: string | null | undefined): Promise<T | null> {
  if (!id) return null;
  const res = await db.collection(collection).doc(id).get();
  return ((res.data as T[] | undefined)?.[0] as T | undefined) ?? null;
}

/** The committee with its street and district; any link may be absent (a liaison has no committee). */
export async function regionChain(db: Database, scope: { committeeId?: string | null; streetId?: string | null; districtId?: string | null }): Promise<RegionChain> {
  const committee = await byId<CommitteeDoc>(db, 'committees', scope.committeeId);
  const street = await byId<StreetDoc>(db, 'streets', committee?.streetId ?? scope.streetId);
  const district = await byId<DistrictDoc>(db, 'districts', street?.districtId ?? committee?.districtId ?? scope.districtId);
  return { committee, street, district };
}
