import { describe, expect, test } from 'vitest';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from '../../../src/go/strconv/quote.ts';

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
