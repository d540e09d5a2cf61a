/**
 * `npm run deploy`: puts the built functions, the declared collections and indexes, and the
 * storage security rules (config/storage-rules.ts) into a CloudBase environment. `--dry-run` prints the plan without credentials or network.
 *
 * The real run uses @cloudbase/manager-node, which is not a dependency of this repository (it
 * pulls in a large tree that no test or local run needs): `npm install --no-save
 * @cloudbase/manager-node@5` before deploying.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATABASE } from '../config/database';
import { STORAGE_RULES } from '../config/storage-rules';
import { FUNCTIONS_OUT, readFunctionConfigs } from './functions-manifest';
import { describedIndexes, indexChanges, type DeclaredIndex } from './index-changes';

const env = z.object({
  CLOUD_ENV: z.string().min(1, '请设置 CLOUD_ENV（云开发环境 ID）'),
  TCB_SECRET_ID: z.string().optional(),
  TCB_SECRET_KEY: z.string().optional(),
});

export interface DeployPlan {
  envId: string;
  functions: { name: string; dir: string; timeout: number; memorySize: number; dependencies: Record<string, string> }[];
  collections: { name: string; indexes: DeclaredIndex[] }[];
  /** the bucket's custom security rules, as ModifyStorageSafeRule takes them */
  storageRules: { AclTag: 'CUSTOM'; Rule: string };
}

export function deployPlan(envId: string): DeployPlan {
  const functions = readFunctionConfigs().map((f) => {
    const dir = path.join(FUNCTIONS_OUT, f.name);
    const pkgFile = path.join(dir, 'package.json');
    if (!fs.existsSync(pkgFile)) throw new Error(`${f.name} is not built: run npm run build:functions`);
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { dependencies: Record<string, string> };
    return { name: f.name, dir, timeout: f.timeout, memorySize: f.memorySize, dependencies: pkg.dependencies };
  });
  return { envId, functions, collections: collectionsPlan(), storageRules: storageRulesPlan() };
}

/** The declared collections and indexes in the shape CloudBase's UpdateTable takes. */
export function collectionsPlan(): DeployPlan['collections'] {
  return DATABASE.map((c) => ({
    name: c.name,
    indexes: c.indexes.map((i) => ({
      IndexName: i.name,
      MgoKeySchema: { MgoIndexKeys: i.keys.map(([Name, dir]) => ({ Name, Direction: String(dir) })), MgoIsUnique: Boolean(i.unique) },
    })),
  }));
}

/** Client reads and writes of storage: only a file's creator (the bucket's default lets anyone read). */
export function storageRulesPlan(): DeployPlan['storageRules'] {
  return { AclTag: 'CUSTOM', Rule: JSON.stringify(STORAGE_RULES) };
}

/** What this script uses of @cloudbase/manager-node (installed only to deploy, so not typed by it). */
interface CloudBaseManager {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<unknown>;
    updateCollection(name: string, change: { DropIndexes?: { IndexName: string }[]; CreateIndexes?: object[] }): Promise<unknown>;
  };
  functions: { createFunction(opts: { func: object; functionRootPath: string; force: boolean }): Promise<unknown> };
  env: { getEnvInfo(): Promise<{ EnvInfo: { Storages?: { Bucket: string }[] } }> };
  commonService(): { call(req: { Action: string; Param: object }): Promise<unknown> };
}

async function deploy(plan: DeployPlan, secretId: string, secretKey: string) {
  let Manager: new (cfg: { secretId: string; secretKey: string; envId: string }) => CloudBaseManager;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Manager = require('@cloudbase/manager-node');
  } catch {
    throw new Error('deploying needs @cloudbase/manager-node: npm install --no-save @cloudbase/manager-node@5');
  }
  const manager = new Manager({ secretId, secretKey, envId: plan.envId });
  for (const c of plan.collections) {
    await manager.database.createCollectionIfNotExists(c.name);
    const changes = indexChanges(c.indexes, describedIndexes.parse(await manager.database.describeCollection(c.name)));
    // CloudBase cannot alter an index: drop the changed ones first, then create them anew
    if (changes.replace.length) await manager.database.updateCollection(c.name, { DropIndexes: changes.replace.map((i) => ({ IndexName: i.IndexName })) });
    const create = [...changes.replace, ...changes.create];
    if (create.length) await manager.database.updateCollection(c.name, { CreateIndexes: create });
    console.log(`✔ collection ${c.name} (${c.indexes.length} indexes: ${changes.create.length} created, ${changes.replace.length} rebuilt)`);
    if (changes.undeclared.length) console.warn(`  ! ${c.name} has indexes not in config/database.ts, left in place: ${changes.undeclared.join(', ')}`);
  }
  const bucket = (await manager.env.getEnvInfo()).EnvInfo.Storages?.[0]?.Bucket;
  if (!bucket) throw new Error('the environment has no storage bucket: enable cloud storage first');
  await manager.commonService().call({ Action: 'ModifyStorageSafeRule', Param: { EnvId: plan.envId, Bucket: bucket, ...plan.storageRules } });
  console.log(`✔ storage rules on ${bucket} (creator-only read and write; take 1-3 minutes to apply)`);
  const configs = new Map(readFunctionConfigs().map((f) => [f.name, f]));
  for (const f of plan.functions) {
    const cfg = configs.get(f.name)!;
    await manager.functions.createFunction({ func: { ...cfg, installDependency: true }, functionRootPath: FUNCTIONS_OUT, force: true });
    console.log(`✔ function ${f.name}`);
  }
}

if (require.main === module) {
  const dryRun = process.argv.includes('--dry-run');
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    process.exit(2);
  }
  const plan = deployPlan(parsed.data.CLOUD_ENV);
  if (dryRun) {
    console.log(JSON.stringify(plan, null, 2));
  } else if (!parsed.data.TCB_SECRET_ID || !parsed.data.TCB_SECRET_KEY) {
    console.error('请设置 TCB_SECRET_ID 与 TCB_SECRET_KEY，或使用 --dry-run 查看部署计划');
    process.exit(2);
  } else {
    deploy(plan, parsed.data.TCB_SECRET_ID, parsed.data.TCB_SECRET_KEY).catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
  }
}
