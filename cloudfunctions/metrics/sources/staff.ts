/** Reads of the staff directory: staff bound per committee (initialisation) and liaisons (运营团队). */
import type { StaffDoc } from '@shared/domain/people';
import { COMMITTEE_ROLES } from '../../_kit/access';
import type { Database } from '../../_kit/cloud';
import { collection, readAll } from '../../_kit/store';
import { countsOf, groupByCommittee, type Counts } from './query';

/** Active staff or secretaries who have signed in with WeCom (openid bound), per committee. */
export async function boundStaff(db: Database, committeeIds: string[]): Promise<Counts> {
  const _ = db.command;
  const $ = _.aggregate;
  const rows = await groupByCommittee<{ _id: string; n: number }>(
    db,
    'staff',
    { committeeId: _.in(committeeIds), active: true, openid: _.neq(null), roles: _.in([...COMMITTEE_ROLES]) },
    { _id: '$committeeId', n: $.sum(1) },
    committeeIds.length,
  );
  return countsOf(rows);
}

export interface Liaisons {
  district: number;
  byStreet: Counts;
}

/** Active district and street liaisons of a district. */
export async function liaisonsOf(db: Database, districtId: string): Promise<Liaisons> {
  const _ = db.command;
  const rows = await readAll<Pick<StaffDoc, '_id' | 'roles' | 'streetId'>>(
    collection(db, 'staff')
      .ref.where({ districtId, active: true, roles: _.in(['district_liaison', 'street_liaison']) })
      .field({ roles: true, streetId: true })
      .orderBy('_id', 'asc'),
  );
  const byStreet: Counts = new Map();
  let district = 0;
  for (const s of rows) {
    if (s.roles.includes('district_liaison')) district++;
    if (s.roles.includes('street_liaison') && s.streetId) byStreet.set(s.streetId, (byStreet.get(s.streetId) ?? 0) + 1);
  }
  return { district, byStreet };
}
