/**
 * `npm run typecheck`: every TypeScript project, side by side. The client compiles without Node's
 * types and the server without the DOM, so neither can lean on the other's globals; tests get
 * both (jsdom, page callbacks in e2e). Prints each project's errors and fails if any has some.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './functions-manifest';

export const PROJECTS = [
  { name: 'server', tsconfig: 'tsconfig.json' },
  { name: 'client', tsconfig: 'client/tsconfig.json' },
  { name: 'tests', tsconfig: 'test/tsconfig.json' },
];

const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function check(tsconfig: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', tsconfig, '--noEmit', '--pretty', 'false'], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

async function main(): Promise<void> {
  const results = await Promise.all(PROJECTS.map(async (p) => ({ ...p, ...(await check(p.tsconfig)) })));
  for (const r of results) {
    const errors = r.output.split('\n').filter((l) => l.includes('error TS')).length;
    console.log(r.ok ? `✔ ${r.name} (${r.tsconfig})` : `✖ ${r.name} (${r.tsconfig}): ${errors} errors`);
    if (!r.ok) process.stdout.write(r.output);
  }
  if (results.some((r) => !r.ok)) process.exit(1);
}

if (require.main === module) void main();
