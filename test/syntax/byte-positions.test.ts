import { describe, expect, it } from 'vitest';
import { BytePositions, utf8ByteLength } from '../../src/syntax/byte-positions.ts';

describe('BytePositions', () => {
  it('maps string indices to UTF-8 byte offsets', () => {
    const p = new BytePositions('é😀a');
    expect([0, 1, 3].map((i) => p.byteOffset(i))).toEqual([0, 2, 6]);
  });

  it('finds the line and byte column of a byte offset', () => {
    const p = new BytePositions('ab\né\nx');
    expect(p.at(6)).toEqual({ offset: 6, line: 3, column: 1 });
    expect(p.at(4)).toEqual({ offset: 4, line: 2, column: 2 });
  });

  it('counts UTF-8 bytes of a string', () => {
    expect(utf8ByteLength('aé😀')).toBe(7);
  });
});
