// Differential suite: every backend against real Go (test/oracle/regex/main.go) on generated and
// hand-picked (pattern, input) pairs. All requests go to one oracle process.
//
// Known, deliberate differences between the oracle (Debian's Go 1.19) and the Go Alloy is built
// with (1.22+), accounted for here and nowhere else:
//  1. `(?<name>…)`: Go 1.19 rejects it; the oracle is sent the `(?P<name>…)` spelling instead.
//  2. Too-large expressions: Go 1.19 reports "regexp/syntax: internal error", current Go
//     "expression too large"; the oracle's text is translated.
import { beforeAll, describe, expect, test } from 'vitest';
import { availableEngines } from '../../src/regex/index.ts';
import { differentialCases, disagreements, GENERATED, goAnswers, type Expected } from './support/differential.ts';

const cases = differentialCases();
let expected: Expected[] = [];

beforeAll(async () => {
  expected = await goAnswers(cases);
});

describe('every backend agrees with Go', () => {
  test('the generated cases include both matches and compile errors', () => {
    const errors = expected.filter((e) => e.error !== undefined).length;
    const matching = expected.filter((e) => e.match).length;
    expect(errors).toBeGreaterThan(GENERATED / 50);
    expect(matching).toBeGreaterThan(GENERATED / 4);
  });

  // Chunks keep each test short on a busy two-core machine; together they cover every case.
  const CHUNK = 1_000;
  for (const engine of availableEngines()) {
    for (let from = 0; from < cases.length; from += CHUNK) {
      const to = Math.min(from + CHUNK, cases.length);
      test(`${engine} gives Go's answers on cases ${from}..${to - 1}`, async () => {
        const found = await disagreements(engine, cases.slice(from, to), expected.slice(from, to));
        expect(found.slice(0, 5)).toEqual([]);
        expect(found.length).toBe(0);
      });
    }
  }
});
