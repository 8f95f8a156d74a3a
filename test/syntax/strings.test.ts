import { describe, expect, it } from 'vitest';
import { decodeStringLiteral, decodeStringLiteralBytes, StringLiteralError } from '../../src/syntax/strings.ts';

describe('decodeStringLiteral', () => {
  it('returns the text between plain double quotes', () => {
    expect(decodeStringLiteral('"hello world"')).toBe('hello world');
  });

  it('decodes the single-character Go escapes', () => {
    expect(decodeStringLiteral('"\\a\\b\\f\\n\\r\\t\\v\\\\\\""')).toBe('\x07\b\f\n\r\t\v\\"');
  });

  it("rejects \\' in a double-quoted string, as strconv.Unquote and Alloy do", () => {
    expect(() => decodeStringLiteral('"\\\'"')).toThrow(StringLiteralError);
  });

  it('decodes three-digit octal escapes', () => {
    expect(decodeStringLiteral('"\\101\\060"')).toBe('A0');
  });

  it('decodes two-digit hex escapes as bytes', () => {
    expect(decodeStringLiteral('"\\x41\\x7a"')).toBe('Az');
  });

  it('joins hex-escaped UTF-8 bytes into one character', () => {
    expect(decodeStringLiteral('"\\xc3\\xa9"')).toBe('é');
  });

  it('keeps non-UTF-8 bytes exactly in the byte form', () => {
    expect(Array.from(decodeStringLiteralBytes('"\\xff\\377"'))).toEqual([0xff, 0xff]);
  });

  it('decodes \\u and \\U escapes to code points', () => {
    expect(decodeStringLiteral('"\\u00e9\\U0001F600"')).toBe('é😀');
  });

  it('keeps backtick raw strings verbatim, escapes and newlines included', () => {
    expect(decodeStringLiteral('`a\\nb\nc"d`')).toBe('a\\nb\nc"d');
  });

  it('drops carriage returns from raw strings as strconv.Unquote does', () => {
    expect(decodeStringLiteral('`a\r\nb`')).toBe('a\nb');
  });

  it('rejects an unknown escape', () => {
    expect(() => decodeStringLiteral('"\\q"')).toThrow(StringLiteralError);
  });

  it('rejects a surrogate code point escape', () => {
    expect(() => decodeStringLiteral('"\\ud800"')).toThrow(/invalid Unicode code point/);
  });

  it('rejects a short hex escape', () => {
    expect(() => decodeStringLiteral('"\\x4"')).toThrow(StringLiteralError);
  });

  it('rejects an octal escape above 255', () => {
    expect(() => decodeStringLiteral('"\\400"')).toThrow(StringLiteralError);
  });
});

describe('byte-order mark inside a literal', () => {
  it("a leading \\ufeff escape is kept as text", () => {
    expect(decodeStringLiteral('"\\ufeffa"')).toBe('\ufeffa');
  });
});
