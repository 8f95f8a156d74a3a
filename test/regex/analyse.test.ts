import { describe, expect, it } from 'vitest';
import { analyseRegex, caseFoldKey, mayMatch } from '../../src/regex/analyse.ts';
import { compileRegex } from '../../src/regex/index.ts';
import { RegexSyntaxError } from '../../src/regex/types.ts';

const required = (p: string) => analyseRegex(p).requiredLiterals;

describe('analyseRegex: groups and empty matches', () => {
  it('counts capture groups and names them as Go does', () => {
    expect(analyseRegex('(?P<user>\\w+):(\\d+)(?:x)(?<host>h)')).toMatchObject({
      numSubexp: 3,
      subexpNames: ['', 'user', '', 'host'],
    });
  });

  it('says a pattern of optional parts can match empty', () => {
    expect(analyseRegex('a*(b|)').canMatchEmpty).toBe(true);
  });

  it('says a pattern of only assertions can match empty', () => {
    expect(analyseRegex('^\\b$').canMatchEmpty).toBe(true);
  });

  it('says a pattern that needs a character cannot match empty', () => {
    expect(analyseRegex('a*b').canMatchEmpty).toBe(false);
  });

  it('throws Go\'s error for a pattern Go rejects', () => {
    expect(() => analyseRegex('(?=x)')).toThrow(RegexSyntaxError);
  });
});

describe('analyseRegex: required literals', () => {
  it('requires the literal prefix of a key=value rule', () => {
    expect(required('password=(\\S+)')).toEqual({ alternatives: ['password='], caseFolded: false });
  });

  it('requires one of the alternatives of an alternation', () => {
    expect(required('token|secret')).toEqual({ alternatives: ['secret', 'token'], caseFolded: false });
  });

  it('multiplies small classes into literals', () => {
    expect(required('[Pp]ass')).toEqual({ alternatives: ['Pass', 'pass'], caseFolded: false });
  });

  it('gives case-fold keys under (?i)', () => {
    expect(required('(?i)bearer ')).toEqual({ alternatives: ['BEARER '], caseFolded: true });
  });

  it('gives fold keys that cover the Kelvin sign and long s', () => {
    const req = required('(?i)kiss')!;
    expect([mayMatch(req, '\u212Ai\u017Fs'), mayMatch(req, 'KISS'), mayMatch(req, 'kis')]).toEqual([true, true, false]);
  });

  it('keeps the longest literal of a concatenation', () => {
    expect(required('\\d+ apikey=\\w+ x')).toEqual({ alternatives: [' apikey='], caseFolded: false });
  });

  it('requires a literal inside a one-or-more repetition', () => {
    expect(required('(?:abc)+')).toEqual({ alternatives: ['abc'], caseFolded: false });
  });

  it('proves nothing for a pattern without literals', () => {
    expect(required('\\d{16}')).toBeNull();
  });

  it('proves nothing when an alternative has no literal', () => {
    expect(required('secret|\\d+')).toBeNull();
  });

  it('proves nothing when the literal is optional', () => {
    expect(required('(?:secret)?\\w+')).toBeNull();
  });
});

describe('mayMatch', () => {
  it('is false when no required literal occurs', () => {
    expect(mayMatch(required('password='), 'user=bob')).toBe(false);
  });

  it('is true without requirements', () => {
    expect(mayMatch(null, 'anything')).toBe(true);
  });

  it('finds U+FFFD in text with invalid bytes, as Go matches it', () => {
    const req = required('\\x{FFFD}x');
    expect([mayMatch(req, '\udcffx'), compileRegex('\\x{FFFD}x').matchString('\udcffx')]).toEqual([true, true]);
  });
});

describe('caseFoldKey', () => {
  it('maps every member of a folding orbit to the same key', () => {
    expect(new Set(['K', 'k', '\u212A'].map(caseFoldKey)).size).toBe(1);
  });

  it('maps long s with s', () => {
    expect(caseFoldKey('\u017F')).toBe(caseFoldKey('s'));
  });

  it('leaves characters without case alone', () => {
    expect(caseFoldKey('1-中')).toBe('1-中');
  });
});
