import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Differential suites spawn Go; give them room without timing behaviour in assertions.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
