// Properties of the syntax reader: no input makes it throw or hang, formatting is idempotent and
// does not change the tree, and generated valid files are accepted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile } from '../../src/syntax/printer.ts';
import { stripPositions } from '../../src/syntax/ast-compare.ts';
import type { Expr, File, LiteralExpr } from '../../src/syntax/ast.ts';
import { decodeSource } from '../../src/syntax/source-text.ts';
import { alloyFile } from './arbitraries.ts';

const fixtureDir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.alloy') && !f.includes('as-published'))
  .map((f) => readFileSync(join(fixtureDir, f), 'utf8'));

const tokenish = fc.constantFrom('{', '}', '[', ']', '(', ')', ',', '=', '"', '`', '\n', '//', '/*', '*/', '\\', '.', '^', '-', '!', 'a', '1', '"x"', ' ', '\r', '\u0000', '\ufeff');

/** A fixture with a few random edits. */
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.oneof(tokenish, fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 4 }))
  .map(([src, edits]) => {
    let s = src;
    for (const [at, del, ins] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });

/**
 * How many lines higher than where it is printed Alloy's printer believes the end of `e` to be.
 * The printer tracks a source position: a token written with its own position (literal,
 * identifier, operator, bracket, brace) sets it, any other token continues from it. A call's `)`
 * is written without a position, and when the last argument ends on an earlier line than `)`,
 * Alloy writes `,` and a line break first, yet `)` is placed at the position the printer had
 * before that line break: one line too high, plus whatever the last argument already lagged. The
 * `)` of parentheses, the `.name` of an access and the end of a unary or binary expression inherit
 * the lag of what they end with.
 */
function linesBehindAtEnd(e: Expr): number {
  switch (e.kind) {
    case 'Call': {
      const last = e.args.at(-1);
      const lag = last ? linesBehindAtEnd(last) : linesBehindAtEnd(e.value);
      return lag + ((last ? last.range.end.line : e.lParen.line) !== e.rParen.line ? 1 : 0);
    }
    case 'Access':
    case 'Unary':
      return linesBehindAtEnd(e.value);
    case 'Binary':
      return linesBehindAtEnd(e.right);
    case 'Paren':
      return linesBehindAtEnd(e.inner);
    default:
      return 0;
  }
}

/** End offsets of the expressions in `node` whose end Alloy's printer believes to be higher. */
function laggingEnds(node: unknown, ends: number[]): number[] {
  if (Array.isArray(node)) {
    for (const n of node) laggingEnds(n, ends);
  } else if (node !== null && typeof node === 'object') {
    const e = node as Partial<Expr>;
    if (e.kind !== undefined && e.range && linesBehindAtEnd(e as Expr) > 0) ends.push(e.range.end.offset);
    for (const v of Object.values(node)) laggingEnds(v, ends);
  }
  return ends;
}

/**
 * Alloy's printer places a comment by comparing source lines with the last token written before
 * it: on that token's line, the comment follows it; otherwise it goes as many lines lower as the
 * two lines differ (at most two: one blank line). After a token the printer believes to be higher (see linesBehindAtEnd), a
 * comment on that token's line or the line below is moved down at each run until a blank line
 * separates them: `a = f(\n1,\n) // c` is formatted `…)\n// c`, then `…)\n\n// c`, and stays so.
 * We reproduce that, so idempotence is not claimed for a formatted `text` (tree `file`) in which a
 * comment follows such a token, possibly through a `,`, with at most one line break between them.
 */
function commentCloseAfterLaggingToken(file: File, text: string): boolean {
  const starts = file.comments.flatMap((g) => g.comments.map((c) => c.range.start.offset));
  return laggingEnds(file.body, []).some((end) => {
    const next = starts.find((at) => at >= end);
    return next !== undefined && /^[ \t]*(,[ \t]*)?(\n[ \t]*)?$/.test(text.slice(end, next));
  });
}

/** Lines on which a raw string that spans several lines ends. */
function rawStringEndLines(node: unknown, lines: Set<number>): Set<number> {
  if (Array.isArray(node)) {
    for (const n of node) rawStringEndLines(n, lines);
  } else if (node !== null && typeof node === 'object') {
    const lit = node as Partial<LiteralExpr>;
    if (lit.kind === 'Literal' && lit.raw?.startsWith('`') && lit.range && lit.range.end.line > lit.range.start.line) lines.add(lit.range.end.line);
    for (const v of Object.values(node)) rawStringEndLines(v, lines);
  }
  return lines;
}

/**
 * Alloy's printer passes a raw string's text to its tab writer unescaped, so the last line of a
 * multi-line raw string is a row without indentation cells, and the tab written before a comment
 * on that line ends a cell that joins the indentation column of the rows above. When that cell is
 * 8 or more characters wide, those rows get one tab more, and which rows they are depends on the
 * layout above (an empty block written over several lines ends the run; once fmt has made it
 * `a { }`, it no longer does), so the output can change again at the next run. We reproduce that,
 * so idempotence is not claimed for such a file. `text` is formatted output (the cell is the
 * printed text before the comment) and `file` its tree.
 */
function wideCommentAfterRawString(file: File, text: string): boolean {
  const ends = rawStringEndLines(file.body, new Set());
  return file.comments.some((g) =>
    g.comments.some((c) => {
      if (!ends.has(c.range.start.line)) return false;
      const at = c.range.start.offset;
      const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd();
      return [...before].length >= 8;
    }),
  );
}

function fmtKeepsTree(src: string): void {
  const first = parseFile(src, 'f');
  if (first.diagnostics.length > 0) return;
  const once = formatFile(first.file, src);
  const second = parseFile(once, 'f');
  expect(second.diagnostics).toEqual([]);
  expect(stripPositions(second.file)).toEqual(stripPositions(first.file));
  if (commentCloseAfterLaggingToken(second.file, once) || wideCommentAfterRawString(second.file, once)) return;
  expect(formatFile(second.file, once)).toBe(once);
}

describe('parseFile never throws', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('on arbitrary Unicode strings, lone surrogates included', (src) => {
    const r = parseFile(src, 'f');
    expect(r.file.kind).toBe('File');
  });

  test.prop([fc.uint8Array({ maxLength: 300 })])('on arbitrary bytes read as a file', (bytes) => {
    const r = parseFile(decodeSource(bytes), 'f');
    expect(Array.isArray(r.diagnostics)).toBe(true);
  });

  test.prop([fc.array(tokenish, { maxLength: 200 }).map((a) => a.join(''))])('on random token soup', (src) => {
    expect(parseFile(src, 'f').file.kind).toBe('File');
  });

  test.prop([mutated])('on mutated real configs', (src) => {
    expect(parseFile(src, 'f').file.kind).toBe('File');
  });
});

