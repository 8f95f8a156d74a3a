import { describe, expect, it } from 'vitest';
import { GoNumber } from '../../../src/config/eval/number.ts';
import { fromAlloyValue, objVal, toAlloyValue, typeOf } from '../../../src/config/eval/values.ts';
import { isObject } from '../../../src/config/value.ts';

describe('values', () => {
  it('names capsules and secrets as Alloy does', () => {
    expect(typeOf({ kind: 'secret', value: 'x' })).toBe('capsule');
  });
  it('turns Go numbers into JavaScript numbers for the model', () => {
    expect(toAlloyValue([GoNumber.int(3n), GoNumber.float(0.5)])).toEqual([3, 0.5]);
  });
  it('keeps object fields in a Map for the model', () => {
    const v = toAlloyValue(objVal([['__proto__', 'x']]));
    expect(isObject(v) && v.fields.get('__proto__')).toBe('x');
  });
  it('reads whole model numbers back as ints and others as floats', () => {
    const [a, b] = fromAlloyValue([2, 2.5]) as GoNumber[];
    expect([a!.kind, b!.kind]).toEqual(['int', 'float']);
  });
  it('lets model functions be called with model values', () => {
    const fn = toAlloyValue({ kind: 'function', name: 'double', call: (args) => GoNumber.int((args[0] as GoNumber).asInt() * 2n) });
    expect(typeof fn === 'object' && fn !== null && !Array.isArray(fn) && fn.kind === 'function' && fn.call([21])).toBe(42);
  });
});
