// Go behaviours the simulation relies on: strings.ReplaceAll with an empty pattern, gitleaks'
// byte-length entropy, math.RoundToEven, strings.ToLower, and gitleaks' line arithmetic.

import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { gitleaksEntropy, goReplaceAll, goToLower, roundToEven, trimNewlines } from '../../../src/loki/secretfilter/go-strings.ts';
import { locate } from '../../../src/loki/secretfilter/location.ts';

describe('Go string helpers', () => {
  test('ReplaceAll with an empty pattern inserts the replacement around every character', () => {
    expect(goReplaceAll('ab', '', '-')).toBe('-a-b-');
  });

  test('ReplaceAll with an empty pattern treats a surrogate pair as one character', () => {
    expect(goReplaceAll('😀', '', '-')).toBe('-😀-');
  });

  test.prop([fc.string(), fc.string({ minLength: 1, maxLength: 3 }), fc.string({ maxLength: 3 })])('ReplaceAll with a pattern leaves no occurrence that did not come from the replacement', (s, old, repl) => {
    fc.pre(!repl.includes(old) && !old.split('').some((c) => repl.includes(c)));
    expect(goReplaceAll(s, old, repl).includes(old)).toBe(false);
  });

  test('entropy divides rune counts by the byte length', () => {
    expect(gitleaksEntropy('ab')).toBe(1);
    // "é" is two bytes: each of the two runes has frequency 1/3, not 1/2.
    expect(gitleaksEntropy('éa')).toBeCloseTo((2 / 3) * Math.log2(3), 12);
  });

  test('entropy of one repeated character is zero', () => {
    expect(gitleaksEntropy('aaaa')).toBe(0);
  });

  test('RoundToEven rounds halves to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6].map(roundToEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });

  test('ToLower maps İ to a single i as unicode.ToLower does', () => {
    expect(goToLower('İX')).toBe('ix');
  });

  test('Trim removes newlines at both ends only', () => {
    expect(trimNewlines('\n\na\nb\n')).toBe('a\nb');
  });
});

describe('gitleaks line arithmetic', () => {
  test('a single-line entry is its own line', () => {
    expect(locate('token=abc', 6, 9)).toMatchObject({ startLine: 0, startColumn: 7, line: 'token=abc' });
  });

  test('a middle line’s text starts at the newline before it', () => {
    expect(locate('A\nB x\nC', 4, 5).line).toBe('\nB x');
  });

  test('a match on a last line without trailing newline gets everything from the entry’s start', () => {
    expect(locate('A\nB x', 4, 5)).toMatchObject({ startLine: 1, line: 'A\nB x' });
  });
});
