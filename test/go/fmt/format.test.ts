import { describe, expect, test } from 'vitest';
import { Formatter, LDIGITS, UDIGITS } from '../../../src/go/fmt/format.ts';

/** A Formatter with the given flags, width and precision set, as Sprintf sets them. */
function formatter(set: Partial<Pick<Formatter, 'plus' | 'minus' | 'sharp' | 'space' | 'zero'>> & { wid?: number; prec?: number } = {}): Formatter {
  const f = new Formatter();
  Object.assign(f, set);
  if (set.wid !== undefined) f.widPresent = true;
  if (set.prec !== undefined) f.precPresent = true;
  return f;
}

function out(f: Formatter, write: (f: Formatter) => void): string {
  write(f);
  return f.buf;
}

describe('padding and precision of text', () => {
  test('the width counts runes, not UTF-16 units', () => {
    expect(out(formatter({ wid: 4 }), (f) => f.fmtS('😀é'))).toBe('  😀é');
  });

  test("'-' pads on the right", () => {
    expect(out(formatter({ wid: 4, minus: true }), (f) => f.fmtS('ab'))).toBe('ab  ');
  });

  test('the zero flag pads text with zeros', () => {
    expect(out(formatter({ wid: 4, zero: true }), (f) => f.fmtS('ab'))).toBe('00ab');
  });

  test('the precision keeps that many runes', () => {
    expect(out(formatter({ prec: 2 }), (f) => f.fmtS('😀éx'))).toBe('😀é');
  });
});

describe('%q of text', () => {
  test("'#' backquotes text that can be backquoted", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtQ('a"b'))).toBe('`a"b`');
  });

  test("'#' double-quotes text with a newline", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtQ('a\nb'))).toBe('"a\\nb"');
  });

  test("'+' quotes in ASCII", () => {
    expect(out(formatter({ plus: true }), (f) => f.fmtQ('é'))).toBe('"\\u00e9"');
  });

  test('the precision truncates before quoting', () => {
    expect(out(formatter({ prec: 1 }), (f) => f.fmtQ('ab'))).toBe('"a"');
  });
});

describe('%x of bytes', () => {
  test("' ' separates bytes and '#' prefixes each one", () => {
    expect(out(formatter({ space: true, sharp: true }), (f) => f.fmtSx('ab', LDIGITS))).toBe('0x61 0x62');
  });

  test('an invalid byte prints as that byte', () => {
    expect(out(formatter(), (f) => f.fmtSx('\udcff', UDIGITS))).toBe('FF');
  });

  test('empty text prints only the padding', () => {
    expect(out(formatter({ wid: 3 }), (f) => f.fmtSx('', LDIGITS))).toBe('   ');
  });
});

describe('integers', () => {
  test('zero padding goes between the sign and the digits', () => {
    expect(out(formatter({ wid: 6, zero: true }), (f) => f.fmtInteger(-42n, 10, true, 'd', LDIGITS))).toBe('-00042');
  });

  test('precision 0 prints zero as nothing but the padding', () => {
    expect(out(formatter({ wid: 2, prec: 0 }), (f) => f.fmtInteger(0n, 10, true, 'd', LDIGITS))).toBe('  ');
  });

  test("'#' prefixes octal with a single 0", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtInteger(8n, 8, false, 'o', LDIGITS))).toBe('010');
  });

  test('%O prefixes 0o', () => {
    expect(out(formatter(), (f) => f.fmtInteger(8n, 8, false, 'O', LDIGITS))).toBe('0o10');
  });

  test('%c of a value that is no valid rune prints U+FFFD', () => {
    expect(out(formatter(), (f) => f.fmtC(0xd800n))).toBe('\ufffd');
  });

  test("%U with '#' adds a printable character", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtUnicode(0x41n))).toBe("U+0041 'A'");
  });

  test("%U with '#' leaves out a character that is not printable", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtUnicode(0x0an))).toBe('U+000A');
  });

  test('%U of a negative int shows its two’s complement', () => {
    expect(out(formatter(), (f) => f.fmtUnicode(-1n))).toBe('U+FFFFFFFFFFFFFFFF');
  });
});

describe('floats', () => {
  test('infinities are padded with spaces even under the zero flag', () => {
    expect(out(formatter({ wid: 6, zero: true }), (f) => f.fmtFloat(Infinity, 'f', 6))).toBe('  +Inf');
  });

  test('NaN has no sign unless one is asked for', () => {
    expect([out(formatter(), (f) => f.fmtFloat(NaN, 'g', -1)), out(formatter({ plus: true }), (f) => f.fmtFloat(NaN, 'g', -1))]).toEqual(['NaN', '+NaN']);
  });

  test('zero padding goes after the sign', () => {
    expect(out(formatter({ wid: 7, zero: true }), (f) => f.fmtFloat(-1.5, 'f', 2))).toBe('-001.50');
  });

  test("'#' keeps the trailing zeros of %g", () => {
    expect(out(formatter({ sharp: true }), (f) => f.fmtFloat(1, 'g', -1))).toBe('1.00000');
  });

  test("'#' gives %e a decimal point", () => {
    expect(out(formatter({ sharp: true, prec: 0 }), (f) => f.fmtFloat(2, 'e', 6))).toBe('2.e+00');
  });

  test("' ' leaves room for the sign of a positive number", () => {
    expect(out(formatter({ space: true }), (f) => f.fmtFloat(1.5, 'g', -1))).toBe(' 1.5');
  });
});
