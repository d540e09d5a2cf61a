/**
 * The metrics function's own collections. Snapshots are written once and never updated: the
 * `_id` is derived from the input hash (which covers scope, window, rubric version and every
 * fact), so computing the same thing again finds the stored snapshot instead of adding one.
 */
import type { AssessmentDoc, AssessmentRef, ExclusionDoc, ExclusionRef, SnapshotDoc } from '@shared/domain/metrics';
import type { Database } from '../_kit/cloud';
import { readAll } from '../_kit/paging';

export const SNAPSHOTS = 'metrics_snapshots';
export const EXCLUSIONS = 'metrics_exclusions';
export const ASSESSMENTS = 'metrics_assessments';

export const scopeKeyOf = (level: string, id: string) => `${level}:${id}`;

/** Exclusions in force in a district (not revoked). */
export async function activeExclusions(db: Database, districtId: string): Promise<ExclusionDoc[]> {
  return readAll<ExclusionDoc>(db.collection(EXCLUSIONS).where({ districtId, revokedAt: null }).orderBy('committeeId', 'asc').orderBy('_id', 'asc'));
}

export function exclusionRef(e: ExclusionDoc): ExclusionRef {
  return { id: e._id, committeeId: e.committeeId, kind: e.kind, reason: e.reason, confirmedBy: e.confirmedBy, confirmedAt: e.confirmedAt };
}

/** The entry in force per indicator: the latest one. */
export async function currentAssessments(db: Database, districtId: string, rubricId: string): Promise<AssessmentDoc[]> {
  const all = await readAll<AssessmentDoc>(db.collection(ASSESSMENTS).where({ districtId, rubricId }).orderBy('at', 'desc').orderBy('_id', 'desc'));
  const seen = new Set<string>();
  return all.filter((a) => (seen.has(a.path) ? false : (seen.add(a.path), true)));
}

export function assessmentRef(a: AssessmentDoc): AssessmentRef {
  return { id: a._id, path: a.path, score: a.score, reason: a.reason, evidence: a.evidence, by: a.byName, at: a.at.toISOString() };
}

export async function snapshotById(db: Database, id: string): Promise<SnapshotDoc | null> {
  const res = await db.collection(SNAPSHOTS).doc(id).get();
  return ((res.data as SnapshotDoc[] | undefined)?.[0] as SnapshotDoc | undefined) ?? null;
}
