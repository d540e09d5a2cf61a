/** Runs a command with inherited output and fails loudly, printing how long it took. */
import { spawnSync } from 'node:child_process';
import { ROOT } from './functions-manifest';

export function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    console.error(`✖ ${label} failed after ${secs}s (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
  console.log(`✔ ${label} (${secs}s)`);
}
