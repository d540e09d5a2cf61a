/** Reads of the region hierarchy shared by several functions. */
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '@shared/domain/regions';
import type { Database } from './cloud';
import { collection, type CollectionName, type DocOf } from './store';

const byId = <N extends CollectionName>(db: Database, name: N, id: string | null | undefined): Promise<DocOf<N> | null> =>
  id ? collection(db, name).byId(id) : Promise.resolve(null);

export interface RegionChain {
  committee: CommitteeDoc | null;
  street: StreetDoc | null;
  district: DistrictDoc | null;
}

/** The committee with its street and district; any link may be absent (a liaison has no committee). */
export async function regionChain(db: Database, scope: { committeeId?: string | null; streetId?: string | null; districtId?: string | null }): Promise<RegionChain> {
  const committee = await byId(db, 'committees', scope.committeeId);
  const street = await byId(db, 'streets', committee?.streetId ?? scope.streetId);
  const district = await byId(db, 'districts', street?.districtId ?? committee?.districtId ?? scope.districtId);
  return { committee, street, district };
}

export interface RegionRef {
  id: string;
  name: string;
}

const refOf = (d: { _id: string; name: string } | null): RegionRef | null => (d ? { id: d._id, name: d.name } : null);

/** The chain as the client shows it (auth.me, auth.staffLogin): ids and names only. */
export function regionRefs(chain: RegionChain): { committee: RegionRef | null; street: RegionRef | null; district: RegionRef | null } {
  return { committee: refOf(chain.committee), street: refOf(chain.street), district: refOf(chain.district) };
}
