/**
 * Bundles each cloud function with esbuild: shared code and small libraries are inlined; the
 * packages CloudBase should install stay external and are named, with the versions this repo
 * uses, in the function's own package.json. Output: dist/functions/<name>/{index.js,package.json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT, functionFolders, readFunctionConfigs } from './functions-manifest';

/** Installed by CloudBase from the function's package.json rather than bundled. */
const EXTERNAL = ['@cloudbase/node-sdk', 'exceljs', 'csv-parse'];

function installedVersion(pkg: string): string {
  const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version as string;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export async function buildFunctions(): Promise<{ name: string; bytes: number; dependencies: Record<string, string> }[]> {
  const folders = functionFolders();
  const configured = new Set(readFunctionConfigs().map((f) => f.name));
  const unconfigured = folders.filter((f) => !configured.has(f));
  if (unconfigured.length) throw new Error(`functions missing from cloudbaserc.json: ${unconfigured.join(', ')}`);

  const results = [];
  for (const name of folders) {
    const outdir = path.join(FUNCTIONS_OUT, name);
    fs.rmSync(outdir, { recursive: true, force: true });
    const res = await build({
      entryPoints: [path.join(FUNCTIONS_SRC, name, 'index.ts')],
      outfile: path.join(outdir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: EXTERNAL,
      metafile: true,
      sourcemap: 'linked',
      legalComments: 'none',
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      logLevel: 'warning',
    });
    const used = new Set<string>();
    for (const input of Object.values(res.metafile.inputs)) {
      for (const imp of input.imports) if (imp.external && EXTERNAL.includes(packageOf(imp.path))) used.add(packageOf(imp.path));
    }
    const dependencies = Object.fromEntries([...used].sort().map((p) => [p, installedVersion(p)]));
    const pkg = { name: `shequyun-fn-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies };
    fs.writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    results.push({ name, bytes: fs.statSync(path.join(outdir, 'index.js')).size, dependencies });
  }
  return results;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions()
    .then((built) => {
      for (const b of built) console.log(`  ${b.name.padEnd(10)} ${(b.bytes / 1024).toFixed(0).padStart(5)} KiB  deps: ${Object.keys(b.dependencies).join(', ') || '-'}`);
      console.log(`built ${built.length} functions in ${Date.now() - started} ms → dist/functions`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
