// Unit + API tests: `npx vitest run` (or `npm test`).
// API suites read KEREGE_TEST_PG themselves to add their PostgreSQL half.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files run in parallel, but these machines have 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
