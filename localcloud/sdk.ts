/**
 * The genuine SDK, pointed at a local cloud, for code that runs outside a function: the seed,
 * tests, benchmarks. Functions themselves get the same pointing through their environment.
 */
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../cloudfunctions/_kit/cloud';
import { sdkConfigFor } from './admin-api';
import type { LocalCloud } from './stack';

export function localApp(cloud: Pick<LocalCloud, 'api'>) {
  // without this the SDK probes Tencent Cloud's metadata host (off this machine) before requests
  process.env.TENCENTCLOUD ??= 'true';
  return tcb.init({ ...sdkConfigFor(cloud.api).init, timeout: 30_000 });
}

export function localDatabase(cloud: Pick<LocalCloud, 'api'>): Database {
  return localApp(cloud).database();
}
