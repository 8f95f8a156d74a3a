// The comparison behind the differential suite, kept free of vitest so it can also be run as a
// script while investigating a disagreement.
import fc from 'fast-check';
import { compileRegex, type EngineName } from '../../../src/regex/index.ts';
import { askOracle } from '../../oracle/go.ts';
import { b64, byteToIndexMap, unb64 } from './bytes.ts';
import { caseArb, type Case } from './generate.ts';
import { HAND_PICKED } from './hand-picked.ts';

export const GENERATED = 10_000;
const SEED = 20_261_123;
const NAMES = ['n', 'name', 'x1', '_a', 'nope', ''];

interface OracleAnswer {
  error?: string;
  numSubexp: number;
  subexpNames: string[];
  subexpIndex: number[];
  match: boolean;
  first: number[] | null;
  all: number[][] | null;
  replace: string;
  replaceLiteral: string;
  replaceFunc: string;
  expand: string[] | null;
}

/** What the regex layer should answer, in its own terms (string indices, decoded strings). */
export interface Expected {
  error?: string;
  numSubexp?: number;
  subexpNames?: string[];
  subexpIndex?: number[];
  match?: boolean;
  first?: number[] | null;
  all?: number[][];
  replace?: string;
  replaceLiteral?: string;
  replaceFunc?: string;
  expand?: string[];
}

export function expectedFrom(c: Case, a: OracleAnswer): Expected {
  if (a.error !== undefined) {
    let error = unb64(a.error);
    error = error.replace('regexp/syntax: internal error', 'expression too large');
    return { error };
  }
  const map = byteToIndexMap(c.input);
  const idx = (b: number): number => (b < 0 ? -1 : map.get(b)!);
  return {
    numSubexp: a.numSubexp,
    subexpNames: a.subexpNames,
    subexpIndex: a.subexpIndex,
    match: a.match,
    first: a.first === null ? null : a.first.map(idx),
    all: (a.all ?? []).map((m) => m.map(idx)),
    replace: unb64(a.replace),
    replaceLiteral: unb64(a.replaceLiteral),
    replaceFunc: unb64(a.replaceFunc),
    expand: (a.expand ?? []).map(unb64),
  };
}

export function actualFrom(c: Case, engine: EngineName): Expected {
  let re;
  try {
    // Errors are compared on the oracle's spelling, which current Go also accepts; the two
    // spellings must be accepted or rejected together.
    re = compileRegex(c.pattern.pattern, { engine });
  } catch (e) {
    try {
      compileRegex(c.pattern.go119, { engine });
    } catch (e119) {
      return { error: (e119 as Error).message };
    }
    return { error: 'accepted only in the Go 1.19 spelling: ' + (e as Error).message };
  }
  const all = re.findAllStringSubmatchIndex(c.input, c.n);
  return {
    numSubexp: re.numSubexp(),
    subexpNames: re.subexpNames(),
    subexpIndex: NAMES.map((n) => re.subexpIndex(n)),
    match: re.matchString(c.input),
    first: re.findStringSubmatchIndex(c.input),
    all,
    replace: re.replaceAllString(c.input, c.template),
    replaceLiteral: re.replaceAllLiteralString(c.input, c.template),
    replaceFunc: re.replaceAllStringFunc(c.input, (m) => '<' + m + '>'),
    expand: re.findAllStringSubmatchIndex(c.input, -1).map((m) => re.expandString(c.template, c.input, m)),
  };
}


export function differentialCases(seed = SEED, count = GENERATED): Case[] {
  return [...HAND_PICKED, ...fc.sample(caseArb, { seed, numRuns: count })];
}

/** Go's answers for all cases, from one oracle process. */
export async function goAnswers(cases: Case[]): Promise<Expected[]> {
  const answers = await askOracle<object, OracleAnswer>(
    'regex',
    cases.map((c) => ({
      pattern: b64(c.pattern.go119),
      input: b64(c.input),
      n: c.n,
      repl: b64(c.template),
      template: b64(c.template),
      names: NAMES,
    })),
  );
  return answers.map((a, i) => expectedFrom(cases[i]!, a));
}

export interface Disagreement {
  case: Case;
  want: Expected;
  got: Expected | string;
}

/**
 * Compares every case, yielding to the event loop now and then so a long run does not starve
 * the test runner's own messages.
 */
export async function disagreements(engine: EngineName, cases: Case[], expected: Expected[]): Promise<Disagreement[]> {
  const out: Disagreement[] = [];
  for (let i = 0; i < cases.length; i++) {
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    const c = cases[i]!;
    let got: Expected | string;
    try {
      got = actualFrom(c, engine);
    } catch (e) {
      got = 'threw ' + String(e);
    }
    if (JSON.stringify(got) !== JSON.stringify(expected[i])) out.push({ case: c, want: expected[i]!, got });
  }
  return out;
}
