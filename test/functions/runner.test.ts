/**
 * The function runner behaves as CloudBase does where it matters for safety: one invocation per
 * instance, so concurrent callers never see each other's identity; timeouts and crashes are
 * errors for that call only.
 */
import path from 'node:path';
import { FunctionRunner, FunctionError } from '../../localcloud/functions/runner';

const fixtures = path.join(__dirname, '..', 'fixtures', 'functions');
const resolve = (timeoutMs: number) => (name: string) => ({ name, bundle: path.join(fixtures, name, 'index.js'), timeoutMs });
const baseEnv = { PATH: process.env.PATH ?? '', TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: 'test', TENCENTCLOUD_REGION: 'ap-shanghai' };

describe('function runner', () => {
  let runner: FunctionRunner;
  afterEach(async () => runner.close());

  it('gives each of many concurrent invocations its own caller', async () => {
    runner = new FunctionRunner({ resolve: resolve(10_000), baseEnv, maxInstancesPerFunction: 3 });
    const callers = Array.from({ length: 9 }, (_, i) => `openid-${i}`);
    const results = (await Promise.all(
      callers.map((openid, i) => runner.invoke('whoami', { delayMs: 150 - i * 10 }, { openid, appid: 'wx', source: 'wx_client' })),
    )) as { before: string; after: string; fromContext: string; pid: number }[];
    results.forEach((r, i) => {
      expect(r).toMatchObject({ before: callers[i], after: callers[i], fromContext: callers[i] });
    });
    // three instances served nine calls: invocations queued rather than sharing an instance
    expect(new Set(results.map((r) => r.pid)).size).toBe(3);
  }, 30_000);

  it('kills an invocation that outlives the timeout and keeps serving', async () => {
    runner = new FunctionRunner({ resolve: resolve(500), baseEnv, maxInstancesPerFunction: 1 });
    const slow = runner.invoke('sleeper', { ms: 5_000 });
    await expect(slow).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' });
    await expect(runner.invoke('sleeper', { ms: 10 })).resolves.toMatchObject({ slept: 10 });
  }, 30_000);

  it('reports a crashed instance as a failed call and starts a new one', async () => {
    runner = new FunctionRunner({ resolve: resolve(5_000), baseEnv, maxInstancesPerFunction: 1 });
    const crashed = runner.invoke('sleeper', { crash: true });
    await expect(crashed).rejects.toBeInstanceOf(FunctionError);
    await expect(crashed).rejects.toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' });
    await expect(runner.invoke('sleeper', { ms: 1 })).resolves.toMatchObject({ slept: 1 });
  }, 30_000);

  it('answers FUNCTION_NOT_FOUND for a function that does not exist', async () => {
    runner = new FunctionRunner({ resolve: () => undefined, baseEnv });
    await expect(runner.invoke('nope', {})).rejects.toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
  });
});
