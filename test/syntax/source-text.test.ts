import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { decodeSource, isEscapedByte } from '../../src/syntax/source-text.ts';

describe('decodeSource', () => {
  it('decodes valid UTF-8 as usual', () => {
    expect(decodeSource(Buffer.from('é = "😀"'))).toBe('é = "😀"');
  });

  it('turns each undecodable byte into one escaped-byte unit', () => {
    const s = decodeSource(Uint8Array.from([0x61, 0xff, 0xc3, 0x62]));
    expect(Array.from(s, (c) => (isEscapedByte(c.charCodeAt(0)) ? 'X' : c)).join('')).toBe('aXXb');
  });

  it('rejects overlong and surrogate encodings byte by byte', () => {
    const s = decodeSource(Uint8Array.from([0xc0, 0x80, 0xed, 0xa0, 0x80]));
    expect(Array.from(s).every((c) => isEscapedByte(c.charCodeAt(0)))).toBe(true);
    expect(s.length).toBe(5);
  });

  test.prop([fc.string({ unit: 'grapheme' })])('round-trips every valid UTF-8 text', (text) => {
    expect(decodeSource(Buffer.from(text, 'utf8'))).toBe(text);
  });
});
