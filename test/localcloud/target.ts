/**
 * The one factory that decides what the contract suite runs against: a fresh local cloud (temp
 * SQLite file, port 0) or, when TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are set, a real
 * CloudBase environment. The suite itself never knows which.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { DatabaseSchema } from '../../config/database';
import { startAdminApi, sdkConfigFor, type AdminApi } from '../../localcloud/admin-api';

/** Collections the contract suite uses; a real environment must have them (created on demand). */
export const CONTRACT_SCHEMA: DatabaseSchema = [
  {
    name: 'lc_items',
    description: 'contract suite: general documents',
    indexes: [{ name: 'run_n', keys: [['run', 1], ['n', 1]] }],
  },
  { name: 'lc_unique', description: 'contract suite: unique index', indexes: [{ name: 'code', keys: [['code', 1]], unique: true }] },
  { name: 'lc_other', description: 'contract suite: $lookup target', indexes: [{ name: 'run', keys: [['run', 1]] }] },
];

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
/** the transaction `db.runTransaction` hands its callback (the SDK types that callback as any) */
export type Tx = Awaited<ReturnType<Db['startTransaction']>>;

export interface Target {
  name: string;
  local: boolean;
  db: Db;
  /** the local server, when local (for white-box checks the real target cannot offer) */
  api?: AdminApi;
  close(): Promise<void>;
}

export function tempDataFile(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `localcloud-${label}-`));
  return path.join(dir, 'data.sqlite');
}

export async function startLocalTarget(schema: DatabaseSchema = CONTRACT_SCHEMA): Promise<Target> {
  const dataFile = tempDataFile('contract');
  const api = await startAdminApi({ dataFile, schema });
  const cfg = sdkConfigFor(api);
  process.env.TENCENTCLOUD = cfg.env.TENCENTCLOUD;
  const db = tcb.init(cfg.init).database();
  return {
    name: 'local cloud',
    local: true,
    db,
    api,
    close: async () => {
      await api.close();
      fs.rmSync(path.dirname(dataFile), { recursive: true, force: true });
    },
  };
}

export function realTargetConfig(): { env: string; secretId: string; secretKey: string } | undefined {
  const { TCB_ENV: env, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey } = process.env;
  return env && secretId && secretKey ? { env, secretId, secretKey } : undefined;
}

export async function startRealTarget(): Promise<Target> {
  const cfg = realTargetConfig();
  if (!cfg) throw new Error('TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY are required');
  const db = tcb.init({ ...cfg, timeout: 30_000 }).database();
  for (const c of CONTRACT_SCHEMA) {
    try {
      await db.createCollection(c.name);
    } catch {
      // already exists
    }
  }
  return { name: `CloudBase ${cfg.env}`, local: false, db, close: async () => undefined };
}

/** A value unique to one test, so tests never see each other's documents (also on a shared real env). */
export function runTag(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
