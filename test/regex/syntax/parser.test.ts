import { describe, expect, it } from 'vitest';
import { parseRegex } from '../../../src/regex/syntax/parser.ts';
import { RegexSyntaxError } from '../../../src/regex/types.ts';

function goError(pattern: string): string {
  try {
    parseRegex(pattern);
  } catch (e) {
    expect(e).toBeInstanceOf(RegexSyntaxError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

const accepts = (pattern: string): boolean => parseRegex(pattern).numCap >= 0;

describe('patterns Go rejects, with Go error text', () => {
  it('rejects lookahead as unsupported Perl syntax', () => {
    expect(goError('a(?=b)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  });

  it('rejects negative lookahead', () => {
    expect(goError('(?!b)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?!`');
  });

  it('rejects lookbehind as an invalid named capture, as Go 1.22+ does', () => {
    expect(goError('(?<=a)b')).toBe('error parsing regexp: invalid named capture: `(?<=a)b`');
  });

  it('rejects negative lookbehind as an invalid named capture', () => {
    expect(goError('(?<!a)b')).toBe('error parsing regexp: invalid named capture: `(?<!a)b`');
  });

  it('rejects a lookbehind followed later by > with the text up to that >', () => {
    expect(goError('(?<=a)>')).toBe('error parsing regexp: invalid named capture: `(?<=a)>`');
  });

  it('rejects backreferences as invalid escapes', () => {
    expect(goError('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
  });

  it('rejects \\8 and \\9', () => {
    expect(goError('\\8')).toBe('error parsing regexp: invalid escape sequence: `\\8`');
  });

  it('rejects possessive quantifiers as nested repetition', () => {
    expect(goError('a++')).toBe('error parsing regexp: invalid nested repetition operator: `++`');
  });

  it('rejects a counted repeat after another repeat with both operators in the text', () => {
    expect(goError('a*{2}?')).toBe('error parsing regexp: invalid nested repetition operator: `*{2}?`');
  });

  it('rejects repeat counts above 1000', () => {
    expect(goError('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
  });

  it('rejects a range whose minimum exceeds its maximum', () => {
    expect(goError('a{3,2}')).toBe('error parsing regexp: invalid repeat count: `{3,2}`');
  });

  it('rejects nested counted repeats that multiply beyond 1000', () => {
    expect(goError('(a{100}){11}')).toBe('error parsing regexp: invalid repeat count: `{11}`');
  });

  it('rejects counts of 1e8 and more as invalid repeat counts', () => {
    expect(goError('a{100000000}')).toBe('error parsing regexp: invalid repeat count: `{100000000}`');
  });

  it('rejects a repetition with nothing to repeat', () => {
    expect(goError('a|*')).toBe('error parsing regexp: missing argument to repetition operator: `*`');
  });

  it('rejects \\C, which Go does not support', () => {
    expect(goError('a\\C')).toBe('error parsing regexp: invalid escape sequence: `\\C`');
  });

  it('rejects \\Z, which is not an escape in Go', () => {
    expect(goError('a\\Z')).toBe('error parsing regexp: invalid escape sequence: `\\Z`');
  });

  it('rejects an escaped non-ASCII character', () => {
    expect(goError('\\é')).toBe('error parsing regexp: invalid escape sequence: `\\é`');
  });

  it('rejects a missing closing parenthesis with the whole pattern', () => {
    expect(goError('x(a|b')).toBe('error parsing regexp: missing closing ): `x(a|b`');
  });

  it('rejects an unexpected closing parenthesis with the whole pattern', () => {
    expect(goError('ab)c')).toBe('error parsing regexp: unexpected ): `ab)c`');
  });

  it('rejects a missing closing bracket with the class text', () => {
    expect(goError('x[ab')).toBe('error parsing regexp: missing closing ]: `[ab`');
  });

  it('rejects a trailing backslash with empty text', () => {
    expect(goError('ab\\')).toBe('error parsing regexp: trailing backslash at end of expression: ``');
  });

  it('rejects a reversed class range', () => {
    expect(goError('[z-a]')).toBe('error parsing regexp: invalid character class range: `z-a`');
  });

  it('rejects an unknown POSIX class', () => {
    expect(goError('[[:foo:]]')).toBe('error parsing regexp: invalid character class range: `[:foo:]`');
  });

  it('rejects an unknown Unicode class', () => {
    expect(goError('\\p{Klingon}')).toBe('error parsing regexp: invalid character class range: `\\p{Klingon}`');
  });

  it('rejects an unclosed \\p{ with the rest of the pattern', () => {
    expect(goError('\\p{Greek')).toBe('error parsing regexp: invalid character class range: `\\p{Greek`');
  });

  it('rejects an invalid group name', () => {
    expect(goError('(?P<a-b>x)')).toBe('error parsing regexp: invalid named capture: `(?P<a-b>`');
  });

  it('rejects an empty group name', () => {
    expect(goError('(?<>x)')).toBe('error parsing regexp: invalid named capture: `(?<>`');
  });

  it('rejects a flag group with a dangling minus', () => {
    expect(goError('(?i-)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`');
  });

  it('rejects an unknown flag', () => {
    expect(goError('(?x)a')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?x`');
  });

  it('rejects Python-style named backreferences', () => {
    expect(goError('(?P=n)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?P`');
  });

  it('rejects a code point above U+10FFFF', () => {
    expect(goError('\\x{110000}')).toBe('error parsing regexp: invalid escape sequence: `\\x{110000`');
  });

  it('rejects an empty \\x{}', () => {
    expect(goError('\\x{}')).toBe('error parsing regexp: invalid escape sequence: `\\x{}`');
  });

  it('rejects invalid UTF-8 (a lone surrogate byte) with the rest of the pattern', () => {
    expect(goError('ab\udcffcd')).toBe('error parsing regexp: invalid UTF-8: `\udcffcd`');
  });

  it('reports invalid UTF-8 in a group name with the rest of the name only', () => {
    expect(goError('(?P<a\udcffb>x)')).toBe('error parsing regexp: invalid UTF-8: `\udcffb`');
  });

  it('rejects nesting deeper than 1000', () => {
    expect(goError('('.repeat(1001) + ')'.repeat(1001))).toMatch(/^error parsing regexp: expression nests too deeply: /);
  });

  it('rejects expressions whose compiled size would exceed Go\'s limit', () => {
    expect(goError('(?:' + 'abcdefghij'.repeat(400) + '){1000}')).toMatch(/^error parsing regexp: expression too large: /);
  });
});

describe('patterns Go accepts', () => {
  it('accepts (?<name>…) as Go 1.22+ does', () => {
    expect(parseRegex('(?<year>\\d+)').names).toEqual(['', 'year']);
  });

  it('accepts (?P<name>…)', () => {
    expect(parseRegex('(?P<year>\\d+)').names).toEqual(['', 'year']);
  });

  it('accepts duplicate group names', () => {
    expect(parseRegex('(?P<n>a)(?P<n>b)').names).toEqual(['', 'n', 'n']);
  });

  it('counts only capturing groups', () => {
    expect(parseRegex('(a)(?:b)(?i:c)(?P<d>d)').numCap).toBe(2);
  });

  it('accepts every flag and flag group', () => {
    expect(accepts('(?i)(?s)(?m)(?U)(?i:a)(?-s:b)(?im-sU:c)(?)')).toBe(true);
  });

  it('accepts \\pL, \\p{Greek}, \\PL, \\p{^Lu} and \\pN', () => {
    expect(accepts('\\pL\\p{Greek}\\PL\\p{^Lu}\\pN')).toBe(true);
  });

  it('accepts POSIX classes inside brackets', () => {
    expect(accepts('[[:alpha:][:^digit:]]')).toBe(true);
  });

  it('accepts \\Q…\\E and an unterminated \\Q', () => {
    expect(accepts('\\Q.*\\E\\Q+?')).toBe(true);
  });

  it('accepts \\A, \\z, \\b and \\B', () => {
    expect(accepts('\\A\\b\\B\\z')).toBe(true);
  });

  it('reads \\10 as an octal escape, not a backreference', () => {
    expect(parseRegex('\\10').root).toMatchObject({ op: 'literal', rune: 8, fold: false });
  });

  it('reads a { that does not start a count as a literal', () => {
    expect(accepts('a{,5}b{x}c{')).toBe(true);
  });

  it('applies a repetition after a flag group to the item before it', () => {
    expect(parseRegex('a(?i)*').root).toMatchObject({ op: 'repeat', min: 0, max: -1, sub: { op: 'literal', rune: 0x61 } });
  });

  it('makes (?U) swap greedy and lazy repetition', () => {
    expect(parseRegex('(?U)a+b+?').root).toMatchObject({
      op: 'concat',
      subs: [{ op: 'repeat', greedy: false }, { op: 'repeat', greedy: true }],
    });
  });

  it('accepts nesting of exactly 999 groups', () => {
    expect(parseRegex('('.repeat(999) + 'a' + ')'.repeat(999)).numCap).toBe(999);
  });
});

describe('flags shape the parse tree', () => {
  it('makes $ the end of text without (?m)', () => {
    expect(parseRegex('$').root).toEqual({ op: 'endText' });
  });

  it('makes $ the end of a line with (?m)', () => {
    expect(parseRegex('(?m)$').root).toEqual({ op: 'endLine' });
  });

  it('makes . exclude newline without (?s)', () => {
    expect(parseRegex('.').root).toEqual({ op: 'anyCharNotNL' });
  });

  it('restores flags at the end of the group that set them', () => {
    expect(parseRegex('((?s).).').root).toMatchObject({
      op: 'concat',
      subs: [{ op: 'capture', sub: { op: 'anyChar' } }, { op: 'anyCharNotNL' }],
    });
  });

  it('folds case in a class under (?i) including Kelvin sign and long s', () => {
    expect(parseRegex('(?i)[ks]').root).toEqual({
      op: 'class',
      ranges: [0x4b, 0x4b, 0x53, 0x53, 0x6b, 0x6b, 0x73, 0x73, 0x17f, 0x17f, 0x212a, 0x212a],
    });
  });

  it('excludes long s and Kelvin sign from (?i)\\W, as Go does', () => {
    const root = parseRegex('(?i)\\W').root as { op: 'class'; ranges: number[] };
    const contains = (c: number) => root.ranges.some((_, i) => i % 2 === 0 && root.ranges[i]! <= c && c <= root.ranges[i + 1]!);
    expect([contains(0x17f), contains(0x212a), contains(0x21)]).toEqual([false, false, true]);
  });
});
