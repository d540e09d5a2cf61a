/**
 * The time an invocation may spend before it stops and reports progress: CloudBase kills the
 * function at its timeout (60 s for metrics), so the work stops well before, at a budget that
 * configuration may shorten (METRICS_TIME_BUDGET_MS).
 */
const DEFAULT_BUDGET_MS = 45_000;

export interface Budget {
  /** true once the budget is spent */
  spent(): boolean;
  remainingMs(): number;
}

export function budgetFrom(startedAt: number, env: Record<string, string | undefined> = process.env): Budget {
  const configured = Number(env.METRICS_TIME_BUDGET_MS);
  const ms = Number.isFinite(configured) && configured >= 0 && env.METRICS_TIME_BUDGET_MS !== '' && env.METRICS_TIME_BUDGET_MS !== undefined ? configured : DEFAULT_BUDGET_MS;
  const deadline = startedAt + ms;
  return { spent: () => Date.now() >= deadline, remainingMs: () => Math.max(0, deadline - Date.now()) };
}
