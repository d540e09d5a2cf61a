/**
 * `npm start`: the product on this machine. Builds what is stale, starts the local cloud on
 * 127.0.0.1 with its data under .data/ (kept across restarts), seeds the demo district on first
 * start, serves the H5 build through the gateway and prints the address. Ctrl-C stops cleanly:
 * in-flight calls finish, the database is checkpointed and closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildFunctions } from './build-functions';
import { buildClientIfStale } from './builds';
import { ROOT } from './functions-manifest';
import { startLocalCloud } from '../localcloud/stack';
import { startGateway } from '../localcloud/gateway';
import { readPersonas, writePersonas } from '../localcloud/personas';
import { localDatabase } from '../localcloud/sdk';
import { localFunctionEnv, persistentKeys } from '../localcloud/function-env';
import { startFakeWecom } from '../localcloud/wecom-fake';
import { seedDemoProduct } from '../localcloud/seed/seed';
import { DEMO_CORP_ID, demoPersonas } from '../localcloud/seed/demo-district';

const options = z.object({
  port: z.coerce.number().int().min(1).max(65535).default(8080),
  apiPort: z.coerce.number().int().min(0).max(65535).default(0),
  data: z.string().default(path.join(ROOT, '.data', 'shequyun.sqlite')),
  host: z.string().default('127.0.0.1'),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!key || argv[i + 1] === undefined) throw new Error(`usage: npm start -- [--port 8080] [--data FILE] [--api-port N]`);
    raw[key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = argv[i + 1]!;
  }
  return options.parse({ port: process.env.PORT, ...raw });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(path.dirname(opts.data), { recursive: true });

  const built = await buildFunctions();
  console.log(`✔ built ${built.length} cloud functions`);
  buildClientIfStale('h5');

  const dataDir = path.dirname(opts.data);
  const wecom = await startFakeWecom({ host: opts.host, corpId: DEMO_CORP_ID });
  const functionEnv = localFunctionEnv(persistentKeys(path.join(dataDir, 'keys.json')), wecom);
  const cloud = await startLocalCloud({ dataFile: opts.data, host: opts.host, port: opts.apiPort, functionEnv });
  const seeded = await seedDemoProduct(localDatabase(cloud), functionEnv);
  const personasFile = path.join(dataDir, 'personas.json');
  writePersonas(personasFile, demoPersonas);
  if (seeded.length) console.log(`✔ seeded the demo district: ${seeded.join('; ')}`);

  const gateway = await startGateway({
    cloud,
    staticDir: path.join(ROOT, 'dist', 'h5'),
    personas: () => readPersonas(personasFile),
    host: opts.host,
    port: opts.port,
    links: [{ label: '企业微信消息（本地模拟）', href: `${wecom.url}/__fake/messages.html` }],
  });

  console.log(`
社区云 is running (local cloud, data in ${path.relative(ROOT, opts.data)})
  app (H5):          ${gateway.url}/
  dev sign-in:       ${gateway.url}/__dev/signin
  CloudBase API:     ${cloud.api.url}
  WeCom (fake):      ${wecom.url}/__fake/messages.html
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await gateway.close();
    await cloud.close();
    await wecom.close();
    console.log('stopped; nothing lost.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
