// The Chevrotain grammar and the Alloy-faithful parser are two implementations of one language:
// they accept the same files and build the same trees, positions included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseWithGrammar } from '../../src/syntax/grammar-parse.ts';
import { parseFaithfully as parseFile } from '../../src/syntax/parse.ts';
import { alloyFile } from '../syntax/arbitraries.ts';

const fixtureDir = join(import.meta.dirname, '../syntax/fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.alloy'))
  .map((f) => [f, readFileSync(join(fixtureDir, f), 'utf8')] as const);

function agree(src: string): void {
  const faithful = parseFile(src, 'f');
  const grammar = parseWithGrammar(src, 'f');
  const grammarAccepts = grammar.file !== undefined && grammar.diagnostics.length === 0;
  expect(grammarAccepts).toBe(faithful.diagnostics.length === 0);
  if (grammarAccepts) expect(grammar.file).toEqual(faithful.file);
}

const edits = fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom('', ',', '=', '{', '}', '[', ']', '(', ')', '\n', '"', '.', 'a', '1', ' "l" ', '^', '-')), {
  minLength: 1,
  maxLength: 3,
});

function applyEdits(src: string, list: [number, number, string][]): string {
  let s = src;
  for (const [at, del, ins] of list) {
    const i = at % (s.length + 1);
    s = s.slice(0, i) + ins + s.slice(i + del);
  }
  return s;
}

describe('grammar and faithful parser', () => {
  it.each(fixtures)('agree on %s', (_name, src) => {
    agree(src);
  });

  it('both reject a label that is not an identifier', () => {
    expect(parseWithGrammar('a "b c" {}\n', 'f').diagnostics.map((d) => d.message)).toEqual([
      'expected block label to be a valid identifier, but got "b c"',
    ]);
  });

  it('both reject a dotted attribute name', () => {
    expect(parseWithGrammar('a.b = 1\n', 'f').file).toBeUndefined();
  });

  it('both reject a missing trailing comma before a newline', () => {
    agree('a = [\n1\n]\n');
  });

  test.prop([alloyFile])('agree on generated valid files', (src) => {
    agree(src);
  });

  test.prop([fc.constantFrom(...fixtures.map(([, s]) => s)), edits])('agree on mutated fixtures', (src, list) => {
    agree(applyEdits(src, list));
  });

  test.prop([alloyFile, edits])('agree on mutated generated files', (src, list) => {
    agree(applyEdits(src, list));
  });

  it('reports very deep nesting instead of overflowing the stack', () => {
    const r = parseWithGrammar(`x = ${'['.repeat(20000)}`, 'f');
    expect(r.file).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('grammar parser reused across files', () => {
  const valid = 'a "x" {\n  b = [1, 2] // c\n}\n';

  function readsValidFileAfter(previous: string): void {
    parseWithGrammar(previous, 'previous');
    const r = parseWithGrammar(valid, 'f');
    expect(r.diagnostics).toEqual([]);
    expect(r.file).toEqual(parseFile(valid, 'f').file);
  }

  it('reads a valid file after a file with a syntax error', () => {
    readsValidFileAfter('a = [1,\n');
  });

  it('reads a valid file after a file with block-label errors', () => {
    readsValidFileAfter('a "b c" {}\nd `e` {}\n');
  });

  it('reads a valid file after a file nested too deep for it', () => {
    readsValidFileAfter(`x = ${'['.repeat(20000)}`);
  });
});
