// What loki.secretfilter leaves behind must not look like a leak to the project's detectors
// (every test output is scanned by them): masks, REDACTED, `<rule:sha1>` placeholders.

import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../src/detect/index.ts';
import { filterLine } from './helpers.ts';
import { lineFor, SAMPLES } from './samples.ts';

const SETTINGS: Record<string, string | number>[] = [
  {},
  { redact_percent: 100 },
  { redact_percent: 50 },
  { redact_with: '<$SECRET_NAME:$SECRET_HASH>' },
  { redact_with: '$SECRET_HASH' },
  { redact_with: '<ALLOY-REDACTED-SECRET:$SECRET_NAME>' },
];

const cases = SETTINGS.flatMap((s) => Object.entries(SAMPLES).map(([id, sample]) => [JSON.stringify(s), id, sample, s] as const));

describe('detectors on secretfilter output', () => {
  it.each(cases)('with %s, the redacted %s sample is not reported as a credential', (_label, id, sample, settings) => {
    const out = filterLine(lineFor(id, sample), settings).line;
    expect(out).not.toContain(sample);
    expect(detectSecrets(out).filter((f) => f.kind === 'credential')).toEqual([]);
  });
});
