import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/regex/index.ts';

describe('FindAll iteration follows Go', () => {
  it('reports an empty match at the end but not one abutting the previous match', () => {
    expect(compileRegex('a*').findAllStringIndex('baaac', -1)).toEqual([
      [0, 0],
      [1, 4],
      [5, 5],
    ]);
  });

  it('stops after n matches when n is non-negative', () => {
    expect(compileRegex('a').findAllStringIndex('aaaa', 2)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('returns no matches when n is zero', () => {
    expect(compileRegex('a').findAllStringIndex('aaaa', 0)).toEqual([]);
  });

  it('advances over a whole astral character after an empty match', () => {
    expect(compileRegex('x*').findAllStringIndex('😀', -1)).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('reports -1 for groups that did not participate', () => {
    expect(compileRegex('(a)|(b)').findAllStringSubmatchIndex('ab', -1)).toEqual([
      [0, 1, 0, 1, -1, -1],
      [1, 2, -1, -1, 1, 2],
    ]);
  });
});

describe('ReplaceAll follows Go', () => {
  it('does not replace an empty match that abuts a previous match', () => {
    expect(compileRegex('a*').replaceAllString('baaac', 'X')).toBe('XbXcX');
  });

  it('expands named and numbered groups in ReplaceAllString', () => {
    expect(compileRegex('(?P<k>\\w+)=(\\w+)').replaceAllString('a=b', '${k}:$2')).toBe('a:b');
  });

  it('reads $1x as the group named 1x, which is empty', () => {
    expect(compileRegex('(\\w+)').replaceAllString('ab', '<$1x>')).toBe('<>');
  });

  it('keeps $ signs literally in ReplaceAllLiteralString', () => {
    expect(compileRegex('b').replaceAllLiteralString('abc', '$1$$')).toBe('a$1$$c');
  });

  it('passes each match to the function in ReplaceAllStringFunc', () => {
    expect(compileRegex('[a-z]+').replaceAllStringFunc('ab 12 cd', (m) => m.toUpperCase())).toBe('AB 12 CD');
  });
});

describe('invalid UTF-8 (lone surrogates) reads as U+FFFD', () => {
  it('matches an escaped invalid byte with \\x{FFFD}', () => {
    expect(compileRegex('\\x{FFFD}').findStringIndex('a\udc80')).toEqual([1, 2]);
  });

  it('matches an escaped invalid byte with dot', () => {
    expect(compileRegex('a.b').matchString('a\udcffb')).toBe(true);
  });
});

describe('submatch accessors follow Go', () => {
  it('gives undefined for a group that did not participate in FindStringSubmatch', () => {
    expect(compileRegex('(a)|(b)').findStringSubmatch('b')).toEqual(['b', undefined, 'b']);
  });

  it('returns null from FindStringSubmatchIndex when nothing matches', () => {
    expect(compileRegex('x').findStringSubmatchIndex('abc')).toBeNull();
  });

  it('finds the first of several groups with the same name in SubexpIndex', () => {
    expect(compileRegex('(?P<n>a)(?P<n>b)').subexpIndex('n')).toBe(1);
  });

  it('never finds the empty name in SubexpIndex', () => {
    expect(compileRegex('(a)').subexpIndex('')).toBe(-1);
  });

  it('lists names with "" for unnamed groups in SubexpNames', () => {
    expect(compileRegex('(a)(?P<x>b)').subexpNames()).toEqual(['', '', 'x']);
  });
});
