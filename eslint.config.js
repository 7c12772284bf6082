import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['scratch/', 'dist/', 'node_modules/', 'coverage/', 'schemas/', 'fixtures/', 'bench/archive/', 'bench/out*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/batch/**'],
    rules: {
      // diagnostics travel with results; only the CLI and batch layers talk to the terminal
      'no-console': 'error',
    },
  },
  {
    files: ['src/parse/**/*.ts'],
    ignores: ['src/parse/index.ts'],
    rules: {
      // a recogniser reads what another found through the parse document and its claims, never its internals
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/parse/sections.js', '**/parse/peers.js', '**/parse/metadata.js', '**/parse/decisions.js', './sections.js', './peers.js', './metadata.js', './decisions.js', '../sections.js', '../peers.js', '../metadata.js', '../decisions.js', '../../sections.js', '../../peers.js', '../../metadata.js', '../../decisions.js', './recommendations/*', '../recommendations/*'], message: 'a recogniser may not import another recogniser: read found values and doc.claimedBy(i)' }] }],
    },
  },
);
