/**
 * `npm test`: the whole suite, as CI runs it. Lints and type-checks the repo, builds what is
 * stale (functions always; the weapp and H5 builds when their sources changed), then runs every
 * Jest project. Extra arguments go to Jest (`npm test -- --selectProjects unit`); with
 * `--selectProjects` the lint and the type-check are left to `npm run lint` / `npm run typecheck`.
 */
import { buildClientIfStale } from './builds';
import { run } from './run';

const jestArgs = process.argv.slice(2);
const onlySome = jestArgs.includes('--selectProjects');
const needs = (project: string) => !onlySome || jestArgs.join(' ').includes(project);

if (!onlySome) run('lint', 'npm', ['run', '--silent', 'lint']);
if (!onlySome) run('typecheck', 'npx', ['tsx', 'scripts/typecheck.ts']);
run('build functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
if (needs('weapp')) buildClientIfStale('weapp');
if (needs('e2e')) buildClientIfStale('h5');
run('jest', 'npx', ['jest', ...jestArgs]);
