/** Computing on demand (a liaison) and per district for the daily run (the function itself). */
import { compute, runDistrict } from '@shared/contracts/metrics';
import { AppError } from '@shared/errors';
import { startsInFuture, windowFrom } from '@shared/metrics/window';
import { handle, type ActionContext } from '../_kit/runtime';
import { requireLiaison, requireScope, resolveScope } from './access';
import { budgetFrom } from './budget';
import { computeSnapshot } from './snapshot';

function windowOf(from: string | undefined, now: Date) {
  const w = windowFrom(from, now);
  if (startsInFuture(w, now)) throw new AppError('METRICS_WINDOW_IN_FUTURE', '统计时段尚未开始，请选择今天或更早的开始日期');
  return w;
}

export const computeHandler = handle(compute, async ({ scope: input, from }, ctx) => {
  const startedAt = Date.now();
  const staff = await requireLiaison(ctx);
  const scope = await resolveScope(ctx.db, input);
  requireScope(staff, scope);
  const now = ctx.now();
  return computeSnapshot({ db: ctx.db, now, budget: budgetFrom(startedAt) }, scope, windowOf(from, now), staff._id);
});

/**
 * Timer runs and their fan-out carry no WeChat identity; a call from the mini-program always
 * does, so a user can never reach this action.
 */
export function requireSystemCaller(ctx: Pick<ActionContext, 'caller'>): void {
  if (ctx.caller.openid || ctx.caller.source === 'wx_client') throw new AppError('FORBIDDEN');
}

export const runDistrictHandler = handle(runDistrict, async ({ districtId, from }, ctx) => {
  const startedAt = Date.now();
  requireSystemCaller(ctx);
  const scope = await resolveScope(ctx.db, { level: 'district', id: districtId });
  const now = ctx.now();
  return computeSnapshot({ db: ctx.db, now, budget: budgetFrom(startedAt) }, scope, windowOf(from, now), 'timer');
});
