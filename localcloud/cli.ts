/**
 * `npm run localcloud -- --port P --data FILE [--host H] [--env ENV]`: the admin API alone.
 * Prints its URL (and the SDK environment) and stops cleanly on SIGINT/SIGTERM: the server stops
 * accepting, the database closes and the WAL is checkpointed into the main file.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DATABASE } from '../config/database';
import { DEFAULT_ENV_ID, sdkConfigFor, startAdminApi } from './admin-api';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  data: z.string().min(1).default('.data/localcloud.sqlite'),
  env: z.string().min(1).default(DEFAULT_ENV_ID),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, env: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const dataFile = path.resolve(args.data);
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  const api = await startAdminApi({ dataFile, schema: DATABASE, host: args.host, port: args.port, envId: args.env });
  const cfg = sdkConfigFor(api);
  process.stdout.write(`localcloud admin API listening on ${api.url}\n`);
  process.stdout.write(`  data: ${dataFile}\n  env:  ${api.envId}\n  SDK:  ${Object.entries(cfg.env).map(([k, v]) => `${k}=${k === 'TCB_CONTEXT_CNFG' ? `'${v}'` : v}`).join(' ')}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`localcloud: ${signal}, closing\n`);
    api.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`localcloud: close failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`localcloud: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
