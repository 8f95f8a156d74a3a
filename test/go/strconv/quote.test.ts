import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from '../../../src/go/strconv/quote.ts';
import type { GoArg } from '../../../src/config/eval/gofmt.ts';
import { ask, wireArg } from '../../config/eval/oracle.ts';

describe('strconv quoting', () => {
  test('Quote escapes control characters and keeps printable Unicode', () => {
    expect(quote('é\n\t"\\\x01\x7f')).toBe('"é\\n\\t\\"\\\\\\x01\\x7f"');
  });

  test('Quote writes invalid bytes as \\x escapes', () => {
    expect(quote('a\udcffb')).toBe('"a\\xffb"');
  });

  test('QuoteToASCII escapes non-ASCII runes', () => {
    expect(quoteToASCII('é☃😀')).toBe('"\\u00e9\\u2603\\U0001f600"');
  });

  test('non-printable runes such as NBSP are escaped', () => {
    expect(quote('\u00a0')).toBe('"\\u00a0"');
  });

  test('QuoteRune uses single quotes', () => {
    expect(quoteRune(0x27)).toBe("'\\''");
  });

  test('CanBackquote refuses backquotes and control characters but allows tabs', () => {
    expect([canBackquote('a\tb'), canBackquote('a`b'), canBackquote('a\nb')]).toEqual([true, false, false]);
  });

  test('IsPrint accepts the ASCII space but not other spaces', () => {
    expect([isPrint(0x20), isPrint(0x3000)]).toEqual([true, false]);
  });
});

describe('strconv quoting of runes', () => {
  test('QuoteRuneToASCII escapes a non-ASCII rune', () => {
    expect(quoteRuneToASCII(0xe9)).toBe("'\\u00e9'");
  });

  test('QuoteRune of a surrogate code point quotes U+FFFD', () => {
    expect(quoteRune(0xd800)).toBe("'�'");
  });

  test('QuoteRune of a value past U+10FFFF quotes U+FFFD', () => {
    expect(quoteRune(0x110000)).toBe("'�'");
  });
});

describe('strconv quoting of text that is not plain Unicode', () => {
  test('Quote writes a lone surrogate that is no escaped byte as \\ufffd', () => {
    expect(quote('a\ud800b')).toBe('"a\\ufffdb"');
  });

  test('Quote keeps a real U+FFFD, which is printable', () => {
    expect(quote('\ufffd')).toBe('"�"');
  });

  test('Quote escapes a format character such as the soft hyphen', () => {
    expect(quote('\u00ad')).toBe('"\\u00ad"');
  });

  test('Quote follows the Go Unicode tables: a code point unassigned there is escaped', () => {
    expect(quote('\u0870')).toBe('"\\u0870"');
  });

  test('CanBackquote refuses an invalid byte', () => {
    expect(canBackquote('a\udc80')).toBe(false);
  });

  test('CanBackquote refuses a byte order mark', () => {
    expect(canBackquote('\ufeff')).toBe(false);
  });

  test('CanBackquote accepts a real U+FFFD', () => {
    expect(canBackquote('\ufffd')).toBe(true);
  });
});

// Go's own quoting (fmt's %q, %+q and %#q of a string and %q, %+q of a rune are strconv's Quote,
// QuoteToASCII, CanBackquote, QuoteRune and QuoteRuneToASCII) on code points from the whole range.
// JSON cannot carry invalid bytes to the oracle; the tests above cover those.
describe('strconv quoting agrees with Go', () => {
  const codePoints = fc
    .sample(fc.integer({ min: 0, max: 0x10ffff }), { numRuns: 3000, seed: 17 })
    .concat([0x00, 0x20, 0x7f, 0x80, 0x9f, 0xa0, 0xad, 0x2028, 0xfeff, 0xfffd, 0xffff, 0x1f600, 0x10ffff])
    .filter((cp) => cp < 0xd800 || cp > 0xdfff);
  const S = (v: string): GoArg => ({ t: 'string', v });
  const R = (cp: number): GoArg => ({ t: 'int', v: BigInt(cp), type: 'int' });
  const verbs = ['%q', '%+q', '%#q'];

  test('on strings of one code point: Quote, QuoteToASCII and CanBackquote', async () => {
    const reqs = codePoints.flatMap((cp) => verbs.map((format) => ({ op: 'sprintf' as const, format, args: [wireArg(S(String.fromCodePoint(cp)))] })));
    const answers = await ask(reqs);
    const ours = codePoints.flatMap((cp) => {
      const s = String.fromCodePoint(cp);
      return [quote(s), quoteToASCII(s), canBackquote(s) ? '`' + s + '`' : quote(s)];
    });
    const wrong = reqs.map((r, i) => ({ format: r.format, cp: codePoints[Math.floor(i / 3)]!.toString(16), ours: ours[i], go: answers[i]!.out })).filter((x) => x.ours !== x.go);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('on runes: QuoteRune and QuoteRuneToASCII', async () => {
    const reqs = codePoints.flatMap((cp) => ['%q', '%+q'].map((format) => ({ op: 'sprintf' as const, format, args: [wireArg(R(cp))] })));
    const answers = await ask(reqs);
    const ours = codePoints.flatMap((cp) => [quoteRune(cp), quoteRuneToASCII(cp)]);
    const wrong = reqs.map((r, i) => ({ format: r.format, ours: ours[i], go: answers[i]!.out })).filter((x) => x.ours !== x.go);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
