/**
 * Exclusions (seed 000 备注): a district liaison records a committee left out of the acceptance,
 * with the reason and who confirmed it. Withdrawing one keeps the record (snapshots computed
 * while it applied name it in their inputs).
 */
import { addExclusion, listExclusions, revokeExclusion, type exclusionRecord } from '@shared/contracts/metrics';
import type { z } from 'zod';
import type { ExclusionDoc } from '@shared/domain/metrics';
import { AppError } from '@shared/errors';
import { liaison } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { requireManagesDistrict } from './access';
import { committeeById } from './sources/regions';
import { exclusionRef } from './store';

function out(e: ExclusionDoc): z.input<typeof exclusionRecord> {
  return { ...exclusionRef(e), streetId: e.streetId, evidence: e.evidence, enteredAt: e.enteredAt.toISOString(), revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null };
}

export const addExclusionHandler = handle(addExclusion, async (input, ctx) => {
  const who = await liaison(ctx);
  const committee = await committeeById(ctx.db, input.committeeId);
  if (!committee) throw new AppError('NOT_FOUND', '没有这个居村委');
  requireManagesDistrict(who, committee.districtId);
  const existing = await collection(ctx.db, 'metrics_exclusions').first({ committeeId: committee._id, revokedAt: null });
  const id = recordId(ctx, 'metrics-exclusion');
  if (existing && existing._id !== id) throw new AppError('METRICS_ALREADY_EXCLUDED', '该居村委已不纳入验收，如需修改请先撤销原记录');
  const doc: Omit<ExclusionDoc, '_id'> = {
    committeeId: committee._id,
    districtId: committee.districtId,
    streetId: committee.streetId,
    kind: input.kind,
    reason: input.reason,
    confirmedBy: input.confirmedBy,
    confirmedAt: input.confirmedAt,
    evidence: input.evidence,
    enteredBy: who.actorId,
    enteredAt: ctx.now(),
    revokedAt: null,
    revokedBy: null,
  };
  const { record } = await insertOnce(ctx, 'metrics_exclusions', id, doc);
  return out(record);
});

export const revokeExclusionHandler = handle(revokeExclusion, async ({ id }, ctx) => {
  const who = await liaison(ctx);
  const exclusions = collection(ctx.db, 'metrics_exclusions');
  const found = await exclusions.byId(id);
  if (!found) throw new AppError('NOT_FOUND');
  requireManagesDistrict(who, found.districtId);
  if (found.revokedAt) return out(found);
  // conditional on still being in force, so two withdrawals record one
  await exclusions.ref.where({ _id: id, revokedAt: null }).update({ revokedAt: ctx.now(), revokedBy: who.actorId });
  const after = await exclusions.byId(id);
  if (!after) throw new AppError('NOT_FOUND');
  return out(after);
});

export const listExclusionsHandler = handle(listExclusions, async ({ districtId, includeRevoked }, ctx) => {
  requireManagesDistrict(await liaison(ctx), districtId);
  const where = includeRevoked ? { districtId } : { districtId, revokedAt: null };
  const rows = await collection(ctx.db, 'metrics_exclusions').all((ref) => ref.where(where).orderBy('enteredAt', 'desc').orderBy('_id', 'asc'));
  return { items: rows.map(out) };
});
