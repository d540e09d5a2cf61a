/**
 * The one CloudBase app of a function instance. `SYMBOL_CURRENT_ENV` makes the SDK use the
 * environment the function runs in; locally the function runner points the same SDK at the
 * local cloud through `TCB_CONTEXT_CNFG`, so no function has a "local" branch.
 */
import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
export type Database = ReturnType<App['database']>;

let app: App | undefined;

export function cloudApp(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: 10_000 });
  return app;
}

export function database(): Database {
  return cloudApp().database();
}

export { tcb };
