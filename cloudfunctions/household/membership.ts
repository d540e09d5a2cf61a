/**
 * Becoming and ceasing to be a verified member, in one transaction each: the membership (`_id` =
 * OPENID, so one household per user), the register person it proves (claimedBy), the consumed
 * code or invitation, the household's verified count and 上云 state, and the user record. Two
 * residents claiming the same person at once: the second transaction conflicts on the person,
 * is retried, and then finds it taken.
 */
import type { MembershipDoc, MembershipVia } from '@shared/domain/household';
import type { UserDoc } from '@shared/domain/people';
import { HOUSEHOLD_CODES } from '@shared/contracts/household';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';
import { inTransaction, txGet } from '../_kit/transaction';

export type JoinOutcome = 'joined' | 'already_member' | 'person_taken' | 'ticket_used' | 'household_gone';

export interface JoinArgs {
  user: UserDoc;
  householdDocId: string;
  via: MembershipVia;
  personId: string | null;
  /** the code or invitation consumed by this join */
  ticket: { collection: 'household_codes' | 'household_invites'; id: string } | null;
  now: Date;
}

export async function joinHousehold(db: Database, a: JoinArgs): Promise<JoinOutcome> {
  const _ = db.command;
  return inTransaction(db, async (tx): Promise<JoinOutcome> => {
    // Every check reads before anything is written: answering an outcome commits the transaction.
    if (await txGet(tx, 'household_members', a.user.openid)) return 'already_member';
    const household = await txGet(tx, 'households', a.householdDocId);
    if (!household || !household.inRegister) return 'household_gone';
    const person = a.personId ? await txGet(tx, 'persons', a.personId) : null;
    if (a.personId && (!person || person.status !== 'active' || (person.claimedBy && person.claimedBy !== a.user.openid))) return 'person_taken';
    const ticket = a.ticket ? await txGet(tx, a.ticket.collection, a.ticket.id) : null;
    if (a.ticket && (!ticket || ticket.usedBy || new Date(ticket.expiresAt) <= a.now)) return 'ticket_used';

    if (a.personId) await tx.collection('persons').doc(a.personId).update({ claimedBy: a.user.openid, claimedAt: a.now });
    if (a.ticket) await tx.collection(a.ticket.collection).doc(a.ticket.id).update({ usedBy: a.user.openid, usedAt: a.now });
    const membership: Omit<MembershipDoc, '_id'> = { householdDocId: household._id, committeeId: household.committeeId, personId: a.personId, via: a.via, joinedAt: a.now };
    await tx.collection('household_members').doc(a.user.openid).set(membership);
    await tx.collection('households').doc(household._id).update({ verifiedCount: _.inc(1), onCloud: true, onCloudAt: household.onCloudAt ?? a.now });
    await tx.collection('users').doc(a.user._id).update({ householdId: household._id, committeeId: household.committeeId });
    return 'joined';
  });
}

/** Turns a join outcome other than 'joined' into the answer the resident sees. */
export function joinError(outcome: Exclude<JoinOutcome, 'joined'>, failed: () => AppError): AppError {
  if (outcome === 'already_member') return new AppError(HOUSEHOLD_CODES.alreadyMember, '您已经登记在一户家庭中。如需更换，请先在「我的家庭」中退出');
  return failed();
}

export async function membershipOf(db: Database, openid: string): Promise<MembershipDoc | null> {
  return collection(db, 'household_members').byId(openid);
}

/** Leaves the household; it stays 上云 while another verified member remains (onCloudAt is kept). */
export async function leaveHousehold(db: Database, user: UserDoc): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const m = await txGet(tx, 'household_members', user.openid);
    if (!m) return false;
    const household = await txGet(tx, 'households', m.householdDocId);
    await tx.collection('household_members').doc(user.openid).remove();
    if (m.personId) await tx.collection('persons').doc(m.personId).update({ claimedBy: null, claimedAt: null });
    if (household) {
      const left = Math.max(0, household.verifiedCount - 1);
      await tx.collection('households').doc(household._id).update({ verifiedCount: left, onCloud: left > 0 });
    }
    await tx.collection('users').doc(user._id).update({ householdId: null });
    return true;
  });
}
