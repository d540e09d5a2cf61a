/**
 * Facts per committee → the seed 000 input values of a scope, and the per-committee rows the
 * drill-down shows. Excluded committees (seed 000 备注) leave numerator and denominator alike.
 * Pure: a snapshot's values are reproducible from its stored inputs.
 */
import type { CommitteeFacts, ExclusionRef, SnapshotInputs } from '../domain/metrics';
import type { AcceptanceInputValues, InteractiveUsage } from '../rubric/keys';
import { initGaps, type InitItem } from './checklist';

export interface Fraction {
  num: number;
  den: number;
}

export const COLUMNS = ['party', 'topics', 'notices'] as const;
export type Column = (typeof COLUMNS)[number];
export const COLUMN_LABELS: Record<Column, string> = { party: '党建园地', topics: '议事厅', notices: '社区公告' };

export interface CommitteeRow {
  committeeId: string;
  code: string;
  name: string;
  streetId: string;
  exclusion: ExclusionRef | null;
  initGaps: InitItem[];
  profileGaps: string[];
  completeness: Fraction;
  cloud: Fraction;
  /** 走访接待: visits plus receptions the resident confirmed */
  visits: number;
  meetings: number;
  activities: number;
  issuesHandled: number;
  columns: Record<Column, boolean>;
  topicOutcome: boolean;
  noticeInteraction: boolean;
  /** seed 001 事件办结率 inputs */
  eventClosure: Fraction;
}

export function committeeRow(f: CommitteeFacts, exclusion: ExclusionRef | null): CommitteeRow {
  return {
    committeeId: f.committeeId,
    code: f.code,
    name: f.name,
    streetId: f.streetId,
    exclusion,
    initGaps: initGaps(f),
    profileGaps: f.profileGaps,
    completeness: { num: f.personsComplete, den: f.persons },
    cloud: { num: f.householdsOnCloud, den: f.households },
    visits: f.visits + f.receptionsConfirmed,
    meetings: f.meetings,
    activities: f.activities,
    issuesHandled: f.ordersClosed,
    columns: { party: f.partyUse > 0, topics: f.topicUse > 0 || f.outcomes > 0, notices: f.noticeUse > 0 || f.noticeInteractions > 0 },
    topicOutcome: f.outcomes > 0,
    noticeInteraction: f.noticeInteractions > 0,
    eventClosure: { num: f.ordersClosedInWeek, den: f.ordersReported },
  };
}

export function committeeRows(inputs: Pick<SnapshotInputs, 'committees' | 'exclusions'>): CommitteeRow[] {
  const excluded = new Map(inputs.exclusions.map((e) => [e.committeeId, e]));
  return inputs.committees.map((f) => committeeRow(f, excluded.get(f.committeeId) ?? null));
}

const sum = (rows: CommitteeRow[], pick: (r: CommitteeRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
const pool = (rows: CommitteeRow[], pick: (r: CommitteeRow) => Fraction): Fraction => ({ num: sum(rows, (r) => pick(r).num), den: sum(rows, (r) => pick(r).den) });
/** A rate or average with nothing to divide by is left out: the engine reports it missing rather than 0. */
const orNone = (f: Fraction): Fraction | undefined => (f.den > 0 ? f : undefined);

export function interactiveUsage(rows: CommitteeRow[]): InteractiveUsage {
  const unused = COLUMNS.filter((c) => !rows.some((r) => r.columns[c])).length;
  if (unused >= 2) return 'twoOrMoreMissing';
  if (unused === 1) return 'oneMissing';
  return rows.some((r) => r.topicOutcome) && rows.some((r) => r.noticeInteraction) ? 'allWithOutcome' : 'allUsed';
}

export interface ScopeValues {
  /** the platform-computed seed 000 inputs (assessor inputs are added by the caller) */
  values: AcceptanceInputValues;
  /** committees counted (actual less excluded) */
  counted: number;
  excluded: number;
  /** seed 001 indicators the data supports (docs/metrics.md) */
  grid: { eventClosureRate?: Fraction };
}

export function scopeValues(inputs: SnapshotInputs, rows: CommitteeRow[] = committeeRows(inputs)): ScopeValues {
  const counted = rows.filter((r) => !r.exclusion);
  const n = counted.length;
  const perCommittee = (pick: (r: CommitteeRow) => number) => orNone({ num: sum(counted, pick), den: n });
  const raw: AcceptanceInputValues = {
    initCompletionRate: orNone({ num: counted.filter((r) => r.initGaps.length === 0).length, den: n }),
    residentInfoCompletenessRate: orNone(pool(counted, (r) => r.completeness)),
    visitsPerCommittee: perCommittee((r) => r.visits),
    meetingsPerCommittee: perCommittee((r) => r.meetings),
    activitiesPerCommittee: perCommittee((r) => r.activities),
    issuesHandledPerCommittee: perCommittee((r) => r.issuesHandled),
    householdCloudRate: orNone(pool(counted, (r) => r.cloud)),
    interactiveUsage: n > 0 ? interactiveUsage(counted) : undefined,
    // 组建运营工作团队: a district liaison, and a street liaison for every street of the scope
    opsTeamDesignated: inputs.districtLiaisons > 0 && inputs.streets.every((s) => s.liaisons > 0),
  };
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as AcceptanceInputValues;
  const closure = orNone(pool(counted, (r) => r.eventClosure));
  return { values, counted: n, excluded: rows.length - n, grid: closure ? { eventClosureRate: closure } : {} };
}
