/**
 * Who may compute and read metrics: a district liaison for their district and its streets, a
 * street liaison for their own street only, a city administrator for any. Committee staff may
 * read their own committee's row of a snapshot and nothing else; residents nothing.
 */
import type { MetricsScope, ScopeLevel } from '@shared/domain/metrics';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { requireRole } from '../_kit/principal';
import type { ActionContext } from '../_kit/runtime';
import { districtById, streetById } from './sources/regions';

export async function requireLiaison(ctx: ActionContext): Promise<StaffDoc> {
  const p = await ctx.principal();
  requireRole(p, 'district_liaison', 'street_liaison', 'city_admin');
  return p.staff!;
}

const isCity = (s: StaffDoc) => s.roles.includes('city_admin');

export function mayReadScope(s: StaffDoc, scope: Pick<MetricsScope, 'level' | 'id' | 'districtId'>): boolean {
  if (isCity(s)) return true;
  if (s.roles.includes('district_liaison') && s.districtId === scope.districtId) return true;
  return s.roles.includes('street_liaison') && scope.level === 'street' && s.streetId === scope.id;
}

/** Exclusions and assessor entries are district matters. */
export function requireDistrictManager(s: StaffDoc, districtId: string): void {
  if (isCity(s) || (s.roles.includes('district_liaison') && s.districtId === districtId)) return;
  throw new AppError('FORBIDDEN', '只有本区联络员可以进行此操作');
}

export async function resolveScope(db: Database, input: { level: ScopeLevel; id: string }): Promise<MetricsScope> {
  if (input.level === 'district') {
    const d = await districtById(db, input.id);
    if (!d) throw new AppError('NOT_FOUND', '没有这个区');
    return { level: 'district', id: d._id, districtId: d._id, name: d.name };
  }
  const s = await streetById(db, input.id);
  if (!s) throw new AppError('NOT_FOUND', '没有这个街镇');
  return { level: 'street', id: s._id, districtId: s.districtId, name: s.name };
}

export function requireScope(s: StaffDoc, scope: MetricsScope): void {
  if (!mayReadScope(s, scope)) throw new AppError('FORBIDDEN', scope.level === 'street' ? '只能查看本人负责的街镇' : '只能查看本人负责的区');
}
