import { describe, expect, it } from 'vitest';
import { charWidthAt, goText, OffsetMap } from '../../src/regex/text.ts';

describe('goText', () => {
  it('replaces each lone surrogate with one U+FFFD, keeping indices', () => {
    expect(goText('a\udcffb\udc80')).toBe('a\uFFFDb\uFFFD');
  });

  it('keeps surrogate pairs', () => {
    expect(goText('😀')).toBe('😀');
  });

  it('returns well-formed text unchanged', () => {
    expect(goText('héllo')).toBe('héllo');
  });
});

describe('charWidthAt', () => {
  it('is 2 at the start of an astral character', () => {
    expect(charWidthAt('😀', 0)).toBe(2);
  });

  it('is 1 for a lone surrogate', () => {
    expect(charWidthAt('\udcff', 0)).toBe(1);
  });

  it('is 0 at the end', () => {
    expect(charWidthAt('a', 1)).toBe(0);
  });
});

describe('OffsetMap', () => {
  const map = new OffsetMap('aé中😀b');

  it('maps byte offsets of character starts to string indices', () => {
    expect([0, 1, 3, 6, 10, 11].map((b) => map.toIndex(b))).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it('maps string indices back to byte offsets', () => {
    expect([0, 1, 2, 3, 5, 6].map((i) => map.toByte(i))).toEqual([0, 1, 3, 6, 10, 11]);
  });

  it('does not treat the middle of a 4-byte character as a boundary', () => {
    expect([map.isBoundary(6), map.isBoundary(8), map.isBoundary(10)]).toEqual([true, false, true]);
  });

  it('refuses a byte offset inside a character', () => {
    expect(() => map.toIndex(2)).toThrow(/not a character boundary/);
  });
});
