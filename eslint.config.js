import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Folders are the process boundary: electron/core runs in plain Node (CLI, tests, web harness),
// renderer/ runs sandboxed in the browser, electron/common and electron/contract are shared by both.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'child_process', 'os', 'http', 'net', 'stream', 'zlib'];
// The window reaches the core only through the contract: never by importing it.
const theCore = ['**/electron/core', '**/electron/core/**', './core/**', '../core/**', '../../core/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron/core runs in plain Node: keep Electron in electron/main.' }] },
      ],
    },
  },
  {
    // The browser verifier page: no Node either (tsconfig.verifier.json holds the core files it bundles to the same rule).
    files: ['verifier/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The verifier page runs in any browser.' }],
          patterns: [{ group: nodeBuiltins, message: 'The verifier page runs in a browser: no Node modules.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array: the verifier page runs in a browser.' },
        { name: 'process', message: 'The verifier page runs in a browser.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/common/**/*.ts', 'electron/contract.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is sandboxed: use the typed api client.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer is sandboxed and never reaches Node modules.' },
            {
              group: theCore,
              message:
                'The window reaches electron/core only through the contract (renderer/api.ts); share code via electron/common.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'verifier/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
