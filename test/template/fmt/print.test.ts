import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { sprint, sprintf, sprintln } from '../../../src/template/fmt/print.ts';
import { fromTemplateValue, rv, INVALID } from '../../../src/template/values.ts';
import type { TemplateValue } from '../../../src/template/types.ts';

const f = (format: string, ...args: TemplateValue[]) => sprintf(format, args.map((a) => fromTemplateValue(a)));

describe('fmt.Sprintf', () => {
  test('%d of an int', () => {
    expect(f('%d', 42n)).toBe('42');
  });

  test('%05d pads with zeros and %-5d|pads right', () => {
    expect(f('%05d|%-5d|', -42n, 7n)).toBe('-0042|7    |');
  });

  test('%s and %q of strings', () => {
    expect(f('%s %q', 'a"b', 'a"b\n')).toBe('a"b "a\\"b\\n"');
  });

  test('%x and %X of strings and ints', () => {
    expect(f('%x %X %x %X', 'hi', 'hi', 255n, -255n)).toBe('6869 6869 ff -FF');
  });

  test('%-10s| pads strings on the right counting runes', () => {
    expect(f('%-6s|%6s|', 'héllo', 'ab')).toBe('héllo |    ab|');
  });

  test('%.2f rounds half to even on the exact binary value', () => {
    expect(f('%.2f %.0f %.0f %.0f %.2f', 3.14159, 0.5, 1.5, 2.5, 1.005)).toBe('3.14 0 2 2 1.00');
  });

  test('%t of booleans', () => {
    expect(f('%t %v', true, false)).toBe('true false');
  });

  test('%% is a literal percent', () => {
    expect(f('100%%')).toBe('100%');
  });

  test('%v of maps is sorted map[k:v]', () => {
    expect(f('%v', new Map<string, TemplateValue>([['b', 2n], ['a', 'x']]))).toBe('map[a:x b:2]');
  });

  test('%v of slices is [a b]', () => {
    expect(f('%v', ['a', 1.5, null])).toBe('[a 1.5 <nil>]');
  });

  test('%v of nil is <nil>', () => {
    expect(sprintf('%v', [INVALID])).toBe('<nil>');
  });

  test('%v of floats uses the shortest representation with exponent thresholds', () => {
    expect(f('%v %v %v %v %v', 1e6, 123456.0, 1e21, 1e-5, 0.1 + 0.2)).toBe('1e+06 123456 1e+21 1e-05 0.30000000000000004');
  });

  test('%e %E %g %G', () => {
    expect(f('%e %E %g %G', 1234.5678, 0.00012, 1e-10, 1e100)).toBe('1.234568e+03 1.200000E-04 1e-10 1E+100');
  });

  test('wrong verbs print %!verb(type=value)', () => {
    expect(f('%d %s', 'x', 5n)).toBe('%!d(string=x) %!s(int=5)');
  });

  test('missing operands print %!verb(MISSING)', () => {
    expect(f('%d %d', 1n)).toBe('1 %!d(MISSING)');
  });

  test('extra operands are listed in %!(EXTRA …)', () => {
    expect(f('x', 1n, 'a')).toBe('x%!(EXTRA int=1, string=a)');
  });

  test('a trailing percent is %!(NOVERB)', () => {
    expect(f('a%')).toBe('a%!(NOVERB)');
  });

  test('explicit argument indexes reorder operands', () => {
    expect(f('%[2]d %[1]d', 1n, 2n)).toBe('2 1');
  });

  test('a bad argument index is %!d(BADINDEX)', () => {
    expect(f('%[3]d', 1n)).toBe('%!d(BADINDEX)');
  });

  test('* takes width and precision from operands', () => {
    expect(f('%*d|%.*f', 5n, 1n, 2n, 3.14159)).toBe('    1|3.14');
  });

  test('%c %U %#U %o %b %#x', () => {
    expect(f('%c %U %#U %o %b %#x', 65n, 9731n, 9731n, 8n, 5n, 255n)).toBe('A U+2603 U+2603 \'☃\' 10 101 0xff');
  });

  test('%T names Go types', () => {
    expect(f('%T %T %T %T %T', 'a', 1n, 1.5, ['x'], new Map())).toBe('string int float64 []interface {} map[string]interface {}');
  });

  test('%#v prints Go syntax', () => {
    expect(f('%#v %#v', 'a', ['x', null])).toBe('"a" []interface {}{"x", interface {}(nil)}');
  });

  test('%x of floats is hexadecimal floating point', () => {
    expect(f('%x %b', 3.75, 1)).toBe('0x1.ep+01 4503599627370496p-52');
  });
});

describe('fmt.Sprint and Sprintln', () => {
  test('Sprint adds spaces only between two non-string operands', () => {
    expect(sprint([rv.int(1), rv.int(2), rv.str('a'), rv.int(3), rv.str('b')])).toBe('1 2a3b');
  });

  test('Sprintln separates every operand and ends with newline', () => {
    expect(sprintln([rv.str('a'), rv.int(1)])).toBe('a 1\n');
  });

  prop.prop([fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })])('%d of any int64 is its decimal text', (n) => {
    expect(sprintf('%d', [rv.int(n)])).toBe(n.toString());
  });

  prop.prop([fc.string()])('%s of any string is the string itself', (s) => {
    expect(sprintf('%s', [rv.str(s)])).toBe(s);
  });
});
