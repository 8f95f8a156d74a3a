import { describe, expect, it } from 'vitest';
import {
  availableEngines,
  compileRegex,
  getDefaultEngine,
  quoteMeta,
  RegexSyntaxError,
  setDefaultEngine,
  type EngineName,
} from '../../src/regex/index.ts';

const engines = availableEngines();

describe('engine selection', () => {
  it('always offers re2js', () => {
    expect(engines).toContain('re2js');
  });

  it('uses the default engine when none is given', () => {
    const before = getDefaultEngine();
    try {
      for (const e of engines) {
        setDefaultEngine(e);
        expect(compileRegex('engine-default-' + e).engine).toBe(e);
      }
    } finally {
      setDefaultEngine(before);
    }
  });

  it('refuses to select an engine that is not available', () => {
    expect(() => setDefaultEngine('no-such-engine' as EngineName)).toThrow(/not available/);
  });

  it('returns the same compiled object for the same pattern, options and engine', () => {
    expect(compileRegex('cache-me', { engine: 're2js' })).toBe(compileRegex('cache-me', { engine: 're2js' }));
  });

  it('compiles separately per engine', () => {
    for (const e of engines) expect(compileRegex('per-engine', { engine: e }).engine).toBe(e);
  });
});

describe('compile errors', () => {
  it('throws RegexSyntaxError carrying Go\'s message and the pattern', () => {
    let caught: unknown;
    try {
      compileRegex('(?=x)');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RegexSyntaxError);
    expect([(caught as RegexSyntaxError).message, (caught as RegexSyntaxError).pattern]).toEqual([
      'error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
      '(?=x)',
    ]);
  });

  it('reports errors of a relabel regex against the wrapped pattern, as Prometheus does', () => {
    expect(() => compileRegex('a)b', { anchoredDotAll: true })).toThrow('error parsing regexp: unexpected ): `^(?s:a)b)$`');
  });
});

describe('anchoredDotAll compiles as ^(?s:…)$', () => {
  it('exposes the wrapped source', () => {
    expect(compileRegex('a.b', { anchoredDotAll: true }).source).toBe('^(?s:a.b)$');
  });

  it('requires the whole input to match', () => {
    expect(compileRegex('foo|bar', { anchoredDotAll: true }).matchString('foobar')).toBe(false);
  });

  it('lets . match a newline', () => {
    expect(compileRegex('a.b', { anchoredDotAll: true }).matchString('a\nb')).toBe(true);
  });
});

describe.each(engines)('Go semantics where JavaScript differs (%s)', (engine) => {
  const re = (p: string) => compileRegex(p, { engine });

  it('\\s matches only tab, newline, form feed, carriage return and space', () => {
    expect(re('\\s').findAllStringIndex('\t\n\v\f\r \u00a0\u2003', -1)).toEqual([
      [0, 1],
      [1, 2],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it('\\w and \\d are ASCII only', () => {
    expect(re('\\w+|\\d+').findAllStringIndex('é٣a1', -1)).toEqual([[2, 4]]);
  });

  it('\\b sees non-ASCII letters as non-word characters', () => {
    expect(re('\\bx').findAllStringIndex('éx', -1)).toEqual([[1, 2]]);
  });

  it('. does not match a newline without (?s)', () => {
    expect(re('a.b').matchString('a\nb')).toBe(false);
  });

  it('. matches a carriage return', () => {
    expect(re('a.b').matchString('a\rb')).toBe(true);
  });

  it('$ matches only at the end of the text without (?m)', () => {
    expect(re('a$').findStringIndex('a\n')).toBeNull();
  });

  it('$ matches before each newline with (?m)', () => {
    expect(re('(?m)a$').findAllStringIndex('a\na', -1)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('(?m)$ does not treat \\r as a line end', () => {
    expect(re('(?m)a$').findStringIndex('a\r\n')).toBeNull();
  });

  it('\\z matches only at the very end', () => {
    expect(re('a\\z').findAllStringIndex('a\na', -1)).toEqual([[2, 3]]);
  });

  it('\\A matches only at the very start, even with (?m)', () => {
    expect(re('(?m)\\Aa').findAllStringIndex('a\na', -1)).toEqual([[0, 1]]);
  });

  it('(?i)k matches the Kelvin sign', () => {
    expect(re('(?i)k').matchString('\u212A')).toBe(true);
  });

  it('(?i)s matches long s', () => {
    expect(re('(?i)s').matchString('\u017F')).toBe(true);
  });

  it('(?i)σ matches final sigma and capital sigma', () => {
    expect(re('(?i)σ').findAllStringIndex('Σς', -1)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('leftmost-first prefers the earlier alternative over the longer one', () => {
    expect(re('a|ab').findStringIndex('ab')).toEqual([0, 1]);
  });

  it('[[:alpha:]] is ASCII letters', () => {
    expect(re('[[:alpha:]]+').findAllStringIndex('aé', -1)).toEqual([[0, 1]]);
  });

  it('\\pL matches letters of every script', () => {
    expect(re('\\pL+').findStringIndex('1héllo中文2')).toEqual([1, 8]);
  });

  it('\\p{Greek} matches Greek letters only', () => {
    expect(re('\\p{Greek}+').findStringIndex('abc αβγ')).toEqual([4, 7]);
  });

  it('reports string indices for astral characters (two UTF-16 units each)', () => {
    expect(re('🔑(\\w+)').findStringSubmatchIndex('😀 🔑abc')).toEqual([3, 8, 5, 8]);
  });

  it('reports string indices for multi-byte text', () => {
    expect(re('ж+').findAllStringIndex('éжж中ж', -1)).toEqual([
      [1, 3],
      [4, 5],
    ]);
  });

  it('reads an invalid UTF-8 byte as U+FFFD that . and [^a] match', () => {
    expect([re('^.$').matchString('\udcff'), re('^[^a]$').matchString('\udc80'), re('\\x{FFFD}').matchString('\udcff')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('replaces around invalid bytes without altering them', () => {
    expect(re('b').replaceAllString('\udcffb\udc80', 'X')).toBe('\udcffX\udc80');
  });
});

describe('quoteMeta', () => {
  it('escapes every metacharacter Go escapes', () => {
    expect(quoteMeta('\\.+*?()|[]{}^$')).toBe('\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$');
  });

  it('leaves other characters alone, including non-ASCII', () => {
    expect(quoteMeta('a-b/c é😀 #')).toBe('a-b/c é😀 #');
  });

  it('produces a pattern that matches the input literally', () => {
    const s = 'price: $5.00 (approx.) [x]';
    expect(compileRegex(quoteMeta(s)).findStringIndex('> ' + s)).toEqual([2, 2 + s.length]);
  });
});
