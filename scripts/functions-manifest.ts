/**
 * The deployable functions: one folder under cloudfunctions/ each (folders starting with `_`
 * are shared kit), with their CloudBase settings from cloudbaserc.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = path.join(ROOT, 'dist', 'functions');

const functionConfig = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  description: z.string().optional(),
  handler: z.literal('index.main'),
  runtime: z.string(),
  /** seconds, as CloudBase counts them */
  timeout: z.number().int().min(1).max(900),
  memorySize: z.number().int().min(128).max(3072),
  installDependency: z.boolean(),
  triggers: z.array(z.object({ name: z.string(), type: z.literal('timer'), config: z.string() })).optional(),
  envVariables: z.record(z.string(), z.string()).optional(),
});
export type FunctionConfig = z.infer<typeof functionConfig>;

const rc = z.object({ version: z.literal('2.0'), envId: z.string(), functionRoot: z.string(), functions: z.array(functionConfig) });

export function readFunctionConfigs(): FunctionConfig[] {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8'));
  return rc.parse(raw).functions;
}

/** Folder names of the functions in the source tree. */
export function functionFolders(): string[] {
  return fs
    .readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}
