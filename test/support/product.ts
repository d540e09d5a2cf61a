/**
 * The product as `npm start` runs it, on free ports and a temp data file: local cloud, the whole
 * demo seed, gateway over the built H5 client. For end-to-end tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startGateway, type Gateway } from '../../localcloud/gateway';
import { demoPersonas } from '../../localcloud/seed/demo-district';
import { seedDemoProduct } from '../../localcloud/seed/seed';
import { H5_MARKER } from '../../scripts/builds';
import { ROOT } from '../../scripts/functions-manifest';
import { startTestCloud, type TestCloud } from './local-cloud';

export interface RunningProduct extends TestCloud {
  gateway: Gateway;
  url: string;
}

export async function startProduct(): Promise<RunningProduct> {
  if (!fs.existsSync(H5_MARKER)) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test does it for you)');
  const t = await startTestCloud();
  await seedDemoProduct(t.db, t.functionEnv);
  const gateway = await startGateway({ cloud: t.cloud, staticDir: path.join(ROOT, 'dist', 'h5'), personas: () => demoPersonas });
  return {
    ...t,
    gateway,
    url: gateway.url,
    close: async () => {
      await gateway.close();
      await t.close();
    },
  };
}
