import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { compareGo, goBytes } from '../../src/relabel/go-strings.ts';
import { goToLower, goToUpper } from '../../src/relabel/go-case.ts';

describe('Go string views', () => {
  test.prop([fc.string({ unit: 'grapheme' })])('goBytes of valid text equals its UTF-8 encoding', (s) => {
    expect(Buffer.from(goBytes(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
  });

  test('goBytes turns an escaped invalid byte back into that byte', () => {
    expect([...goBytes('a\udcff')]).toEqual([0x61, 0xff]);
  });

  test.prop([fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })])('compareGo orders by UTF-8 bytes', (a, b) => {
    expect(Math.sign(compareGo(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))));
  });

  test.prop([fc.string({ unit: 'binary-ascii' })])('case mapping of ASCII text equals the plain ASCII mapping', (s) => {
    expect([goToLower(s), goToUpper(s)]).toEqual([s.toLowerCase(), s.toUpperCase()]);
  });

  test('uppercase keeps the ligature ﬀ, which JavaScript expands to FF', () => {
    expect(goToUpper('ﬀ')).toBe('ﬀ');
  });

  test('uppercase maps the Unicode 14 letter ⱟ (Go on Unicode 15, as Alloy is built)', () => {
    expect(goToUpper('\u2c5f')).toBe('\u2c2f');
  });

  test('lowercase maps titlecase ǅ to ǆ', () => {
    expect(goToLower('ǅ')).toBe('ǆ');
  });
});
