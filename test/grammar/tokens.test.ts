// The Chevrotain token patterns spell tokens as Alloy's scanner does: on valid files both produce
// the same tokens (terminators aside, which only the scanner can place).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { alloyLexer, tokenTypeOf } from '../../grammar/tokens.ts';
import { scanAll } from '../../src/syntax/scanner.ts';
import { alloyFile } from '../syntax/arbitraries.ts';

const fixtureDir = join(import.meta.dirname, '../syntax/fixtures');
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.alloy') && !f.includes('as-published'));

function viaScanner(src: string): string[] {
  return scanAll(src)
    .tokens.filter((t) => t.kind !== 'TERMINATOR' && t.kind !== 'EOF' && t.kind !== 'COMMENT')
    .map((t) => `${tokenTypeOf(t.kind)!.name} ${t.text}`);
}

function viaChevrotain(src: string): string[] {
  const r = alloyLexer.tokenize(src);
  expect(r.errors).toEqual([]);
  return r.tokens.map((t) => `${t.tokenType.name} ${t.image}`);
}

describe('Chevrotain lexer', () => {
  it.each(fixtures)('tokenizes %s as the scanner does', (name) => {
    const src = readFileSync(join(fixtureDir, name), 'utf8');
    expect(viaChevrotain(src)).toEqual(viaScanner(src));
  });

  it('puts comments in their own group', () => {
    const r = alloyLexer.tokenize('a = 1 // c\n/* d */');
    expect(r.groups.comments!.map((t) => t.image)).toEqual(['// c', '/* d */']);
  });

  test.prop([alloyFile])('tokenizes generated files as the scanner does', (src) => {
    expect(viaChevrotain(src)).toEqual(viaScanner(src));
  });

  test.prop([fc.constantFrom('1.5e-3', '.5', '1e9', '2.', 'true', 'trueish', 'null', '"\\u00e9"', '`a\nb`', '<=', '!=', '==', '||')])(
    'spells single literals and operators as the scanner does',
    (src) => {
      expect(viaChevrotain(src)).toEqual(viaScanner(src));
    },
  );

  it('does not lex a string with an invalid escape as a string', () => {
    for (const bad of ['"\\q"', '"\\x4"', '"\\\'"', '"\\u12"']) {
      expect(alloyLexer.tokenize(bad).errors.length).toBeGreaterThan(0);
    }
  });

  it('lexes keywords only as whole words', () => {
    expect(viaChevrotain('true truex nullable null')).toEqual(['BOOL true', 'IDENT truex', 'IDENT nullable', 'NULL null']);
  });
});
