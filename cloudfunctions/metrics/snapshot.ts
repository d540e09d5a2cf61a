/**
 * One computation: read the scope's facts, derive the seed 000 values, score them with the
 * rubric engine, and store the result as an immutable snapshot (or find the identical one).
 */
import crypto from 'node:crypto';
import type { SnapshotSummary } from '@shared/contracts/metrics';
import type { AssessmentRef, MetricsScope, SnapshotDoc, SnapshotInputs } from '@shared/domain/metrics';
import { canonicalJson } from '@shared/metrics/canonical';
import { scopeValues } from '@shared/metrics/indicators';
import { scoreScope } from '@shared/metrics/score';
import { getRubric, RUBRIC_IDS } from '@shared/rubric/registry';
import type { Window } from '@shared/time';
import type { Database } from '../_kit/cloud';
import { insertOnce } from '../_kit/idempotent';
import type { Budget } from './budget';
import { gatherFacts } from './collect';
import { committeesOf, streetsOf } from './sources/regions';
import { liaisonsOf } from './sources/staff';
import { activeExclusions, assessmentRef, currentAssessments, exclusionRef, scopeKeyOf } from './store';

export type ComputeResult =
  | { status: 'done'; created: boolean; snapshot: SnapshotSummary }
  | { status: 'partial'; message: string; progress: { committeesDone: number; committeesTotal: number } };

/** What a summary reads of a snapshot (a list leaves the per-committee facts out). */
export type SummaryFields = Omit<SnapshotDoc, 'inputs' | 'values' | 'ignoredAssessments'>;

export function summaryOf(s: SummaryFields): SnapshotSummary {
  return {
    id: s._id,
    scope: s.scope,
    window: s.window,
    rubric: s.rubric,
    inputHash: s.inputHash,
    total: s.total,
    max: s.result.totals.max,
    complete: s.result.complete,
    computedAt: s.computedAt.toISOString(),
    computedBy: s.computedBy,
    indicators: s.result.indicators.map((i) => ({ path: i.path, label: i.label, score: i.score, max: i.max, status: i.status })),
  };
}

export interface ComputeEnv {
  db: Database;
  now: Date;
  budget: Budget;
}

export async function computeSnapshot(env: ComputeEnv, scope: MetricsScope, w: Window, computedBy: string): Promise<ComputeResult> {
  const { db, now } = env;
  const rubric = getRubric(RUBRIC_IDS.acceptance);
  const allStreets = await streetsOf(db, scope.districtId);
  const streets = scope.level === 'district' ? allStreets : allStreets.filter((s) => s._id === scope.id);
  const [committees, liaisons, exclusions, assessments] = await Promise.all([
    committeesOf(db, scope.level === 'district' ? { districtId: scope.id } : { streetId: scope.id }),
    liaisonsOf(db, scope.districtId),
    activeExclusions(db, scope.districtId),
    // assessor entries judge the district; a street snapshot leaves assessor items pending
    scope.level === 'district' ? currentAssessments(db, scope.districtId, rubric.id) : Promise.resolve([]),
  ]);
  const gathered = await gatherFacts(db, committees, allStreets, w, now, env.budget);
  if (!gathered.complete) {
    return {
      status: 'partial',
      message: `统计未在时限内完成（已完成 ${gathered.done} / ${gathered.total} 个居村委），请稍后重试`,
      progress: { committeesDone: gathered.done, committeesTotal: gathered.total },
    };
  }
  const inScope = new Set(committees.map((c) => c._id));
  const refs: AssessmentRef[] = assessments.map(assessmentRef).sort((a, b) => (a.path < b.path ? -1 : 1));
  const inputs: SnapshotInputs = {
    committees: gathered.facts,
    streets: streets.map((s) => ({ id: s._id, name: s.name, liaisons: liaisons.byStreet.get(s._id) ?? 0 })),
    districtLiaisons: liaisons.district,
    exclusions: exclusions.filter((e) => inScope.has(e.committeeId)).map(exclusionRef),
    assessments: refs,
  };
  const period = `${w.from}/${w.to}`;
  const scored = scoreScope(rubric, scopeValues(inputs).values, refs, period);
  const rubricRef = { id: rubric.id, version: rubric.version };
  const window = { from: w.from, to: w.to };
  const inputHash = crypto.createHash('sha256').update(canonicalJson({ scope, window, rubric: rubricRef, inputs })).digest('hex');
  const doc: Omit<SnapshotDoc, '_id'> = {
    scope,
    scopeKey: scopeKeyOf(scope.level, scope.id),
    window,
    rubric: rubricRef,
    inputs,
    inputHash,
    values: scored.values,
    ignoredAssessments: scored.ignored,
    result: scored.result,
    total: scored.result.totals.total,
    computedAt: now,
    computedBy,
  };
  // the id is the hash: the same scope, window, rubric version and data give the stored snapshot back
  const { record, created } = await insertOnce(env, 'metrics_snapshots', inputHash.slice(0, 32), doc);
  return { status: 'done', created, snapshot: summaryOf(record) };
}
