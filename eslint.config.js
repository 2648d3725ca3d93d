// ESLint flat config. Besides the usual rules it enforces the one-way layering of DEVELOPERS.md:
//   core  <-  worker / ingest / lib  <-  state  <-  components/ui  <-  features  <-  app
// src/core imports nothing outside itself (no React, no DOM libraries, no Node); components/ui never touch the
// store; features never import each other. No barrel (index.ts) files anywhere.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'url',
  'child_process',
  'crypto',
  'util',
  'stream',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      '.e2e-dist',
      'test-results',
      'playwright-report',
      '.eval',
      'src/core/__fixtures__',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // No barrel files: import the module that defines the thing.
    files: ['src/**/index.ts', 'src/**/index.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'No barrel files: import from the defining module instead.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[
              'react',
              'react-dom',
              'zustand',
              'dompurify',
              '@mozilla/readability',
              'idb-keyval',
              'jsdom',
            ].map((name) => ({
              name,
              message: 'src/core is pure TypeScript: no UI, DOM or storage libraries.',
            })),
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not use Node APIs.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core must not use Node APIs.' },
            {
              group: [
                '**/app/**',
                '**/features/**',
                '**/state/**',
                '**/worker/**',
                '**/ingest/**',
                '**/components/**',
                '**/cli/**',
                '**/lib/**',
              ],
              message: 'src/core imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zustand', message: 'components/ui are presentational: props in, JSX out.' }],
          patterns: [
            {
              group: ['**/state/**', '**/features/**', '**/app/**', '**/worker/**'],
              message: 'components/ui do not touch the store, features or app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^.]',
              message: 'Features do not import each other; lift shared code to components/ or lib/.',
            },
            { group: ['**/app/**'], message: 'Features do not import the app layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/lib/**/*.ts', 'src/ingest/**/*.ts', 'src/worker/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/**', '**/components/**'],
              message: 'Lower layers do not import UI layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'e2e/**/*.ts',
      '*.config.{js,ts}',
      'src/**/*.test.{ts,tsx}',
      'src/test/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
