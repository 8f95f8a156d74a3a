import { describe, expect, test } from 'vitest';
import { NO_VALUE, unboxed, type FmtValue } from '../../../src/go/fmt/value.ts';

const one: FmtValue = { kind: 'int', type: 'int', v: 1n };

describe('unboxed', () => {
  test('an interface slot holding nil yields no value', () => {
    expect(unboxed({ kind: 'interface', type: 'interface {}', v: null })).toBe(NO_VALUE);
  });

  test('an interface slot yields the value it holds', () => {
    expect(unboxed({ kind: 'interface', type: 'interface {}', v: one })).toBe(one);
  });

  test('any other value is itself', () => {
    expect(unboxed(one)).toBe(one);
  });
});
