/**
 * A fresh local cloud for one test file: a temp SQLite file, the admin API on a free port, the
 * runner over the built functions, and the genuine SDK pointed at it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { ActionContract } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { UserDoc } from '../../shared/domain/people';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../localcloud/stack';
import { localDatabase } from '../../localcloud/sdk';
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { freshKeys, localFunctionEnv } from '../../localcloud/function-env';
import { startFakeWecom, type FakeWecom } from '../../localcloud/wecom-fake';
import { DEMO_CORP_ID } from '../../localcloud/seed/demo-district';
import { seedDemo } from '../../localcloud/seed/seed';

export interface TestCloud {
  cloud: LocalCloud;
  db: Database;
  dir: string;
  /** the fake WeCom the functions talk to */
  wecom: FakeWecom;
  /** the configuration the functions run with (PII keys, content-check mode, WeCom) */
  functionEnv: Record<string, string>;
  /**
   * calls an action as the mini-program user with this OPENID ('' = no WeChat identity);
   * `topLevel` adds fields beside action and payload (open data, as wx.cloud.CloudID sends it)
   */
  call<C extends ActionContract>(openid: string, contract: C, input: z.input<C['input']> | unknown, requestId?: string, topLevel?: Record<string, unknown>): Promise<Envelope<z.output<C['output']>>>;
  close(): Promise<void>;
}

export async function startTestCloud(opts: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqy-test-'));
  const wecom = await startFakeWecom({ corpId: DEMO_CORP_ID });
  const functionEnv = { ...localFunctionEnv(freshKeys(), wecom), ...opts.functionEnv };
  const cloud = await startLocalCloud({ dataFile: path.join(dir, 'db.sqlite'), ...opts, functionEnv });
  const db = localDatabase(cloud);
  return {
    cloud,
    db,
    dir,
    wecom,
    functionEnv,
    call: async (openid, contract, input, requestId, topLevel = {}) =>
      (await cloud.callAs({ openid, appid: 'wxtest', source: 'wx_client' }, contract.fn, { ...topLevel, action: contract.action, payload: input, ...(requestId ? { requestId } : {}) })) as never,
    close: async () => {
      await cloud.close();
      await wecom.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps an ok envelope or fails the test with the error it carried. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

/** How a test file's cloud starts: with the demo district or empty, and what the file adds before its tests. */
export interface TestCloudOptions {
  /** seed the demo district (普陀区, its staff and 周阿姨); default true */
  demo?: boolean;
  timeoutMs?: number;
  /** the local cloud's own options (function environment, timeouts) */
  cloud?: Partial<LocalCloudOptions>;
  prepare?: (cloud: TestCloud) => Promise<void>;
}

/**
 * The one set-up of a function test file: a fresh local cloud (with the demo district unless
 * `demo: false`, and the file's own additions), started before its tests and closed after them.
 * The returned cloud may be used inside tests and later hooks.
 */
export function useTestCloud({ demo = true, timeoutMs = 60_000, cloud: cloudOptions, prepare }: TestCloudOptions = {}): TestCloud {
  let started: TestCloud | undefined;
  beforeAll(async () => {
    started = await startTestCloud(cloudOptions);
    if (demo) await seedDemo(started.db);
    await prepare?.(started);
  }, timeoutMs);
  afterAll(async () => started?.close());
  return new Proxy({} as TestCloud, {
    get(_, key: keyof TestCloud) {
      if (!started) throw new Error('useTestCloud(): the cloud is used before its beforeAll has run');
      const value = started[key];
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** A signed-in resident who consented; `verified` gives them a household, as the household flow does. */
export function signedInResident(openid: string, committeeId: string, name: string, opts: { verified?: boolean } = {}): UserDoc {
  const at = new Date('2026-09-01T00:00:00Z');
  return { _id: `user-${openid}`, openid, consent: { version: '2026-09', at }, displayName: name, householdId: opts.verified ? `household-${openid}` : null, committeeId, createdAt: at };
}
