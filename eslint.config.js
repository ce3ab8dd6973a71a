// Lint rules, including the layer boundaries: only electron/main and electron/preload import
// electron; only the data layer (db/, services, worker, CLI, tests) imports better-sqlite3; the
// renderer imports no Node module and reaches the back end only through the contract's types.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
  'util',
  'stream',
];

const noElectron = { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import electron.' };
const noSqlite = {
  regex: '^better-sqlite3$',
  message: 'Only the data layer (db/, electron/services, electron/worker) may import better-sqlite3.',
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.native/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noSqlite,
            { group: nodeBuiltins, message: 'The contract is pure TypeScript: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/platform/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noSqlite] }] },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/worker/**/*.ts', 'db/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.cts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSqlite] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Table and Virtual return mutable instances the React Compiler cannot memoize; we do
      // not use the compiler, so the hint is noise.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noSqlite,
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node modules.' },
            {
              group: ['**/electron/services/**', '**/electron/worker/**', '**/db/**', '**/electron/server/**'],
              message: 'The renderer talks to the back end only through the contract (electron/api).',
            },
          ],
        },
      ],
    },
  },
);
