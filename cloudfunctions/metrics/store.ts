/**
 * Reads of the metrics function's own collections. Snapshots are written once and never updated:
 * the `_id` is derived from the input hash (which covers scope, window, rubric version and every
 * fact), so computing the same thing again finds the stored snapshot instead of adding one.
 */
import type { AssessmentDoc, AssessmentRef, ExclusionDoc, ExclusionRef, SnapshotDoc } from '@shared/domain/metrics';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';

export const scopeKeyOf = (level: string, id: string) => `${level}:${id}`;

/** Exclusions in force in a district (not revoked). */
export function activeExclusions(db: Database, districtId: string): Promise<ExclusionDoc[]> {
  return collection(db, 'metrics_exclusions').all((ref) => ref.where({ districtId, revokedAt: null }).orderBy('committeeId', 'asc').orderBy('_id', 'asc'));
}

export function exclusionRef(e: ExclusionDoc): ExclusionRef {
  return { id: e._id, committeeId: e.committeeId, kind: e.kind, reason: e.reason, confirmedBy: e.confirmedBy, confirmedAt: e.confirmedAt };
}

/** The entry in force per indicator: the latest one. */
export async function currentAssessments(db: Database, districtId: string, rubricId: string): Promise<AssessmentDoc[]> {
  const all = await collection(db, 'metrics_assessments').all((ref) => ref.where({ districtId, rubricId }).orderBy('at', 'desc').orderBy('_id', 'desc'));
  const seen = new Set<string>();
  return all.filter((a) => (seen.has(a.path) ? false : (seen.add(a.path), true)));
}

export function assessmentRef(a: AssessmentDoc): AssessmentRef {
  return { id: a._id, path: a.path, score: a.score, reason: a.reason, evidence: a.evidence, by: a.byName, at: a.at.toISOString() };
}

export function snapshotById(db: Database, id: string): Promise<SnapshotDoc | null> {
  return collection(db, 'metrics_snapshots').byId(id);
}
