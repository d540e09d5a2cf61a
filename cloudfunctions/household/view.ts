/** 我的家庭 as the member sees it: register members with names masked except their own, no ID or phone. */
import type { MyHousehold } from '@shared/contracts/household';
import type { HouseholdDoc, MembershipDoc, PersonDoc } from '@shared/domain/household';
import { maskName } from '@shared/privacy/mask';
import type { Database } from '../_kit/cloud';
import { committeeById } from './access';
import { readAll, readOne } from './query';

export async function householdView(db: Database, m: MembershipDoc): Promise<MyHousehold | null> {
  const [household, committee, persons] = await Promise.all([
    readOne<HouseholdDoc>(db, 'households', m.householdDocId),
    committeeById(db, m.committeeId),
    readAll<PersonDoc>(db, 'persons', { householdDocId: m.householdDocId, status: 'active' }),
  ]);
  if (!household || !committee) return null;
  persons.sort((a, b) => Number(b.isHouseholder) - Number(a.isHouseholder) || a.sourceRow - b.sourceRow);
  return {
    committee: { id: committee._id, name: committee.name },
    building: household.building,
    room: household.room,
    onCloud: household.onCloud,
    onCloudAt: household.onCloudAt ? new Date(household.onCloudAt).toISOString() : null,
    verifiedCount: household.verifiedCount,
    via: m.via,
    members: persons.map((p) => {
      const isMe = p._id === m.personId;
      return { name: isMe ? p.name : maskName(p.name), relation: p.relation, isMe, verified: p.claimedBy !== null };
    }),
  };
}
