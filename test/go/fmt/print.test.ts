import { describe, expect, test } from 'vitest';
import { AddressUnknown, OutputTooLarge, sprint, sprintf, sprintln } from '../../../src/go/fmt/print.ts';
import { NO_VALUE, type FmtValue } from '../../../src/go/fmt/value.ts';

const int = (v: number, type = 'int'): FmtValue => ({ kind: 'int', type, v: BigInt(v) });
const uint = (v: number, type = 'uint64'): FmtValue => ({ kind: 'uint', type, v: BigInt(v) });
const str = (v: string): FmtValue => ({ kind: 'string', type: 'string', v });
const box = (v: FmtValue | null): FmtValue => ({ kind: 'interface', type: 'interface {}', v });
const list = (...xs: (FmtValue | null)[]): FmtValue => ({ kind: 'slice', type: '[]interface {}', v: xs.map(box), bytes: false });
const map = (entries: [string, FmtValue][]): FmtValue => ({ kind: 'map', type: 'map[string]interface {}', v: new Map(entries.map(([k, v]) => [k, box(v)])) });
const bytes = (s: string): FmtValue => ({ kind: 'slice', type: '[]uint8', v: [...Buffer.from(s)].map((b) => uint(b, 'uint8')), bytes: true });

describe('operands and their types', () => {
  test('%T prints the dynamic type, and <nil> for no value', () => {
    expect(sprintf('%T %T', [NO_VALUE, int(1, 'int64')])).toBe('<nil> int64');
  });

  test('a bad verb names the operand’s type and value', () => {
    expect(sprintf('%d', [str('x')])).toBe('%!d(string=x)');
  });

  test('a negative integer of a small type prints with its sign in hex', () => {
    expect(sprintf('%x', [int(-1, 'int8')])).toBe('-1');
  });

  test('%#v of an unsigned integer is hexadecimal', () => {
    expect(sprintf('%#v', [uint(255)])).toBe('0xff');
  });
});

describe('slices and maps', () => {
  test('a nil interface inside a slice prints <nil>', () => {
    expect(sprintf('%v', [list(null)])).toBe('[<nil>]');
  });

  test('%#v names the slice type and the nil interface', () => {
    expect(sprintf('%#v', [list(null, int(1))])).toBe('[]interface {}{interface {}(nil), 1}');
  });

  test('map keys are sorted bytewise, as Go compares strings', () => {
    expect(sprintf('%v', [map([['😀', int(2)], ['\uffff', int(1)]])])).toBe('map[\uffff:1 😀:2]');
  });

  test('%#v of an empty map', () => {
    expect(sprintf('%#v', [map([])])).toBe('map[string]interface {}{}');
  });

  test('%s of a byte slice prints it as text', () => {
    expect(sprintf('%s', [bytes('hi')])).toBe('hi');
  });
});

describe('%p and values that only have an address', () => {
  test('%p of a map needs its address, which cannot be known', () => {
    expect(() => sprintf('%p', [map([])])).toThrow(AddressUnknown);
  });

  test('%p of a nil slice is 0x0, and %#p drops the 0x', () => {
    const nilSlice: FmtValue = { kind: 'slice', type: '[]int', v: null, bytes: false };
    expect(sprintf('%p %#p', [nilSlice, nilSlice])).toBe('0x0 0');
  });

  test('%p of an int is a bad verb', () => {
    expect(sprintf('%p', [int(1)])).toBe('%!p(int=1)');
  });

  test('%v of a nil func is <nil>', () => {
    expect(sprintf('%v', [{ kind: 'func', type: 'func()', isNil: true }])).toBe('<nil>');
  });
});

describe('directives', () => {
  test('explicit argument indexes reorder operands', () => {
    expect(sprintf('%[2]d %[1]d', [int(1), int(2)])).toBe('2 1');
  });

  test('an index past the operands is BADINDEX', () => {
    expect(sprintf('%[3]d', [int(1), int(2)])).toBe('%!d(BADINDEX)');
  });

  test('operands skipped by an explicit index are not reported as extra', () => {
    expect(sprintf('%[2]d', [int(1), int(2)])).toBe('2');
  });

  test('* takes the width from an operand', () => {
    expect(sprintf('%*d', [int(4), int(7)])).toBe('   7');
  });

  test('* with an operand that is no integer is BADWIDTH', () => {
    expect(sprintf('%*d', [str('x'), int(7)])).toBe('%!(BADWIDTH)7');
  });

  test('a negative * precision is BADPREC', () => {
    expect(sprintf('%.*d', [int(-1), int(5)])).toBe('%!(BADPREC)5');
  });

  test('a missing operand is MISSING', () => {
    expect(sprintf('%d %d', [int(1)])).toBe('1 %!d(MISSING)');
  });

  test('an extra operand is listed with its type', () => {
    expect(sprintf('%d', [int(-3, 'int64'), str('x')])).toBe('-3%!(EXTRA string=x)');
  });

  test('a percent at the end is NOVERB', () => {
    expect(sprintf('%', [])).toBe('%!(NOVERB)');
  });

  test('output past maxLength stops with OutputTooLarge', () => {
    expect(() => sprintf('%10d%10d', [int(1), int(2)], { maxLength: 15 })).toThrow(OutputTooLarge);
  });

  test('output within maxLength is complete', () => {
    expect(sprintf('%10d', [int(1)], { maxLength: 10 })).toBe('         1');
  });
});

describe('Sprint and Sprintln', () => {
  test('Sprint puts spaces only between operands that are both not strings', () => {
    expect(sprint([int(1), int(2), str('a'), int(3)])).toBe('1 2a3');
  });

  test('Sprintln puts spaces between all operands and ends the line', () => {
    expect(sprintln([int(1), str('a')])).toBe('1 a\n');
  });
});
