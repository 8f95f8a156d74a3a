// The Alloy snippets of the seed documents (shared/seeds/002 and 003), extracted by hand into
// fixtures/. Each must parse, and format exactly as Alloy's printer formats it (the .fmt files were
// produced by Alloy's own printer), and formatting again must change nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile } from '../../src/syntax/printer.ts';

const dir = join(import.meta.dirname, 'fixtures');
const seeds = readdirSync(dir).filter((f) => f.startsWith('seed-') && f.endsWith('.alloy') && !f.includes('as-published'));

describe.each(seeds)('seed snippet %s', (name) => {
  const source = readFileSync(join(dir, name), 'utf8');

  it('parses without diagnostics', () => {
    expect(parseFile(source, name).diagnostics).toEqual([]);
  });

  it('formats exactly as Alloy does', () => {
    const { file } = parseFile(source, name);
    expect(formatFile(file, source)).toBe(readFileSync(join(dir, `${name}.fmt`), 'utf8'));
  });

  it('is stable under a second fmt', () => {
    const once = formatFile(parseFile(source, name).file, source);
    expect(formatFile(parseFile(once, name).file, once)).toBe(once);
  });
});

describe('seed 002 as published', () => {
  it('is rejected at the caption line because "#" is not Alloy syntax', () => {
    const source = readFileSync(join(dir, 'seed-002-ui-http-as-published.alloy'), 'utf8');
    const messages = parseFile(source, 'f').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.message}`);
    expect(messages).toEqual([
      "1:1: illegal character U+0023 '#'",
      '1:1: expected identifier, got ILLEGAL',
      "1:22: illegal character U+2014 '—'",
    ]);
  });
});
