import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// The package's own name resolves to its TypeScript sources in this repository's tests (the
// `alloy-scrub-source` export condition); consumers get the built dist/.
const conditions = ['alloy-scrub-source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['alloy-scrub-source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Differential suites spawn Go; give them room without timing behaviour in assertions.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
