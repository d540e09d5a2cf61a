/** Computing on demand (a liaison) and per district for the daily run (the function itself). */
import { compute, runDistrict } from '@shared/contracts/metrics';
import { AppError } from '@shared/errors';
import { startsInFuture, windowFrom } from '@shared/metrics/window';
import { system } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { readableScope, scopeById } from './access';
import { budgetFrom } from './budget';
import { computeSnapshot } from './snapshot';

function windowOf(from: string | undefined, now: Date) {
  const w = windowFrom(from, now);
  if (startsInFuture(w, now)) throw new AppError('METRICS_WINDOW_IN_FUTURE', '统计时段尚未开始，请选择今天或更早的开始日期');
  return w;
}

export const computeHandler = handle(compute, async ({ scope: input, from }, ctx) => {
  const startedAt = Date.now();
  const { who, scope } = await readableScope(ctx, input);
  const now = ctx.now();
  return computeSnapshot({ db: ctx.db, now, budget: budgetFrom(startedAt) }, scope, windowOf(from, now), who.actorId);
});

/** One district of the daily run: the function calls itself, so no user can reach this action. */
export const runDistrictHandler = handle(runDistrict, async ({ districtId, from }, ctx) => {
  const startedAt = Date.now();
  system(ctx);
  const scope = await scopeById(ctx.db, { level: 'district', id: districtId });
  const now = ctx.now();
  return computeSnapshot({ db: ctx.db, now, budget: budgetFrom(startedAt) }, scope, windowOf(from, now), 'timer');
});
