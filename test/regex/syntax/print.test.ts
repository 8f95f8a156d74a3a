import { describe, expect, it } from 'vitest';
import { parseRegex } from '../../../src/regex/syntax/parser.ts';
import { printForBackend } from '../../../src/regex/syntax/print.ts';

const print = (p: string) => printForBackend(parseRegex(p).root);

describe('printing for backends spells out what Go decided', () => {
  it('drops group names so no backend rejects duplicates', () => {
    expect(print('(?P<n>a)(?<n>b)')).toBe('(a)(b)');
  });

  it('writes a case-insensitive literal as its folding orbit', () => {
    expect(print('(?i)k')).toBe('[Kk\\x{212a}]');
  });

  it('writes . without (?s) as everything but newline', () => {
    expect(print('.')).toBe('[^\\n]');
  });

  it('writes $ without (?m) as end of text', () => {
    expect(print('a$')).toBe('a\\z');
  });

  it('writes (?U) repetitions with explicit laziness', () => {
    expect(print('(?U)a*')).toBe('(?:a)*?');
  });

  it("writes x* over a nullable x as Go compiles it, (x+)?, in a form C++ RE2 keeps", () => {
    expect(print('(a|)*')).toBe('(?:(?:((?:a|(?:))))+|)');
  });

  it('writes a class that matches nothing explicitly', () => {
    expect(print('[^\\x00-\\x{10FFFF}]')).toBe('[^\\x00-\\x{10FFFF}]');
  });

  it('leaves surrogate code points out of classes', () => {
    expect(print('\\p{Cs}')).toBe('[^\\x00-\\x{10FFFF}]');
  });
});
