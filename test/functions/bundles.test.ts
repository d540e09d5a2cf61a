/**
 * Each built function is deployable as it stands: in a clean directory whose node_modules holds
 * only the packages its own package.json names, a fresh Node process loads it and finds `main`.
 * A bundle that leans on a package it does not declare fails here, not in CloudBase.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS_OUT, ROOT, functionFolders, readFunctionConfigs } from '../../scripts/functions-manifest';

const folders = functionFolders();

describe('built cloud functions', () => {
  it('exist for every function folder and every cloudbaserc.json entry', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(readFunctionConfigs().map((f) => f.name).sort()).toEqual(folders);
    for (const name of folders) expect(fs.existsSync(path.join(FUNCTIONS_OUT, name, 'index.js'))).toBe(true);
  });

  it.each(folders)('%s loads in a clean process with only its declared dependencies', (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sqy-fn-${name}-`));
    try {
      for (const file of ['index.js', 'package.json']) fs.copyFileSync(path.join(FUNCTIONS_OUT, name, file), path.join(dir, file));
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      for (const dep of Object.keys(pkg.dependencies)) {
        const link = path.join(dir, 'node_modules', dep);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(path.join(ROOT, 'node_modules', dep), link, 'dir');
      }
      const out = execFileSync(process.execPath, ['-e', "const m=require('./index.js');process.stdout.write(typeof m.main)"], {
        cwd: dir,
        env: { PATH: process.env.PATH, TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: 'bundle-check', TENCENTCLOUD_REGION: 'ap-shanghai' },
        encoding: 'utf8',
      });
      expect(out).toBe('function');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
