/**
 * `npm test`: the whole suite, as CI runs it. Builds what is stale (functions always; the weapp
 * and H5 builds when their sources changed), type-checks the repo, then runs every Jest project.
 * Extra arguments go to Jest (`npm test -- --selectProjects unit`).
 */
import { buildClientIfStale } from './builds';
import { run } from './run';

const jestArgs = process.argv.slice(2);
const onlySome = jestArgs.includes('--selectProjects');
const needs = (project: string) => !onlySome || jestArgs.join(' ').includes(project);

run('build functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
if (needs('weapp')) buildClientIfStale('weapp');
if (needs('e2e')) buildClientIfStale('h5');
if (!onlySome) run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('jest', 'npx', ['jest', ...jestArgs]);
