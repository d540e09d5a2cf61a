import { timerEvent } from '@shared/contracts/metrics';
import { createFunction } from '../_kit/runtime';
import { assessHandler, listAssessmentsHandler } from './assessments';
import { computeHandler, runDistrictHandler } from './compute';
import { runDaily } from './daily';
import { addExclusionHandler, listExclusionsHandler, revokeExclusionHandler } from './exclusions';
import { exportSnapshotHandler } from './export/handler';
import { getSnapshotHandler, listSnapshotsHandler } from './read';

const actions = createFunction('metrics', [
  computeHandler,
  runDistrictHandler,
  listSnapshotsHandler,
  getSnapshotHandler,
  addExclusionHandler,
  revokeExclusionHandler,
  listExclusionsHandler,
  assessHandler,
  listAssessmentsHandler,
  exportSnapshotHandler,
]);

/** Timer events have no `action`: they are recognised by their own shape before the action runtime. */
export async function main(event: unknown, context: unknown) {
  if (timerEvent.safeParse(event).success) return runDaily(context);
  return actions(event, context);
}
