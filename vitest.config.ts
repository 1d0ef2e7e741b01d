import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests run thousands of engine runs; give them room on a 2-core machine.
    testTimeout: 120_000,
    pool: 'forks',
  },
});
