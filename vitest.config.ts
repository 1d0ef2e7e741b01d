import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Test files outside renderer/ do not see its tsconfig's "jsx": "react-jsx".
  esbuild: { jsx: 'automatic' },
  test: {
    // .tsx: the renderer's screen tests (each sets `// @vitest-environment jsdom`).
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Property tests run thousands of engine runs; give them room on a 2-core machine.
    testTimeout: 120_000,
    pool: 'forks',
  },
});
