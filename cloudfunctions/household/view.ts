/** 我的家庭 as the member sees it: register members with names masked except their own, no ID or phone. */
import type { MyHousehold } from '@shared/contracts/household';
import type { MembershipDoc, PersonDoc } from '@shared/domain/household';
import { maskName } from '@shared/privacy/mask';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { isoOrNull } from '../_kit/iso';
import { collection } from '../_kit/store';
import { membershipOf } from './membership';

/** The household's members as the register lists them now (moved-out members are kept, not shown). */
export function activePersons(db: Database, householdDocId: string): Promise<PersonDoc[]> {
  return collection(db, 'persons').all((c) => c.where({ householdDocId, status: 'active' }).orderBy('_id', 'asc'));
}

export async function householdView(db: Database, m: MembershipDoc): Promise<MyHousehold | null> {
  const [household, committee, persons] = await Promise.all([
    collection(db, 'households').byId(m.householdDocId),
    collection(db, 'committees').byId(m.committeeId),
    activePersons(db, m.householdDocId),
  ]);
  if (!household || !committee) return null;
  persons.sort((a, b) => Number(b.isHouseholder) - Number(a.isHouseholder) || a.sourceRow - b.sourceRow);
  return {
    committee: { id: committee._id, name: committee.name },
    building: household.building,
    room: household.room,
    onCloud: household.onCloud,
    onCloudAt: isoOrNull(household.onCloudAt),
    verifiedCount: household.verifiedCount,
    via: m.via,
    members: persons.map((p) => {
      const isMe = p._id === m.personId;
      return { name: isMe ? p.name : maskName(p.name), relation: p.relation, isMe, verified: p.claimedBy !== null };
    }),
  };
}

/** 我的家庭 of a resident who has just joined (the answer of claim, redeemCode and joinByInvite). */
export async function joinedHouseholdView(db: Database, openid: string): Promise<MyHousehold> {
  const m = await membershipOf(db, openid);
  const view = m ? await householdView(db, m) : null;
  if (!view) throw new AppError('INTERNAL');
  return view;
}
