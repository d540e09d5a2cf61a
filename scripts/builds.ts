/** The client builds and what each depends on, so `npm start` and `npm test` rebuild only what is stale. */
import path from 'node:path';
import { ROOT } from './functions-manifest';
import { isStale } from './stale';
import { run } from './run';

const CLIENT_SOURCES = ['client', 'shared', 'config/index.ts', 'config/dev.ts', 'config/prod.ts', 'babel.config.js', 'package.json'].map((p) => path.join(ROOT, p));

export const H5_MARKER = path.join(ROOT, 'dist', 'h5', 'index.html');
export const WEAPP_MARKER = path.join(ROOT, 'dist', 'weapp', 'app.js');

export function buildClientIfStale(type: 'h5' | 'weapp', force = false): void {
  const marker = type === 'h5' ? H5_MARKER : WEAPP_MARKER;
  if (!force && !isStale(marker, CLIENT_SOURCES)) {
    console.log(`✔ ${type} build is up to date`);
    return;
  }
  run(`build ${type}`, 'npx', ['taro', 'build', '--type', type], { NODE_ENV: 'production' });
}
