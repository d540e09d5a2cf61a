/**
 * Applies one staged batch of protected households to the register collections.
 *
 * Matching: a household by committee + 户编号 (its id); a member by ID hash, else by name when
 * one side has no usable ID (an ID corrected at the source keeps the person). Members the file no
 * longer lists are marked moved out, never deleted: a verified member's claim, the committee's
 * visit records and the metric history point at them, and a person who returns is matched again.
 *
 * Every written record is stamped with the job (created / changed / seen), and the batch's counts
 * are read from those stamps after writing, so a batch applied a second time (a retried call after
 * a crash) writes nothing new and reports the same numbers.
 */
import type { ProtectedHousehold, ProtectedMember } from '@shared/register/protected';
import { placeKey } from '@shared/register/values';
import type { CommitteeDoc } from '@shared/domain/regions';
import { normalizeClaimName, type HouseholdDoc, type PersonDoc } from '@shared/domain/household';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';
import { householdDocId, personDocId } from './ids';
import { isLegacyPerson, legacyRewrite } from './legacy-person';

export interface BatchCounts {
  households: { created: number; updated: number; unchanged: number };
  persons: { created: number; updated: number; unchanged: number };
}

/** Register content whose change counts as an update (phoneEnc differs on every encryption: phoneHash stands for it). */
const COMPARED: (keyof ProtectedMember)[] = ['name', 'idStatus', 'idHash', 'idClaimHash', 'idMasked', 'relation', 'isHouseholder', 'phoneMasked', 'phoneHash', 'residenceStatus', 'ethnicity', 'politicalStatus', 'complete', 'incompleteFields'];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function memberChanged(p: PersonDoc, m: ProtectedMember): boolean {
  return COMPARED.some((k) => !same(p[k], m[k]));
}

function findMatch(pool: PersonDoc[], used: Set<string>, m: ProtectedMember): PersonDoc | undefined {
  const free = pool.filter((p) => !used.has(p._id));
  if (m.idHash) {
    const byId = free.find((p) => p.idHash === m.idHash);
    if (byId) return byId;
  }
  const name = normalizeClaimName(m.name);
  return free.find((p) => normalizeClaimName(p.name) === name && (!p.idHash || !m.idHash));
}

interface Ctx {
  db: Database;
  now: Date;
  jobId: string;
  committee: CommitteeDoc;
}

/** Plans and writes the members of one household; answers the person documents as they now are. */
async function applyMembers(c: Ctx, hid: string, members: ProtectedMember[], pool: PersonDoc[], adds: PersonDoc[]): Promise<PersonDoc[]> {
  const persons = collection(c.db, 'persons').ref;
  const used = new Set<string>();
  const result: PersonDoc[] = [];
  const stamp: string[] = [];
  for (const m of members) {
    const match = findMatch(pool, used, m);
    if (!match) {
      const key = m.idHash ?? `name:${normalizeClaimName(m.name)}:${m.sourceRow}`;
      const doc: PersonDoc = {
        ...m,
        _id: personDocId(hid, c.jobId, key),
        committeeId: c.committee._id,
        householdDocId: hid,
        status: 'active',
        movedOutAt: null,
        movedOutJobId: null,
        claimedBy: null,
        claimedAt: null,
        importJobId: c.jobId,
        createdJobId: c.jobId,
        changedJobId: c.jobId,
        updatedAt: c.now,
      };
      adds.push(doc);
      result.push(doc);
      continue;
    }
    used.add(match._id);
    const changed = memberChanged(match, m) || match.status !== 'active' || isLegacyPerson(match);
    const keepPhone = match.phoneHash === m.phoneHash && match.phoneEnc ? { phoneEnc: match.phoneEnc } : {};
    if (changed || match.sourceRow !== m.sourceRow) {
      const update = {
        ...legacyRewrite(c.db, match),
        ...m,
        ...keepPhone,
        status: 'active' as const,
        movedOutAt: null,
        movedOutJobId: null,
        importJobId: c.jobId,
        ...(changed ? { changedJobId: c.jobId, updatedAt: c.now } : {}),
      };
      await persons.doc(match._id).update(update);
      result.push({ ...match, ...update });
    } else {
      if (match.importJobId !== c.jobId) stamp.push(match._id);
      result.push({ ...match, importJobId: c.jobId });
    }
  }
  for (const p of pool) {
    if (used.has(p._id)) continue;
    if (p.status !== 'active') {
      if (p.movedOutJobId === c.jobId) result.push(p); // moved out by an earlier attempt of this batch
      continue;
    }
    const update = { status: 'moved_out' as const, movedOutAt: c.now, movedOutJobId: c.jobId, updatedAt: c.now };
    await persons.doc(p._id).update({ ...legacyRewrite(c.db, p), ...update });
    result.push({ ...p, ...update });
  }
  if (stamp.length) await persons.where({ _id: c.db.command.in(stamp) }).update({ importJobId: c.jobId });
  return result;
}

