/**
 * The monthly counts of one staff member's work that the 百事汇 points card (seed 004 附件三)
 * scores, and the per-committee counts the acceptance rubric (seed 000) averages. Pure: the
 * worklog function and the points card feed it the month's documents and get the same numbers.
 */
import type { RecordType, VisitKind } from '../domain/worklog';
import { isWithin, type Window } from '../time';

/** The fields counting needs; the stored documents satisfy it. */
export type CountableRecord =
  | { type: 'visit'; staffId: string; at: Date; removedAt: Date | null; visit: { householdKey: string; kind: VisitKind } }
  | { type: 'reception'; staffId: string; at: Date; removedAt: Date | null; reception: { confirmation: { status: 'pending' | 'confirmed'; confirmedAt: Date | null } } }
  | { type: Exclude<RecordType, 'visit' | 'reception'>; staffId: string; at: Date; removedAt: Date | null };

export interface CountableShift {
  staffId: string;
  startAt: Date;
  /** true when signed in on time: the only shifts 错时值班 counts */
  attended: boolean;
  signedInAt: Date | null;
}

export interface StaffMonthSummary {
  staffId: string;
  visits: number;
  /** 社区走访: distinct households (building|room) visited in the window */
  householdsVisited: number;
  specialVisits: number;
  /** 首问接待: receptions that happened in the window and are confirmed by the resident */
  receptionsConfirmed: number;
  receptionsPending: number;
  meetings: number;
  activities: number;
  /** 错时值班: shifts in the window signed in on time */
  shiftsAttended: number;
  shiftsLate: number;
  shiftsMissed: number;
  shiftsPlanned: number;
}

function live<T extends { removedAt: Date | null; at: Date }>(r: T, window: Pick<Window, 'start' | 'end'>): boolean {
  return r.removedAt === null && isWithin(r.at, window);
}

export function summarizeStaffMonth(staffId: string, records: CountableRecord[], shifts: CountableShift[], window: Pick<Window, 'start' | 'end'>, now: Date): StaffMonthSummary {
  const s: StaffMonthSummary = { staffId, visits: 0, householdsVisited: 0, specialVisits: 0, receptionsConfirmed: 0, receptionsPending: 0, meetings: 0, activities: 0, shiftsAttended: 0, shiftsLate: 0, shiftsMissed: 0, shiftsPlanned: 0 };
  const households = new Set<string>();
  for (const r of records) {
    if (r.staffId !== staffId || !live(r, window)) continue;
    if (r.type === 'visit') {
      s.visits++;
      households.add(r.visit.householdKey);
      if (r.visit.kind === 'special') s.specialVisits++;
    } else if (r.type === 'reception') {
      if (r.reception.confirmation.status === 'confirmed') s.receptionsConfirmed++;
      else s.receptionsPending++;
    } else if (r.type === 'meeting') s.meetings++;
    else s.activities++;
  }
  s.householdsVisited = households.size;
  for (const sh of shifts) {
    if (sh.staffId !== staffId || !isWithin(sh.startAt, window)) continue;
    s.shiftsPlanned++;
    if (sh.attended) s.shiftsAttended++;
    else if (sh.signedInAt) s.shiftsLate++;
    else if (sh.startAt.getTime() <= now.getTime()) s.shiftsMissed++;
  }
  return s;
}

export interface CommitteeMonthCounts {
  /** 工作记录-走访接待: visits (confirmed receptions are counted beside them; the rubric decides whether to add them) */
  visits: number;
  receptionsConfirmed: number;
  /** 工作记录-会议记录 */
  meetings: number;
  /** 工作记录-活动开展 */
  activities: number;
}

/** The seed 000 work-record counts of one committee for a window (问题处置 comes from countOrders). */
export function countCommitteeRecords(records: CountableRecord[], window: Pick<Window, 'start' | 'end'>): CommitteeMonthCounts {
  const c: CommitteeMonthCounts = { visits: 0, receptionsConfirmed: 0, meetings: 0, activities: 0 };
  for (const r of records) {
    if (!live(r, window)) continue;
    if (r.type === 'visit') c.visits++;
    else if (r.type === 'reception') c.receptionsConfirmed += r.reception.confirmation.status === 'confirmed' ? 1 : 0;
    else if (r.type === 'meeting') c.meetings++;
    else c.activities++;
  }
  return c;
}
