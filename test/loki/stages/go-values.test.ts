import { describe, expect, test } from 'vitest';
import { goGetString } from '../../../src/loki/stages/go-values.ts';
import { byteLength, sliceBytes } from '../../../src/loki/stages/go-bytes.ts';

describe('Go value conversions', () => {
  // Expected strings are what Go 1.19 printed for these values.
  test('getString prints numbers like strconv.FormatFloat(f, f, -1, 64), never with an exponent', () => {
    expect(goGetString(1e21)).toBe('1000000000000000000000');
    expect(goGetString(1.5e-7)).toBe('0.00000015');
    expect(goGetString(123456789012345678901234)).toBe('123456789012345690000000');
    expect(goGetString(12345678901234567890)).toBe('12345678901234567000');
    expect(goGetString(0.1)).toBe('0.1');
    expect(goGetString(1e-6)).toBe('0.000001');
  });

  test('getString converts bools and refuses null, arrays and maps', () => {
    expect(goGetString(true)).toBe('true');
    expect(goGetString(null)).toBeUndefined();
    expect(goGetString([1])).toBeUndefined();
    expect(goGetString(new Map())).toBeUndefined();
  });

  test('byte length counts UTF-8 bytes and one byte per escaped invalid byte', () => {
    expect(byteLength('aé日😀\uDCFF')).toBe(1 + 2 + 3 + 4 + 1);
  });

  test('slicing by bytes inside a character leaves escaped bytes', () => {
    expect(sliceBytes('日本', 4)).toBe('日\uDCE6');
  });
});
