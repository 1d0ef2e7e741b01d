// The architecture of DESIGN.md as lint rules: the pure layers import nothing that does I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_AND_IO = [
  { group: ['node:*'], message: 'core/model and core/engine are pure: no Node modules.' },
  { group: ['electron', 'exceljs', 'better-sqlite3', 'react', 'react-dom', 'zustand', 'echarts'], message: 'core/model and core/engine are pure: no I/O or UI libraries.' },
];
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'events', 'stream', 'crypto', 'http', 'https', 'url', 'zlib', 'util'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-output/**'] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [{ group: ['node:*', 'electron', 'better-sqlite3', 'exceljs'], message: 'The renderer runs in a browser: no Node.' }, { group: ['**/core/io/**', '**/core/store/**', '**/core/cli/**', '**/core/sample/**'], message: 'The renderer imports only core/model, core/charts and the service API types.' }] }],
    },
  },
);
