/**
 * Who may compute and read metrics, on the _kit/access.ts vocabulary: a district liaison for their
 * district and its streets, a street liaison for their own street only, a city administrator for
 * any. Committee staff may read their own committee's row of a snapshot and nothing else;
 * residents nothing. Exclusions and assessor entries are the district's matter.
 */
import type { MetricsScope, ScopeLevel, SnapshotDoc } from '@shared/domain/metrics';
import { AppError } from '@shared/errors';
import { committeeStaffOrNull, liaison, liaisonOrNull, signedIn, type LiaisonCaller } from '../_kit/access';
import type { Database } from '../_kit/cloud';
import type { ActionContext } from '../_kit/runtime';
import { districtById, streetById } from './sources/regions';
import { snapshotById } from './store';

/** The metrics scope a district or street id names; NOT_FOUND when there is none. */
export async function scopeById(db: Database, input: { level: ScopeLevel; id: string }): Promise<MetricsScope> {
  if (input.level === 'district') {
    const d = await districtById(db, input.id);
    if (!d) throw new AppError('NOT_FOUND', '没有这个区');
    return { level: 'district', id: d._id, districtId: d._id, name: d.name };
  }
  const s = await streetById(db, input.id);
  if (!s) throw new AppError('NOT_FOUND', '没有这个街镇');
  return { level: 'street', id: s._id, districtId: s.districtId, name: s.name };
}

/** The scope the input names and the liaison who may read it (the caller is checked before the scope is looked up). */
export async function readableScope(ctx: ActionContext, input: { level: ScopeLevel; id: string }): Promise<{ who: LiaisonCaller; scope: MetricsScope }> {
  await liaison(ctx);
  const scope = await scopeById(ctx.db, input);
  return { who: await liaison(ctx, scope), scope };
}

/** Exclusions and assessor entries: the district's liaison or the city administrator. */
export function requireManagesDistrict(who: LiaisonCaller, districtId: string): void {
  if (!who.managesDistrict(districtId)) throw new AppError('FORBIDDEN', '只有本区联络员可以进行此操作');
}

/**
 * A snapshot as the caller may see it: whole (a liaison of its region), or one committee's row
 * (staff of a committee it counts); otherwise the same NOT_FOUND whether the snapshot exists
 * elsewhere or not at all.
 */
export async function readableSnapshot(ctx: ActionContext, id: string): Promise<{ snapshot: SnapshotDoc; onlyCommittee: string | null }> {
  const p = await signedIn(ctx);
  const snapshot = await snapshotById(ctx.db, id);
  if (snapshot && (await liaisonOrNull(ctx))?.mayRead(snapshot.scope)) return { snapshot, onlyCommittee: null };
  const member = await committeeStaffOrNull(ctx);
  if (snapshot && member && snapshot.inputs.committees.some((c) => c.committeeId === member.committeeId)) return { snapshot, onlyCommittee: member.committeeId };
  if (!p.staff) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}
