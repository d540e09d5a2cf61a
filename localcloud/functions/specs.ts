/** Where the runner finds each built function, with the timeout cloudbaserc.json gives it. */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS_OUT, readFunctionConfigs } from '../../scripts/functions-manifest';
import type { FunctionSpec } from './runner';

export function builtFunctionSpecs(dir = FUNCTIONS_OUT): (name: string) => FunctionSpec | undefined {
  const timeouts = new Map(readFunctionConfigs().map((f) => [f.name, f.timeout * 1000]));
  return (name) => {
    const bundle = path.join(dir, name, 'index.js');
    if (!/^[a-z][a-z0-9_-]*$/.test(name) || !fs.existsSync(bundle)) return undefined;
    return { name, bundle, timeoutMs: timeouts.get(name) ?? 3000 };
  };
}
