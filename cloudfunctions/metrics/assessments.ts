/**
 * Assessor entries (评估人评定) for the district's acceptance rubric: score, reason, evidence,
 * who and when. Entries are appended, never edited; the latest per indicator is the one a
 * computation feeds to the engine (which checks it against the band the value falls in).
 */
import { assess, listAssessments } from '@shared/contracts/metrics';
import type { AssessmentDoc } from '@shared/domain/metrics';
import { AppError } from '@shared/errors';
import { findIndicator } from '@shared/metrics/score';
import * as R from '@shared/rubric/rational';
import { getRubric, RUBRIC_IDS } from '@shared/rubric/registry';
import { liaison } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { requireManagesDistrict } from './access';
import { districtById } from './sources/regions';
import { assessmentRef, currentAssessments } from './store';

const invalid = (message: string) => new AppError('METRICS_ASSESSMENT_INVALID', message);

export const assessHandler = handle(assess, async (input, ctx) => {
  const who = await liaison(ctx);
  if (!(await districtById(ctx.db, input.districtId))) throw new AppError('NOT_FOUND', '没有这个区');
  requireManagesDistrict(who, input.districtId);
  const rubric = getRubric(RUBRIC_IDS.acceptance);
  const node = findIndicator(rubric, input.path);
  if (!node) throw invalid('验收指标中没有这一项');
  if (node.max !== undefined && input.score > node.max) throw invalid(`该项满分 ${node.max} 分，评定分不能超过满分`);
  if (!R.isMultipleOf(R.fromDecimal(input.score), R.fromDecimal(rubric.step))) throw invalid(`评定分须为 ${rubric.step} 的整数倍`);
  if (node.rule?.kind === 'manual' && input.evidence.length === 0) throw invalid('人工评定须上传证据材料');
  const doc: Omit<AssessmentDoc, '_id'> = {
    districtId: input.districtId,
    rubricId: rubric.id,
    path: input.path,
    score: input.score,
    reason: input.reason,
    evidence: input.evidence,
    byStaffId: who.actorId,
    byName: who.staff.name,
    at: ctx.now(),
  };
  const { record } = await insertOnce(ctx, 'metrics_assessments', recordId(ctx, 'metrics-assessment'), doc);
  return assessmentRef(record);
});

export const listAssessmentsHandler = handle(listAssessments, async ({ districtId }, ctx) => {
  requireManagesDistrict(await liaison(ctx), districtId);
  const rows = await currentAssessments(ctx.db, districtId, RUBRIC_IDS.acceptance);
  return { items: rows.map(assessmentRef) };
});
