// Every detector documents examples it must hit and near-misses it must not; these tests hold
// each detector to its own documentation.

import { describe, expect, it } from 'vitest';
import { DETECTORS, detectSecrets } from '../../src/detect/index.ts';

const examples = DETECTORS.flatMap((d) => d.examples.map((text) => [d.id, text] as const));
const nearMisses = DETECTORS.flatMap((d) => d.nearMisses.map((text) => [d.id, text] as const));

describe('detector documentation', () => {
  it('gives every detector at least one example and one near-miss', () => {
    expect(DETECTORS.filter((d) => d.examples.length === 0 || d.nearMisses.length === 0).map((d) => d.id)).toEqual([]);
  });

  it('uses unique detector ids', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(examples)('%s hits its example %j', (id, text) => {
    expect(detectSecrets(text).map((f) => f.detector)).toContain(id);
  });

  it.each(nearMisses)('%s stays silent on its near-miss %j', (id, text) => {
    expect(detectSecrets(text).filter((f) => f.detector === id)).toEqual([]);
  });
});
