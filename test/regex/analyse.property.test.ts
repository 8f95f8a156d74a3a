import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { analyseRegex, mayMatch } from '../../src/regex/analyse.ts';
import { Re2jsCore } from '../../src/regex/backends/re2js.ts';
import { compileRegex } from '../../src/regex/index.ts';
import { parseRegex } from '../../src/regex/syntax/parser.ts';
import { printForBackend } from '../../src/regex/syntax/print.ts';
import { inputArb, patternArb } from './support/generate.ts';

/** A pattern Go accepts, with an input that is sometimes built to contain a match. */
const validCase = fc
  .tuple(patternArb, inputArb, inputArb)
  .filter(([p]) => {
    try {
      compileRegex(p.pattern, { engine: 're2js' });
      return true;
    } catch {
      return false;
    }
  })
  .map(([p, a, b]) => ({ pattern: p.pattern, input: a + b }));

/** Searches with a bare backend: compileRegex itself uses the analysis as a prefilter. */
function matchesWithoutPrefilter(pattern: string, input: string): boolean {
  const parsed = parseRegex(pattern);
  return new Re2jsCore(printForBackend(parsed.root), parsed.numCap).bind(input).exec(0, 1) !== null;
}

test.prop([validCase], { numRuns: 1500 })('a line without any required literal never matches', ({ pattern, input }) => {
  const matches = matchesWithoutPrefilter(pattern, input);
  expect(!matches || mayMatch(analyseRegex(pattern).requiredLiterals, input)).toBe(true);
});

test.prop([validCase], { numRuns: 1500 })('a pattern that produced an empty match is said to match empty', ({ pattern, input }) => {
  const found = compileRegex(pattern, { engine: 're2js' }).findAllStringIndex(input, -1);
  const emptySeen = found.some(([s, e]) => s === e);
  expect(!emptySeen || analyseRegex(pattern).canMatchEmpty).toBe(true);
});
