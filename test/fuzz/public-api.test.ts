// The fuzzer as a library, the way a user's own vitest suite uses it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { loadConfig } from '../../src/config/load.ts';
import { processLogs } from '../../src/harness/library.ts';
import { fuzzEntries, secretSurvives } from '../../src/fuzz/index.ts';
import { ROOT } from './load-runner.ts';

const file = resolve(ROOT, 'samples/corrected/hardening-corrected.alloy');
const model = loadConfig(readFileSync(file, 'utf8'), file, { env: {} });

describe('fuzz generators in a user property test', () => {
  test.prop([fuzzEntries({ secrets: ['bearer-token', 'basic-auth'], contexts: ['http-header', 'json'] })], { numRuns: 50 })(
    'the corrected config lets no Authorization credential through',
    (e) => {
      for (const out of processLogs(model, 'loki.process.scrub_secrets', [e.line])) expect(secretSurvives(e, out.line)).toBe(false);
    },
  );

  test.prop([fuzzEntries({ secrets: ['aws-access-key-id'], contexts: ['text'] })])('an unscrubbed line holds its secret', (e) => {
    expect(secretSurvives(e, e.line)).toBe(true);
  });
});
