import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as num from '../../../src/config/eval/number.ts';
import { GoNumber, formatFloatF } from '../../../src/config/eval/number.ts';
import { ask, floatBits } from './oracle.ts';

describe('GoNumber', () => {
  it('formats floats without an exponent, as strconv.FormatFloat(f, \'f\', -1, 64)', () => {
    expect(formatFloatF(1e21)).toBe('1000000000000000000000');
  });
  it('formats small floats with leading zeros', () => {
    expect(formatFloatF(1.5e-7)).toBe('0.00000015');
  });
  it('converts a float to int64 by truncation', () => {
    expect(GoNumber.float(-2.9).asInt()).toBe(-2n);
  });
  it('converts a negative int to uint64 by wrapping', () => {
    expect(GoNumber.int(-1n).asUint()).toBe((1n << 64n) - 1n);
  });
  it('makes uint minus a larger uint wrap around', () => {
    expect(num.sub(GoNumber.uint(1n), GoNumber.uint(2n)).asUint()).toBe((1n << 64n) - 1n);
  });
  it('fits an int and a uint operand to int', () => {
    expect(num.add(GoNumber.int(-1n), GoNumber.uint(1n)).kind).toBe('int');
  });
  it('fits any operand with a float to float', () => {
    expect(num.mul(GoNumber.float(0.5), GoNumber.int(3n)).asFloat()).toBe(1.5);
  });
  it('divides the most negative int64 by -1 into itself, as Go does', () => {
    expect(num.div(GoNumber.int(-(1n << 63n)), GoNumber.int(-1n)).asInt()).toBe(-(1n << 63n));
  });
});

const int64 = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const smallish = fc.bigInt({ min: -1000n, max: 1000n });
const OPS = { '+': num.add, '-': num.sub, '*': num.mul, '/': num.div, '%': num.mod } as const;

it('agrees with Go on 64-bit integer arithmetic, wrap-around included', async () => {
  const cases = fc.sample(
    fc.record({
      kind: fc.constantFrom<'int' | 'uint'>('int', 'uint'),
      oper: fc.constantFrom<keyof typeof OPS>('+', '-', '*', '/', '%'),
      a: fc.oneof(int64, smallish),
      b: fc.oneof(int64, smallish, fc.constant(-1n)),
      ua: uint64,
      ub: uint64,
    }),
    { numRuns: 3000, seed: 42 },
  );
  const reqs = cases
    .map((c) => (c.kind === 'int' ? { ...c, a: c.a, b: c.b } : { ...c, a: c.ua, b: c.ub }))
    .filter((c) => !((c.oper === '/' || c.oper === '%') && c.b === 0n));
  const answers = await ask(reqs.map((c) => ({ op: 'intop', kind: c.kind, oper: c.oper, a: c.a.toString(), b: c.b.toString() })));
  const wrong = reqs
    .map((c, i) => {
      const mk = c.kind === 'int' ? GoNumber.int : GoNumber.uint;
      const r = OPS[c.oper](mk(c.a), mk(c.b));
      return { c: `${c.kind} ${c.a} ${c.oper} ${c.b}`, ours: r.toString(), go: answers[i]!.out };
    })
    .filter((x) => x.ours !== x.go);
  expect(wrong.slice(0, 5)).toEqual([]);
});

it('agrees with Go on float to string conversion', async () => {
  const floats = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 3000, seed: 7 });
  const answers = await ask(floats.map((f) => ({ op: 'formatfloat', bits: floatBits(f) })));
  const wrong = floats.map((f, i) => ({ f, ours: formatFloatF(f), go: answers[i]!.out })).filter((x) => x.ours !== x.go);
  expect(wrong.slice(0, 5)).toEqual([]);
});

it('computes integer ^ as repeated 64-bit multiplication, negative exponents included', async () => {
  const cases = fc.sample(
    fc.record({
      kind: fc.constantFrom<'int' | 'uint'>('int', 'uint'),
      a: fc.oneof(fc.bigInt({ min: -20n, max: 20n }), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })),
      b: fc.bigInt({ min: -5n, max: 5000n }),
    }),
    { numRuns: 1500, seed: 3 },
  ).map((c) => (c.kind === 'uint' ? { ...c, a: BigInt.asUintN(64, c.a), b: c.b < 0n ? -c.b : c.b } : c));
  const answers = await ask(cases.map((c) => ({ op: 'intop', kind: c.kind, oper: '^', a: c.a.toString(), b: c.b.toString() })));
  const wrong = cases
    .map((c, i) => {
      const mk = c.kind === 'int' ? GoNumber.int : GoNumber.uint;
      return { c, ours: num.pow(mk(c.a), mk(c.b)).toString(), go: answers[i]!.out };
    })
    .filter((x) => x.ours !== x.go);
  expect(wrong.slice(0, 5)).toEqual([]);
});
