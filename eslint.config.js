// The architecture of DESIGN.md as lint rules: the pure layers import nothing that does I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_AND_IO = [
  { group: ['node:*'], message: 'core/model and core/engine are pure: no Node modules.' },
  { group: ['electron', 'exceljs', 'better-sqlite3', 'react', 'react-dom', 'zustand', 'echarts'], message: 'core/model and core/engine are pure: no I/O or UI libraries.' },
];
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'events', 'stream', 'crypto', 'http', 'https', 'url', 'zlib', 'util'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'renderer/dist/**', 'out/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Function']", message: 'Never build code from text.' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['core/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [...NODE_AND_IO, { group: ['**/engine/**', '**/io/**', '**/store/**', '**/service/**', '**/cli/**', '**/sample/**'], message: 'core/model is the bottom layer.' }] }],
    },
  },
  {
    files: ['core/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [...NODE_AND_IO, { group: ['**/io/**', '**/store/**', '**/service/**', '**/cli/**', '**/sample/**'], message: 'core/engine imports only core/model.' }] }],
    },
  },
  {
    // The option builders serve the screens in the browser and the report's images alike.
    files: ['core/charts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [
        { group: ['node:*'], message: 'core/charts is pure (the renderer imports it): no Node modules.' },
        { group: ['electron', 'exceljs', 'better-sqlite3', 'react', 'react-dom', 'zustand', '@resvg/*'], message: 'core/charts is pure: no I/O or UI libraries.' },
        { group: ['**/io/**', '**/store/**', '**/service/**', '**/cli/**', '**/sample/**'], message: 'core/charts imports only core/model, core/engine and ECharts types.' },
      ] }],
      // Options are plain objects: ECharts itself is loaded by whoever draws them.
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'echarts', message: 'core/charts imports only ECharts types.', allowTypeImports: true }] }],
    },
  },
  {
    // The service sits on core/*: shells call it, it never reaches up into one of them.
    files: ['core/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'react', 'react-dom', 'zustand', 'echarts'], message: 'core/service runs in a worker: no Electron or UI libraries.' },
        { group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/web-shell/**'], message: 'core/service imports only core/*; the shells import it.' },
      ] }],
    },
  },
  {
    // The warehouse SQL is built from core/model and core/engine alone; only run-duckdb.ts talks to a database.
    files: ['core/sql/**/*.ts'],
    ignores: ['core/sql/run-duckdb.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [
        { group: ['node:*'], message: 'core/sql builds SQL text: no Node modules (only run-duckdb.ts does I/O).' },
        { group: ['electron', 'exceljs', 'better-sqlite3', 'react', 'react-dom', 'zustand', 'echarts'], message: 'core/sql builds SQL text: no I/O or UI libraries.' },
        { group: ['@duckdb/*'], message: 'Only core/sql/run-duckdb.ts loads DuckDB.' },
        { group: ['**/io/**', '**/store/**', '**/service/**', '**/cli/**', '**/sample/**'], message: 'core/sql imports only core/model and core/engine.' },
      ] }],
    },
  },
  {
    files: ['core/sql/run-duckdb.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/io/**', '**/store/**', '**/service/**', '**/cli/**', '**/sample/**'], message: 'core/sql imports only core/model and core/engine.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [
        { group: ['node:*', 'electron', 'better-sqlite3', 'exceljs'], message: 'The renderer runs in a browser: no Node.' },
        { group: ['**/core/io/**', '**/core/store/**', '**/core/cli/**', '**/core/sample/**'], message: 'The renderer imports only core/model, core/charts and the service API types.' },
        // The contract holds the schemas and types; everything else in core/service runs in the worker.
        { group: ['**/core/service/**', '!**/core/service/contract', '!**/core/service/contract.js', '!**/core/service/contract.ts'], message: 'The renderer imports only core/service/contract from the service.' },
      ] }],
    },
  },
  {
    // The sandboxed preload can load only 'electron': no Node, and from core/ only the contract's types.
    files: ['electron/preload/**/*.ts', 'electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [{ group: ['node:*'], message: 'The sandboxed preload cannot load Node modules.' }] }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '/core/(?!service/contract\\.js$)', message: 'The preload imports nothing from core/ but the contract.' }, { group: ['**/core/service/contract.js'], message: 'The preload takes only types from the contract (zod stays out of its bundle).', allowTypeImports: true }, { group: ['**/renderer/**'], message: 'The preload does not import the screens.' }] }],
    },
  },
  {
    // The main process's modules get Electron injected, so they run in the unit tests; only the
    // entry (main.ts) and the preload's entry load it.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Inject Electron from main.ts; import only its types here.', allowTypeImports: true }], patterns: [{ group: ['**/renderer/**'], message: 'The main process does not import the screens.' }] }],
    },
  },
);
