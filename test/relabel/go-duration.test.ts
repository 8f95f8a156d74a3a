import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { formatGoDuration, parseGoDuration } from '../../src/relabel/go-duration.ts';

describe('Go durations', () => {
  test('parses mixed units with a fraction', () => {
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500_000_000n);
  });

  test('refuses a number without a unit', () => {
    expect(parseGoDuration('10')).toBeUndefined();
  });

  test('formats like Duration.String', () => {
    expect([0n, 1_500n, 250_000_000n, 60_000_000_000n, 3_723_500_000_000n].map(formatGoDuration)).toEqual(['0s', '1.5µs', '250ms', '1m0s', '1h2m3.5s']);
  });

  test.prop([fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })])('parsing a formatted duration gives it back', (ns) => {
    expect(parseGoDuration(formatGoDuration(ns))).toBe(ns);
  });
});
