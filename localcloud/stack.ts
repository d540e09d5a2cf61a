/**
 * The whole local cloud in one process: the admin API over SQLite (what the SDK talks to) and
 * the function runner (what `callFunction` reaches). Used by `npm start`, the function tests and
 * the benchmarks.
 */
import { DATABASE, type DatabaseSchema } from '../config/database';
import { startAdminApi, sdkEnvFor, type AdminApi } from './admin-api';
import { builtFunctionSpecs } from './functions/specs';
import { FunctionRunner, type FunctionSpec, type InvocationSource } from './functions/runner';
import { readFunctionConfigs } from '../scripts/functions-manifest';
import { OpenDataIssuer } from './open-data';

export interface LocalCloud {
  api: AdminApi;
  runner: FunctionRunner;
  /** environment that points the genuine SDK in this process or a child at this local cloud */
  sdkEnv: Record<string, string>;
  /** WeChat open data: issues cloudIDs that `callAs` decrypts for their user */
  openData: OpenDataIssuer;
  /** invoke a function as a mini-program user would (`wx.cloud.callFunction`) */
  callAs(from: InvocationSource, name: string, event: unknown): Promise<unknown>;
  /** fire a timer trigger declared in cloudbaserc.json, with the event CloudBase sends */
  fireTimer(name: string, trigger: string, at?: Date): Promise<unknown>;
  close(): Promise<void>;
}

export interface LocalCloudOptions {
  dataFile: string;
  host?: string;
  port?: number;
  envId?: string;
  schema?: DatabaseSchema;
  resolveFunction?: (name: string) => FunctionSpec | undefined;
  maxInstancesPerFunction?: number;
  /** extra variables for every function instance (e.g. the fake WeCom's URL, test keys) */
  functionEnv?: Record<string, string>;
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const api = await startAdminApi({
    dataFile: opts.dataFile,
    schema: opts.schema ?? DATABASE,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    envId: opts.envId ?? 'shequyun-local',
    // function-to-function calls carry no user identity, as on CloudBase; by the first call the
    // runner below exists (it needs the API's address, so it starts second)
    functions: { invoke: (name, event) => runner.invoke(name, event, { source: 'function' }) },
  });
  const sdkEnv = sdkEnvFor(api);
  const runner = new FunctionRunner({
    resolve: opts.resolveFunction ?? builtFunctionSpecs(),
    baseEnv: { ...inheritedEnv(), ...sdkEnv, ...opts.functionEnv },
    maxInstancesPerFunction: opts.maxInstancesPerFunction,
  });
  const openData = new OpenDataIssuer();
  return {
    api,
    runner,
    sdkEnv,
    openData,
    // CloudBase decrypts open data only on calls from a mini-program user
    callAs: (from, name, event) => runner.invoke(name, from.source === 'wx_client' ? openData.decryptEventOpenData(event, from.openid ?? '') : event, from),
    fireTimer: (name, trigger, at = new Date()) => {
      const declared = readFunctionConfigs().find((f) => f.name === name)?.triggers?.find((t) => t.name === trigger);
      if (!declared) return Promise.reject(new Error(`no timer trigger ${trigger} on function ${name} in cloudbaserc.json`));
      // the shape SCF gives a timer invocation; it carries no user identity
      const event = { Type: 'Timer', TriggerName: trigger, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
      return runner.invoke(name, event, { source: 'timer' });
    },
    close: async () => {
      await runner.close();
      await api.close();
    },
  };
}

/** Only what a process needs to start; the function sees no other variable of this shell. */
function inheritedEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'NODE_OPTIONS', 'LANG'];
  const env = Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  // CloudBase instances run in UTC; so do ours, so that code leaning on the server's zone fails here
  return { ...env, TZ: 'UTC' };
}
