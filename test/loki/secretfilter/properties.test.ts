// Properties of the simulation on arbitrary input.

import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compileSecretFilter } from '../../../src/loki/secretfilter/index.ts';
import { newEntry } from '../../../src/loki/types.ts';
import { secretFilter } from './helpers.ts';

const defaultSim = compileSecretFilter(secretFilter({ redact_percent: 100 }));

describe('loki.secretfilter simulation', () => {
  test.prop([fc.string({ maxLength: 200 })])('forwards exactly one entry for any line', (line) => {
    const out = defaultSim.process(newEntry(line));
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe('forward');
  });

  test.prop([fc.string({ maxLength: 200 })])('leaves the caller’s entry untouched', (line) => {
    const e = newEntry(line);
    defaultSim.process(e);
    expect(e.line).toBe(line);
    expect(e.unknown).toEqual([]);
  });

  test.prop([fc.stringMatching(/^[a-j ]{0,80}$/)])('forwards unchanged and unmarked a line no rule keyword or credential can be in', (line) => {
    const [out] = defaultSim.process(newEntry(line));
    if (out?.kind !== 'forward') throw new Error('not forwarded');
    expect(out.entry.line).toBe(line);
    expect(out.entry.unknown).toEqual([]);
  });
});
