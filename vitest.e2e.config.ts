// Browser journeys: `npx vitest run --config vitest.e2e.config.ts`.
// Needs the built server (`node scripts/build.mjs --force`) and /usr/bin/chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    // a server's first start loads the demo (support.ts startServer waits up to 150 s)
    hookTimeout: 180_000,
    // One journey at a time: each starts a server and a Chromium.
    fileParallelism: false,
  },
});