export async function applyBatch(db: Database, committee: CommitteeDoc, jobId: string, households: ProtectedHousehold[], now: Date): Promise<BatchCounts> {
  const _ = db.command;
  const c: Ctx = { db, now, jobId, committee };
  const ids = households.map((h) => householdDocId(committee._id, h.householdId));
  const stored = { households: collection(db, 'households'), persons: collection(db, 'persons') };
  const existing = new Map((await stored.households.byIds(ids)).map((h) => [h._id, h]));
  const poolOf = new Map<string, PersonDoc[]>();
  for (const p of await stored.persons.all((q) => q.where({ householdDocId: _.in(ids) }).orderBy('_id', 'asc'))) poolOf.set(p.householdDocId, [...(poolOf.get(p.householdDocId) ?? []), p]);

  const personAdds: PersonDoc[] = [];
  const householdAdds: HouseholdDoc[] = [];
  const finalPersons: PersonDoc[] = [];
  const finalHouseholds: HouseholdDoc[] = [];
  const stampHouseholds: string[] = [];

  for (const [i, h] of households.entries()) {
    const hid = ids[i]!;
    const members = await applyMembers(c, hid, h.members, poolOf.get(hid) ?? [], personAdds);
    const active = members.filter((p) => p.status === 'active');
    finalPersons.push(...active);
    const fields = { building: h.building, room: h.room, placeKey: placeKey(h.building, h.room), grid: h.grid, memberCount: active.length };
    const cur = existing.get(hid);
    if (!cur) {
      const doc: HouseholdDoc = {
        _id: hid,
        committeeId: committee._id,
        streetId: committee.streetId,
        districtId: committee.districtId,
        householdId: h.householdId,
        ...fields,
        inRegister: true,
        verifiedCount: 0,
        onCloud: false,
        onCloudAt: null,
        removedJobId: null,
        importJobId: jobId,
        createdJobId: jobId,
        changedJobId: jobId,
        updatedAt: now,
      };
      householdAdds.push(doc);
      finalHouseholds.push(doc);
      continue;
    }
    const membersChanged = members.some((p) => p.changedJobId === jobId || p.movedOutJobId === jobId);
    const changed = membersChanged || !cur.inRegister || (Object.keys(fields) as (keyof typeof fields)[]).some((k) => !same(cur[k], fields[k]));
    if (changed) {
      const update = { ...fields, inRegister: true, removedJobId: null, importJobId: jobId, changedJobId: jobId, updatedAt: now };
      await stored.households.ref.doc(hid).update(update);
      finalHouseholds.push({ ...cur, ...update });
    } else {
      if (cur.importJobId !== jobId) stampHouseholds.push(hid);
      finalHouseholds.push({ ...cur, importJobId: jobId });
    }
  }
  // New records last and in bulk: a batch that fails before this point leaves only updates, which a retry repeats harmlessly.
  if (personAdds.length) await stored.persons.ref.add(personAdds);
  if (householdAdds.length) await stored.households.ref.add(householdAdds);
  if (stampHouseholds.length) await stored.households.ref.where({ _id: _.in(stampHouseholds) }).update({ importJobId: jobId });

  const tally = <T extends { createdJobId: string; changedJobId: string }>(docs: T[]) => {
    const created = docs.filter((d) => d.createdJobId === jobId).length;
    const updated = docs.filter((d) => d.createdJobId !== jobId && d.changedJobId === jobId).length;
    return { created, updated, unchanged: docs.length - created - updated };
  };
  return { households: tally(finalHouseholds), persons: tally(finalPersons) };
}
