import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromJSON, toJSON } from '../../../src/config/eval/json.ts';
import { GoNumber } from '../../../src/config/eval/number.ts';
import { objVal } from '../../../src/config/eval/values.ts';
import { ask, floatBits } from './oracle.ts';

describe('fromJSON', () => {
  it('decodes numbers as float64', () => {
    const r = fromJSON('[1]');
    expect(r.ok && (r.value as GoNumber[])[0]!.kind).toBe('float');
  });
  it('replaces a lone surrogate escape with U+FFFD, as Go does', () => {
    const r = fromJSON('"a\\ud800b"');
    expect(r.ok && r.value).toBe('a\ufffdb');
  });
  it('reports truncated input as unexpected end', () => {
    expect(fromJSON('[1,')).toEqual({ ok: false, error: 'unexpected end of JSON input' });
  });
});

describe('toJSON', () => {
  it('escapes <, > and & as Go\'s encoder does', () => {
    expect(toJSON('<a&b>')).toBe('"\\u003ca\\u0026b\\u003e"');
  });
  it('sorts object keys', () => {
    expect(toJSON(objVal([['b', GoNumber.int(1n)], ['a', null]]))).toBe('{"a":null,"b":1}');
  });
  it('refuses infinities, as json.Marshal does', () => {
    expect(toJSON(GoNumber.float(Infinity))).toBeUndefined();
  });
});

it('encodes floats exactly as Go\'s json.Marshal', async () => {
  const floats = fc.sample(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e-7, 1e-6, 1e20, 1e21, 123456789.125, -0)), { numRuns: 2000, seed: 11 });
  const answers = await ask(floats.map((f) => ({ op: 'jsonmarshal' as const, bits: floatBits(f), s: '<&>' })));
  const wrong = floats
    .map((f, i) => ({ f, ours: toJSON(objVal([['k', GoNumber.float(f)], ['s', '<&>']])), go: answers[i]!.out }))
    .filter((x) => x.ours !== x.go);
  expect(wrong.slice(0, 5)).toEqual([]);
});
