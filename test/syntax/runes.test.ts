import { describe, expect, it } from 'vitest';
import { describeRune } from '../../src/syntax/runes.ts';
import { goQuote } from '../../src/syntax/parser.ts';

describe('describeRune', () => {
  it('prints printable code points with the character, as Go %#U', () => {
    expect(describeRune(0x40)).toBe("U+0040 '@'");
    expect(describeRune(0x1f600)).toBe("U+1F600 '😀'");
  });

  it('prints control and format characters without the character', () => {
    expect(describeRune(0x07)).toBe('U+0007');
    expect(describeRune(0x200b)).toBe('U+200B');
  });
});

describe('goQuote', () => {
  it('quotes like Go %q: escapes quotes, backslashes and control characters', () => {
    expect(goQuote('a"b\\c\nd\x01')).toBe('"a\\"b\\\\c\\nd\\x01"');
  });

  it('keeps printable non-ASCII characters and escapes invisible ones', () => {
    expect(goQuote('é\u00a0')).toBe('"é\\u00a0"');
  });
});

describe('goQuote of undecodable bytes', () => {
  it('prints a byte that was not UTF-8 as \\x, as Go does for invalid bytes', () => {
    expect(goQuote(`a${String.fromCharCode(0xdc82)}b`)).toBe('"a\\x82b"');
  });
});
