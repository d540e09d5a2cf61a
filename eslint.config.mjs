/**
 * ESLint for the whole tree (`npm run lint`, run by `npm test`). Besides typescript-eslint's
 * recommended rules, it enforces which folder may import which:
 * - client/ never imports cloudfunctions/ or localcloud/ (the mini-program ships none of it);
 * - a function folder imports only itself, the kit (`cloudfunctions/_*`) and shared/;
 *   the kit imports no function folder; deployed code never imports the emulator or tests;
 * - shared/ runs in the mini-program and in functions alike: it imports no server, client or
 *   emulator code and does no I/O (no Node built-ins, no SDK, no database driver).
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Folders under cloudfunctions/: `_`-prefixed ones are the kit every function may use. */
const functionDirs = fs.readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true }).filter((d) => d.isDirectory());
const kitDirs = functionDirs.filter((d) => d.name.startsWith('_')).map((d) => `./${d.name}`);
const functions = functionDirs.filter((d) => !d.name.startsWith('_')).map((d) => d.name);

const boundaryZones = [
  {
    target: './client',
    from: ['./cloudfunctions', './localcloud'],
    message: 'The client talks to functions only through shared/contracts and services/cloud.',
  },
  ...functions.map((fn) => ({
    target: `./cloudfunctions/${fn}`,
    from: './cloudfunctions',
    except: [`./${fn}`, ...kitDirs],
    message: 'A function imports only its own folder, cloudfunctions/_kit and shared/: move what two functions need into _kit or shared.',
  })),
  ...kitDirs.map((kit) => ({
    target: `./cloudfunctions/${kit.slice(2)}`,
    from: './cloudfunctions',
    except: kitDirs,
    message: 'The kit serves every function and imports none of them.',
  })),
  {
    target: './cloudfunctions',
    from: ['./localcloud', './client', './test', './scripts'],
    message: 'Deployed functions never depend on the emulator, the client, tests or scripts.',
  },
  {
    target: './shared',
    from: ['./cloudfunctions', './localcloud', './client', './scripts', './test'],
    message: 'shared/ is used by client and functions alike: it imports neither.',
  },
];

/** shared/ does no I/O: every Node built-in, the server SDK and the database driver are refused there. */
const ioModules = [...builtinModules.filter((m) => !m.startsWith('_')), '@cloudbase/node-sdk', 'wx-server-sdk', 'better-sqlite3'];

export default defineConfig([
  globalIgnores(['**/node_modules/', 'dist/', '.swc/', '.data/', 'test-results/', 'coverage/', '.tmp/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/all',
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': {
        typescript: { project: path.join(root, 'tsconfig.base.json') },
        node: true,
      },
    },
    rules: {
      'import/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // Chinese text sets labels with the ideographic space (U+3000): allowed in text, refused in code
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
      // Every control-character class here is deliberate (file names, register cells and cloud
      // paths refuse \u0000-\u001f); the rule has no option to tell those from a typo.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    name: 'project/node',
    files: ['cloudfunctions/**', 'localcloud/**', 'scripts/**', 'config/**', 'test/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Type-aware, but only where it pays: a promise nobody awaits in a function is a write lost
    // when the instance freezes after the reply. Over the whole tree (client and tests too) these
    // rules cost four times the lint's time; here they add about ten seconds.
    name: 'project/server-promises',
    files: ['cloudfunctions/**/*.ts', 'localcloud/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    name: 'project/commonjs',
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'project/tests',
    files: ['test/**'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // a change to the demo seed must reach every test at once
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/^dev-openid-/]', message: 'Name demo people through test/support/demo-identities.ts (WANGLI, ZHOU, …).' },
        { selector: 'TemplateElement[value.raw=/dev-openid-/]', message: 'Name demo people through test/support/demo-identities.ts (WANGLI, ZHOU, …).' },
      ],
    },
  },
  {
    name: 'project/client',
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    name: 'project/shared-no-io',
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'shared/ does no I/O: do it in the function or the client and pass the result in.' })),
          patterns: [{ group: ['node:*'], message: 'shared/ does no I/O and runs in the mini-program: no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'fetch', 'XMLHttpRequest', 'window', 'document', 'wx'],
    },
  },
]);
