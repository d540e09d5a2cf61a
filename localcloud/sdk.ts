/**
 * The genuine SDK, pointed at a local cloud, for code that runs outside a function: the seed,
 * tests, benchmarks. Functions themselves get the same pointing through their environment.
 */
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../cloudfunctions/_kit/cloud';
import type { LocalCloud } from './stack';

export function localApp(cloud: Pick<LocalCloud, 'api' | 'sdkEnv'>) {
  return tcb.init({
    env: cloud.sdkEnv.SCF_NAMESPACE ?? 'shequyun-local',
    serviceUrl: cloud.api.url,
    secretId: cloud.sdkEnv.TENCENTCLOUD_SECRETID ?? 'local',
    secretKey: cloud.sdkEnv.TENCENTCLOUD_SECRETKEY ?? 'local',
    timeout: 30_000,
  });
}

export function localDatabase(cloud: Pick<LocalCloud, 'api' | 'sdkEnv'>): Database {
  return localApp(cloud).database();
}
