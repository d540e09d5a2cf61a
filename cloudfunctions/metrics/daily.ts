/**
 * The daily timer run: CloudBase invokes the function with `{ Type: 'Timer', TriggerName }` and
 * no OPENID. It computes the default window (the last 30 complete days) for every district, one
 * invocation per district (callFunction), a few at a time, and reports per district what
 * finished, what is still running and what it had no time to start.
 */
import { computeOutput, dailyReport, type DailyReport } from '@shared/contracts/metrics';
import { AppError, isAppError, type Envelope } from '@shared/errors';
import { defaultWindow } from '@shared/metrics/window';
import { system } from '../_kit/access';
import { callerFrom } from '../_kit/caller';
import { cloudApp, database } from '../_kit/cloud';
import { createLogger } from '../_kit/logger';
import { budgetFrom } from './budget';
import { allDistricts } from './sources/regions';

/** district invocations in flight at once (CloudBase concurrency is per function, shared with users) */
const FAN_OUT = 3;
/** a district invocation may take up to the function's own timeout; the SDK default (10 s) would cut it */
const DISTRICT_CALL_TIMEOUT_MS = 60_000;

type Run = DailyReport['districts'][number];

async function runOne(districtId: string, from: string): Promise<Run> {
  const base = { districtId, snapshotId: null, created: null, message: null };
  try {
    const res = await cloudApp().callFunction({ name: 'metrics', data: { action: 'runDistrict', payload: { districtId, from } } }, { timeout: DISTRICT_CALL_TIMEOUT_MS });
    const env = res.result as Envelope<unknown> | undefined;
    if (!env?.ok) return { ...base, status: 'failed', message: env?.error.code ?? 'NO_RESULT' };
    const out = computeOutput.parse(env.data);
    if (out.status === 'partial') return { ...base, status: 'partial', message: out.message };
    return { ...base, status: 'done', snapshotId: out.snapshot.id, created: out.created };
  } catch (e) {
    return { ...base, status: 'failed', message: e instanceof Error ? e.message.slice(0, 200) : 'ERROR' };
  }
}

export async function runDaily(context: unknown): Promise<Envelope<DailyReport>> {
  const startedAt = Date.now();
  const log = createLogger({ fn: 'metrics', action: 'daily' });
  try {
    // a timer carries no identity; anything with one is a user imitating the timer's event
    system({ caller: callerFrom(context) });
    const budget = budgetFrom(startedAt);
    const w = defaultWindow(new Date());
    const districts = await allDistricts(database());
    const runs = new Map<string, Run>();
    let next = 0;
    const worker = async () => {
      while (next < districts.length && !budget.spent()) {
        const id = districts[next++]!._id;
        runs.set(id, { districtId: id, status: 'running', snapshotId: null, created: null, message: null });
        runs.set(id, await runOne(id, w.from));
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, budget.remainingMs())));
    await Promise.race([Promise.all(Array.from({ length: FAN_OUT }, worker)), outOfTime]);
    clearTimeout(timer);
    const report = dailyReport.parse({
      window: { from: w.from, to: w.to },
      districts: districts.map((d) => runs.get(d._id) ?? { districtId: d._id, status: 'notStarted', snapshotId: null, created: null, message: null }),
    });
    log.info('daily run', { districts: districts.length, done: report.districts.filter((d) => d.status === 'done').length });
    return { ok: true, data: report };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    log.error('daily run failed', { error: e instanceof Error ? e.message : String(e) });
    return { ok: false, error: { code: 'INTERNAL', message: new AppError('INTERNAL').message } };
  }
}
