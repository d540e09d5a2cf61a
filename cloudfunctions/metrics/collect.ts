/**
 * Gathers the facts of every committee of a scope, chunk by chunk, from the sources. Stops when
 * the time budget is spent and says how far it got, rather than being killed mid-way.
 */
import type { CommitteeFacts } from '@shared/domain/metrics';
import type { CommitteeDoc, StreetDoc } from '@shared/domain/regions';
import { profileGaps } from '@shared/metrics/checklist';
import type { Window } from '@shared/time';
import type { Database } from '../_kit/cloud';
import type { Budget } from './budget';
import { columnCounts } from './sources/content';
import { CHUNK } from './sources/query';
import { householdCounts, personCounts } from './sources/register';
import { boundStaff } from './sources/staff';
import { orderCounts, recordCounts } from './sources/worklog';

export type Gathered = { complete: true; facts: CommitteeFacts[] } | { complete: false; done: number; total: number };

async function chunkFacts(db: Database, committees: CommitteeDoc[], streets: Map<string, StreetDoc>, w: Window, now: Date): Promise<CommitteeFacts[]> {
  const ids = committees.map((c) => c._id);
  const [staff, households, persons, records, orders, columns] = await Promise.all([
    boundStaff(db, ids),
    householdCounts(db, ids, w.end),
    personCounts(db, ids),
    recordCounts(db, ids, w),
    orderCounts(db, ids, w, now),
    columnCounts(db, ids, w, now),
  ]);
  return committees.map((c) => {
    const h = households.get(c._id);
    const p = persons.get(c._id);
    const r = records.get(c._id);
    const o = orders.get(c._id);
    const col = columns.get(c._id);
    return {
      committeeId: c._id,
      code: c.code,
      name: c.name,
      streetId: c.streetId,
      profileGaps: profileGaps(c, streets.get(c.streetId) ?? null),
      staffBound: staff.get(c._id) ?? 0,
      households: h?.households ?? 0,
      householdsWithBuilding: h?.withBuilding ?? 0,
      householdsWithGrid: h?.withGrid ?? 0,
      householdsOnCloud: h?.onCloud ?? 0,
      persons: p?.persons ?? 0,
      personsComplete: p?.complete ?? 0,
      visits: r?.visits ?? 0,
      receptionsConfirmed: r?.receptionsConfirmed ?? 0,
      meetings: r?.meetings ?? 0,
      activities: r?.activities ?? 0,
      ordersClosed: o?.closed ?? 0,
      ordersReported: o?.reported ?? 0,
      ordersClosedInWeek: o?.closedInWeek ?? 0,
      partyUse: col?.partyUse ?? 0,
      topicUse: col?.topicUse ?? 0,
      outcomes: col?.outcomes ?? 0,
      noticeUse: col?.noticeUse ?? 0,
      noticeInteractions: col?.noticeInteractions ?? 0,
    };
  });
}

export async function gatherFacts(db: Database, committees: CommitteeDoc[], streets: StreetDoc[], w: Window, now: Date, budget: Budget): Promise<Gathered> {
  const byId = new Map(streets.map((s) => [s._id, s]));
  const facts: CommitteeFacts[] = [];
  for (let i = 0; i < committees.length; i += CHUNK) {
    if (budget.spent()) return { complete: false, done: facts.length, total: committees.length };
    facts.push(...(await chunkFacts(db, committees.slice(i, i + CHUNK), byId, w, now)));
  }
  return { complete: true, facts };
}
