import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { formatFloat, formatFloatHex } from '../../../src/go/strconv/format-float.ts';

describe('strconv.FormatFloat', () => {
  test("'g' shortest switches to exponent form at 1e21 only for %v-style precision 6 rule", () => {
    expect([1e5, 1e6, 123456789, 1e-4, 1e-5].map((x) => formatFloat(x, 'g', -1))).toEqual(['100000', '1e+06', '1.23456789e+08', '0.0001', '1e-05']);
  });

  test("'f' with precision rounds half to even on exact ties", () => {
    expect([0.5, 1.5, 2.5, 0.125].map((x) => formatFloat(x, 'f', x === 0.125 ? 2 : 0))).toEqual(['0', '2', '2', '0.12']);
  });

  test("'e' keeps at least two exponent digits", () => {
    expect(formatFloat(1, 'e', 2)).toBe('1.00e+00');
  });

  test('negative zero keeps its sign', () => {
    expect(formatFloat(-0, 'g', -1)).toBe('-0');
  });

  test('infinities and NaN', () => {
    expect([Infinity, -Infinity, NaN].map((x) => formatFloat(x, 'g', -1))).toEqual(['+Inf', '-Inf', 'NaN']);
  });

  test("'g' with precision trims trailing zeros", () => {
    expect(formatFloat(2.5, 'g', 4)).toBe('2.5');
  });

  test("'x' gives hexadecimal mantissa and binary exponent", () => {
    expect(formatFloatHex(1, 'x', -1)).toBe('0x1p+00');
  });

  prop.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('shortest formatting round-trips', (x) => {
    expect(Number(formatFloat(x, 'g', -1))).toBe(x);
  });

  prop.prop([fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 10 })])(
    "'f' output is within half a unit of its last digit of the value",
    (x, p) => {
      const out = formatFloat(x, 'f', p);
      const slack = 0.5 * 10 ** -p + Math.abs(x) * 2 ** -50;
      expect(Math.abs(Number(out) - x) <= slack).toBe(true);
      expect(out.split('.')[1]?.length ?? 0).toBe(p);
    },
  );
});
