import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** the pipeline is pure: it never imports the Node edge, batch or cli */
const PIPELINE_STAYS_PURE = { regex: String.raw`^(\.\.?/)+(cli|batch|runtime)/`, message: 'the pipeline is pure: it never imports the Node edge, batch or cli' };

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
    files: ['src/**/*.ts'],
    rules: {
      // each spread argument goes on the stack: past ~120,000 items (lines of a page, cells of a row) it overflows
      'no-restricted-syntax': ['error', { selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement', message: 'spreading an array into arguments overflows the stack on long inputs: use maxOf, minOf or appendAll from src/arrays.ts' }],
    },
  },
  // imports run one way: cli → batch → runtime → pipeline (load, layout, parse, model, emit, diff)
  {
    files: ['src/batch/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^(\.\./)+cli/`, message: 'batch never imports cli: shared code belongs in src/runtime/' }] }],
    },
  },
  {
    files: ['src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^(\.\./)+(cli|batch)/`, message: 'the runtime edge imports only the pipeline' }] }],
    },
  },
  {
    files: ['src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^\./cli/`, message: 'the library face never exports from cli: move it to src/runtime/' }] }],
    },
  },
  {
    files: ['src/{load,layout,model,emit,diff}/**/*.ts', 'src/*.ts'],
    ignores: ['src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PIPELINE_STAYS_PURE] }],
    },
  },
  {
    files: ['src/parse/**/*.ts'],
    ignores: ['src/parse/index.ts', 'src/parse/cues/**'],
    rules: {
      // a recogniser reads what another found through the parse document and its claims, never its internals
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^(\.\.?/)+((sections|peers|metadata|decisions)\.js$|recommendations/)`, message: 'a recogniser may not import another recogniser: read found values and doc.claimedBy(i)' }, PIPELINE_STAYS_PURE] }],
    },
  },
  {
    files: ['src/parse/cues/**/*.ts'],
    rules: {
      // cue tables are data: they import one another and the text helpers, never a recogniser
      'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^\.\./(?!text\.js$|\.\./model/report\.js$)`, message: 'a cue table imports only other cue tables, ../text.js and model types' }, PIPELINE_STAYS_PURE] }],
    },
  },
);
