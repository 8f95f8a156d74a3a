import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { byteLength, canonical, compareGo, fromBytes, toBytes } from '../../src/template/utf8.ts';

describe('byte strings', () => {
  test('escaped bytes encode back to the original byte', () => {
    expect([...toBytes('a\udcffb')]).toEqual([0x61, 0xff, 0x62]);
  });

  test('invalid UTF-8 decodes to one escape per byte', () => {
    expect(fromBytes(Uint8Array.from([0xf8, 0xb1, 0x41]))).toBe('\udcf8\udcb1A');
  });

  test('overlong and surrogate encodings are invalid', () => {
    expect(fromBytes(Uint8Array.from([0xc0, 0x80, 0xed, 0xa0, 0x80]))).toBe('\udcc0\udc80\udced\udca0\udc80');
  });

  test('byteLength counts UTF-8 bytes', () => {
    expect(byteLength('héllo😀')).toBe(10);
  });

  test('canonical joins escaped bytes that form a valid character', () => {
    expect(canonical('\udcc3\udca9')).toBe('é');
  });

  test('compareGo orders by bytes, not UTF-16 units', () => {
    expect(compareGo('\uffff', '😀')).toBe(-1);
  });

  prop.prop([fc.uint8Array()])('bytes survive a round trip through the JS spelling', (b) => {
    expect([...toBytes(fromBytes(b))]).toEqual([...b]);
  });

  prop.prop([fc.string()])('well-formed strings are already canonical', (s) => {
    const wellFormed = !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
    if (wellFormed) expect(canonical(s)).toBe(s);
  });
});
