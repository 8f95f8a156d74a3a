import { describe, expect, it } from 'vitest';
import { classContains, foldOrbit, minFoldRune, negateClass, posixClass, simpleFold, unicodeTable } from '../../../src/regex/unicode/classes.ts';

describe('simple case folding as Go defines it', () => {
  it('puts k, K and the Kelvin sign in one orbit', () => {
    expect(foldOrbit(0x6b)).toEqual([0x4b, 0x6b, 0x212a]);
  });

  it('puts s, S and long s in one orbit', () => {
    expect(foldOrbit(0x17f)).toEqual([0x53, 0x73, 0x17f]);
  });

  it('steps SimpleFold to the next larger member and wraps around', () => {
    expect([simpleFold(0x4b), simpleFold(0x6b), simpleFold(0x212a)]).toEqual([0x6b, 0x212a, 0x4b]);
  });

  it('leaves runes without case alone', () => {
    expect([simpleFold(0x31), minFoldRune(0x4e2d)]).toEqual([0x31, 0x4e2d]);
  });
});

describe('Unicode tables', () => {
  it('knows categories and scripts by Go name', () => {
    const greek = unicodeTable('Greek')!.table;
    expect([classContains(greek, 0x3b1), classContains(greek, 0x61)]).toEqual([true, false]);
  });

  it('has no table for unknown names', () => {
    expect(unicodeTable('Klingon')).toBeNull();
  });

  it('gives Any as every code point', () => {
    expect(unicodeTable('Any')!.table).toEqual([0, 0x10ffff]);
  });

  it('defines C without unassigned code points, as Go does', () => {
    expect(classContains(unicodeTable('C')!.table, 0x378)).toBe(false);
  });
});

describe('POSIX classes', () => {
  it('reads a negated POSIX class', () => {
    expect(posixClass('[:^digit:]')).toEqual({ negated: true, ranges: [0x30, 0x39] });
  });

  it('rejects an unknown name', () => {
    expect(posixClass('[:foo:]')).toBeNull();
  });
});

describe('negateClass', () => {
  it('returns the complement over all code points', () => {
    expect(negateClass([0x61, 0x7a])).toEqual([0, 0x60, 0x7b, 0x10ffff]);
  });
});
