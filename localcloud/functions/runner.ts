/**
 * Runs cloud functions the way CloudBase does: each function has a small pool of instance
 * processes, each instance handles one invocation at a time (so per-invocation environment such
 * as the caller's OPENID cannot leak into a concurrent call), a cold start loads the bundle, and
 * an invocation that outlives the function's timeout kills its instance.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type { InstanceReply, InvokeMessage } from './protocol';
import { eventRefusal } from './event-limits';

export interface FunctionSpec {
  name: string;
  /** absolute path of the built index.js */
  bundle: string;
  timeoutMs: number;
}

/** Identity CloudBase attaches to an invocation. Mini-program calls carry the user's OPENID. */
export interface InvocationSource {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** wx_client (mini-program), function (another function), timer, dev_gateway */
  source: string;
}

export class FunctionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'FunctionError';
  }
}

interface Pending {
  id: number;
  event: unknown;
  from: InvocationSource;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Instance {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

export interface RunnerOptions {
  resolve(name: string): FunctionSpec | undefined;
  /** environment every instance starts with (SCF variables, TCB_CONTEXT_CNFG, secrets) */
  baseEnv: Record<string, string>;
  maxInstancesPerFunction?: number;
  /** an idle instance is stopped after this long, as CloudBase reclaims idle instances */
  idleMs?: number;
}

const HOST = path.join(__dirname, 'instance-host.ts');

export class FunctionRunner {
  private readonly pools = new Map<string, { spec: FunctionSpec; instances: Set<Instance>; queue: Pending[] }>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: RunnerOptions) {}

  invoke(name: string, event: unknown, from: InvocationSource = { source: 'function' }): Promise<unknown> {
    if (this.closed) return Promise.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', 'function runner is closed'));
    const pool = this.pool(name);
    if (!pool) return Promise.reject(new FunctionError('FUNCTION_NOT_FOUND', `function ${name} not found`));
    // refused before dispatch, as CloudBase does: an oversized or overly deep event never reaches an instance
    const refusal = eventRefusal(event);
    if (refusal) return Promise.reject(new FunctionError(refusal.code, refusal.message));
    return new Promise((resolve, reject) => {
      pool.queue.push({ id: this.nextId++, event, from, resolve, reject });
      this.dispatch(name);
    });
  }

  /** Number of live instance processes, per function (for tests and the dev page). */
  instanceCounts(): Record<string, number> {
    return Object.fromEntries([...this.pools].map(([n, p]) => [n, p.instances.size]));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pool of this.pools.values()) {
      for (const p of pool.queue.splice(0)) p.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', 'function runner closed'));
      for (const inst of pool.instances) this.stop(pool.instances, inst);
    }
  }

  private pool(name: string) {
    let pool = this.pools.get(name);
    if (!pool) {
      const spec = this.opts.resolve(name);
      if (!spec) return undefined;
      pool = { spec, instances: new Set(), queue: [] };
      this.pools.set(name, pool);
    }
    return pool;
  }

  private dispatch(name: string): void {
    const pool = this.pools.get(name)!;
    while (pool.queue.length) {
      let inst = [...pool.instances].find((i) => !i.busy);
      if (!inst) {
        if (pool.instances.size >= (this.opts.maxInstancesPerFunction ?? 4)) return;
        inst = this.spawn(pool.spec, pool.instances);
      }
      const job = pool.queue.shift()!;
      inst.busy = true;
      clearTimeout(inst.idleTimer);
      void this.run(pool.spec, pool.instances, inst, job).finally(() => {
        if (pool.instances.has(inst!)) {
          inst!.busy = false;
          inst!.idleTimer = setTimeout(() => this.stop(pool.instances, inst!), this.opts.idleMs ?? 60_000);
          inst!.idleTimer.unref();
        }
        this.dispatch(name);
      });
    }
  }

  private spawn(spec: FunctionSpec, instances: Set<Instance>): Instance {
    const child = fork(HOST, [spec.bundle], {
      execArgv: ['--import', 'tsx'],
      env: { ...this.opts.baseEnv, SCF_FUNCTIONNAME: spec.name },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: InstanceReply) => {
        if (m.type === 'ready') resolve();
        if (m.type === 'load-error') reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `load failed: ${m.message}`));
        if (m.type === 'ready' || m.type === 'load-error') child.off('message', onMessage);
      };
      child.on('message', onMessage);
      child.once('exit', () => reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `instance of ${spec.name} exited during start`)));
    });
    ready.catch(() => undefined);
    const inst: Instance = { child, ready, busy: false };
    instances.add(inst);
    child.once('exit', () => instances.delete(inst));
    return inst;
  }

  private stop(instances: Set<Instance>, inst: Instance): void {
    clearTimeout(inst.idleTimer);
    instances.delete(inst);
    if (inst.child.exitCode === null) inst.child.kill('SIGKILL');
  }

  private async run(spec: FunctionSpec, instances: Set<Instance>, inst: Instance, job: Pending): Promise<void> {
    try {
      await inst.ready;
    } catch (e) {
      this.stop(instances, inst);
      job.reject(e as Error);
      return;
    }
    const requestId = crypto.randomUUID();
    const env = invocationEnv(job.from);
    const msg: InvokeMessage = {
      type: 'invoke',
      id: job.id,
      event: job.event,
      env,
      context: {
        request_id: requestId,
        function_name: spec.name,
        function_version: '$LATEST',
        namespace: this.opts.baseEnv.SCF_NAMESPACE ?? '',
        memory_limit_in_mb: 256,
        time_limit_in_ms: spec.timeoutMs,
        environment: JSON.stringify(env),
      },
    };
    await new Promise<void>((done) => {
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        inst.child.off('message', onMessage);
        inst.child.off('exit', onExit);
        fn();
        done();
      };
      const onMessage = (m: InstanceReply) => {
        if (m.type === 'result' && m.id === job.id) finish(() => job.resolve(m.result));
        if (m.type === 'error' && m.id === job.id) finish(() => job.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', m.message)));
      };
      const onExit = () => finish(() => job.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `instance of ${spec.name} crashed`)));
      const timer = setTimeout(() => {
        this.stop(instances, inst);
        finish(() => job.reject(new FunctionError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${spec.timeoutMs / 1000} seconds`)));
      }, spec.timeoutMs);
      inst.child.on('message', onMessage);
      inst.child.once('exit', onExit);
      try {
        inst.child.send(msg);
      } catch (e) {
        // a message the channel cannot serialise fails this call, never the runner's process
        finish(() => job.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `invocation could not be sent: ${e instanceof Error ? e.message : String(e)}`)));
      }
    });
  }
}

/** The per-invocation variables CloudBase injects for a call (read by `getCloudbaseContext`). */
function invocationEnv(from: InvocationSource): Record<string, string> {
  const env: Record<string, string> = {
    WX_OPENID: from.openid ?? '',
    WX_APPID: from.appid ?? '',
    WX_UNIONID: from.unionid ?? '',
    TCB_SOURCE: from.source,
  };
  env.TCB_CONTEXT_KEYS = Object.keys(env).join(',');
  return env;
}
