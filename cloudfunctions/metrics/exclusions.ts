/**
 * Exclusions (seed 000 备注): a district liaison records a committee left out of the acceptance,
 * with the reason and who confirmed it. Withdrawing one keeps the record (snapshots computed
 * while it applied name it in their inputs).
 */
import { addExclusion, exclusionRecord, listExclusions, revokeExclusion } from '@shared/contracts/metrics';
import type { z } from 'zod';
import type { ExclusionDoc } from '@shared/domain/metrics';
import { AppError } from '@shared/errors';
import { insertOnce, recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { requireDistrictManager, requireLiaison } from './access';
import { committeeById } from './sources/regions';
import { readAll } from '../_kit/paging';
import { EXCLUSIONS, exclusionRef } from './store';

function out(e: ExclusionDoc): z.input<typeof exclusionRecord> {
  return { ...exclusionRef(e), streetId: e.streetId, evidence: e.evidence, enteredAt: e.enteredAt.toISOString(), revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null };
}

export const addExclusionHandler = handle(addExclusion, async (input, ctx) => {
  const staff = await requireLiaison(ctx);
  const committee = await committeeById(ctx.db, input.committeeId);
  if (!committee) throw new AppError('NOT_FOUND', '没有这个居村委');
  requireDistrictManager(staff, committee.districtId);
  const active = await ctx.db.collection(EXCLUSIONS).where({ committeeId: committee._id, revokedAt: null }).limit(1).get();
  const existing = (active.data as ExclusionDoc[])[0];
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
    enteredBy: staff._id,
    enteredAt: ctx.now(),
    revokedAt: null,
    revokedBy: null,
  };
  const { record } = await insertOnce(ctx, EXCLUSIONS, id, doc);
  return out(record as ExclusionDoc);
});

export const revokeExclusionHandler = handle(revokeExclusion, async ({ id }, ctx) => {
  const staff = await requireLiaison(ctx);
  const found = ((await ctx.db.collection(EXCLUSIONS).doc(id).get()).data as ExclusionDoc[] | undefined)?.[0];
  if (!found) throw new AppError('NOT_FOUND');
  requireDistrictManager(staff, found.districtId);
  if (found.revokedAt) return out(found);
  const revokedAt = ctx.now();
  // conditional on still being in force, so two withdrawals record one
  await ctx.db.collection(EXCLUSIONS).where({ _id: id, revokedAt: null }).update({ revokedAt, revokedBy: staff._id });
  const after = ((await ctx.db.collection(EXCLUSIONS).doc(id).get()).data as ExclusionDoc[])[0]!;
  return out(after);
});

export const listExclusionsHandler = handle(listExclusions, async ({ districtId, includeRevoked }, ctx) => {
  const staff = await requireLiaison(ctx);
  requireDistrictManager(staff, districtId);
  const where = includeRevoked ? { districtId } : { districtId, revokedAt: null };
  const rows = await readAll<ExclusionDoc>(ctx.db.collection(EXCLUSIONS).where(where).orderBy('enteredAt', 'desc').orderBy('_id', 'asc'));
  return { items: rows.map(out) };
});
