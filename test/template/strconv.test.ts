import { describe, expect, test } from 'vitest';
import { parseFloat64, parseIntBase0, unquote, unquoteRune } from '../../src/template/strconv.ts';

describe('strconv', () => {
  test('Unquote handles Go escapes', () => {
    expect(unquote('"a\\tb\\u00e9\\x41\\101\\\\"')).toBe('a\tbéAA\\');
  });

  test('Unquote of \\x bytes that are not UTF-8 yields escaped bytes', () => {
    expect(unquote('"\\xff"')).toBe('\udcff');
  });

  test('Unquote rejects \\\' inside double quotes', () => {
    expect(unquote('"\\\'"')).toBeNull();
  });

  test('raw strings drop carriage returns', () => {
    expect(unquote('`a\r\nb`')).toBe('a\nb');
  });

  test('character constants give their rune, or say why not', () => {
    expect([unquoteRune("'a'"), unquoteRune("'\\n'"), unquoteRune("'ab'"), unquoteRune("'\\q'")]).toEqual([97, 10, 'malformed', 'syntax']);
  });

  test('ParseInt base 0 understands prefixes, octal and underscores', () => {
    expect(['0x1F', '0o17', '017', '0b101', '1_000', '-0x10'].map((s) => parseIntBase0(s, false))).toEqual([31n, 15n, 15n, 5n, 1000n, -16n]);
  });

  test('ParseInt rejects misplaced underscores and out-of-range values', () => {
    expect([parseIntBase0('1__0', false), parseIntBase0('9223372036854775808', false), parseIntBase0('08', false)]).toEqual([null, null, null]);
  });

  test('ParseFloat handles decimal and hexadecimal floats', () => {
    expect([parseFloat64('1.5e3'), parseFloat64('.5'), parseFloat64('0x1p-2'), parseFloat64('1e400')]).toEqual([1500, 0.5, 0.25, null]);
  });
});
