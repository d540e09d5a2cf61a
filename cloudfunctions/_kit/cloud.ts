/**
 * The one CloudBase app of a function instance. `SYMBOL_CURRENT_ENV` makes the SDK use the
 * environment the function runs in; locally the function runner points the same SDK at the
 * local cloud through `TCB_CONTEXT_CNFG`, so no function has a "local" branch.
 */
import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';

type App = ReturnType<typeof tcb.init>;
export type Database = ReturnType<App['database']>;

/** Per-request SDK timeout; the metrics benchmark raises it to measure whole computations. */
const requestTimeout = z.coerce.number().int().min(1000).max(3_600_000).default(10_000);

let app: App | undefined;

export function cloudApp(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: requestTimeout.parse(process.env.TCB_REQUEST_TIMEOUT_MS || undefined) });
  return app;
}

export function database(): Database {
  return cloudApp().database();
}

export { tcb };