describe('deep nesting', () => {
  test.prop([fc.constantFrom('[', '(', '{', '!', '-', 'a {\n', '1 ^ '), fc.integer({ min: 600, max: 20000 })])(
    'is reported, not a stack overflow',
    (open, depth) => {
      const r = parseFile(`x = ${open.repeat(depth)}1`, 'f');
      expect(r.diagnostics.length).toBeGreaterThan(0);
    },
  );
});

describe('generated valid files', () => {
  test.prop([alloyFile])('are accepted', (src) => {
    expect(parseFile(src, 'f').diagnostics).toEqual([]);
  });

  test.prop([alloyFile])('keep their tree through fmt, and fmt is idempotent', (src) => {
    fmtKeepsTree(src);
  });

  test.prop([alloyFile])('with a comment that fmt moves again after a call closed on its own line, are stable from the second fmt run', (src) => {
    const once = formatFile(parseFile(src, 'f').file, src);
    const second = parseFile(once, 'f').file;
    fc.pre(commentCloseAfterLaggingToken(second, once) && !wideCommentAfterRawString(second, once));
    const twice = formatFile(second, once);
    expect(formatFile(parseFile(twice, 'f').file, twice)).toBe(twice);
  });
});

describe('fmt on mutated configs', () => {
  test.prop([mutated])('keeps the tree and is idempotent whenever the mutant is valid', (src) => {
    fmtKeepsTree(src);
  });
});
