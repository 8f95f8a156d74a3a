// Properties of the syntax reader: no input makes it throw or hang, formatting is idempotent and
// does not change the tree, and generated valid files are accepted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile } from '../../src/syntax/printer.ts';
import { stripPositions } from '../../src/syntax/ast-compare.ts';
import type { Expr, File, LiteralExpr, ObjectField, Range, Stmt } from '../../src/syntax/ast.ts';
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
 * A generated file with line breaks put after a few `=`, `.` or binary operators: statements and
 * fields over several lines that fmt prints on one (a break inside a string or a comment makes an
 * invalid file, which the properties skip).
 */
const splitOverLines = fc.tuple(alloyFile, fc.array(fc.nat(), { minLength: 1, maxLength: 3 })).map(([src, picks]) => {
  const spots = [...src.matchAll(/(?<=[\p{L}_]\.)(?=[\p{L}_])|(?<=(?:^|[ \t])(?:=|[-+*\/%^<>]|[=!<>]=|&&|\|\|) )/gmu)].map((m) => m.index);
  const at = [...new Set(picks.map((k) => spots[k % spots.length]!))].filter((i) => i !== undefined).sort((x, y) => y - x);
  for (const i of at) src = `${src.slice(0, i)}\n${src.slice(i)}`;
  return src;
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

/** How many lines `node` spans. */
function lineSpan(node: { range: Range }): number {
  return node.range.end.line - node.range.start.line + 1;
}

/** A statement or object field and how deeply fmt indents its row. */
interface Row {
  row: Stmt | ObjectField;
  depth: number;
}

/**
 * Alloy's printer ends a run of aligned rows after a statement that spans several source lines
 * (in an object, after a field whose value does), and it judges by the lines of its input: a
 * statement fmt prints on one line still ends the run, but at the next run, read from one line,
 * it no longer does. Any line break fmt does not keep does that: after `=`, `.`, an operator, a
 * unary `-`/`!`, `(` of parentheses or `[` of an index, inside an empty `{}` or `[]`, or in an
 * empty block (`a {\n}`, printed `a { }`). This lists the rows (statements and fields, in tree
 * `first` of the input) that span several lines there, one line in tree `second` of fmt's output,
 * and that the next row joins at the next run: an attribute (field) on the next line. A blank
 * line, a comment line or a block between them ends the run at every run.
 */
function rowsRejoinedAtSecondRun(first: File, second: File): Row[] {
  const rows: Row[] = [];
  const stmts = (a: readonly Stmt[], b: readonly Stmt[], depth: number): void => {
    a.forEach((s, i) => {
      const t = b[i]!;
      const next = b[i + 1];
      if (lineSpan(s) > 1 && lineSpan(t) === 1 && next?.kind === 'Attribute' && next.range.start.line === t.range.end.line + 1) rows.push({ row: t, depth });
      if (s.kind === 'Attribute') expr(s.value, (t as typeof s).value, depth);
      else stmts(s.body, (t as typeof s).body, depth + 1);
    });
  };
  const expr = (a: Expr, b: Expr, depth: number): void => {
    switch (a.kind) {
      case 'Object': {
        const fields = (b as typeof a).fields;
        a.fields.forEach((f, i) => {
          const g = fields[i]!;
          const next = fields[i + 1];
          if (lineSpan(f.value) > 1 && lineSpan(g.value) === 1 && next && next.name.range.start.line !== g.name.range.start.line) rows.push({ row: g, depth: depth + 1 });
          expr(f.value, g.value, depth + 1);
        });
        return;
      }
      case 'Array':
        return a.elements.forEach((x, i) => expr(x, (b as typeof a).elements[i]!, depth + 1));
      case 'Call':
        expr(a.value, (b as typeof a).value, depth);
        return a.args.forEach((x, i) => expr(x, (b as typeof a).args[i]!, depth + 1));
      case 'Access':
      case 'Unary':
        return expr(a.value, (b as typeof a).value, depth);
      case 'Index':
        expr(a.value, (b as typeof a).value, depth);
        return expr(a.index, (b as typeof a).index, depth);
      case 'Binary':
        expr(a.left, (b as typeof a).left, depth);
        return expr(a.right, (b as typeof a).right, depth);
      case 'Paren':
        return expr(a.inner, (b as typeof a).inner, depth);
      default:
        return;
    }
  };
  stmts(first.body, second.body, 0);
  return rows;
}

/**
 * The `=` of an attribute (field) that fmt printed on one line from several, and the comment after
 * an empty block it did so, join the alignment of the next row only at fmt's second run (see
 * rowsRejoinedAtSecondRun): `id = constants.\nhostname\nyyyy = 2` is formatted
 * `id = constants.hostname\nyyyy = 2`, then `id   = constants.hostname\nyyyy = 2`, and stays so.
 * We reproduce that, so idempotence is not claimed for input tree `first` formatted as tree
 * `second` with such a row (when the joined cells have the same width, nothing moves).
 */
function alignmentJoinedAtSecondRun(first: File, second: File): boolean {
  const commentsAt = second.comments.flatMap((g) => g.comments.map((c) => c.range.start));
  return rowsRejoinedAtSecondRun(first, second).some(
    ({ row }) => !('kind' in row && row.kind === 'Block') || commentsAt.some((c) => c.line === row.range.end.line && c.offset >= row.range.end.offset),
  );
}

/**
 * Alloy's printer passes a raw string's text to its tab writer unescaped, so the last line of a
 * multi-line raw string is a row without indentation cells, and the tab written before a comment
 * on that line ends a cell that joins the indentation column of the rows above. When that cell is
 * 8 or more characters wide, those rows get one tab more. Which rows they are changes from one run
 * to the next only where an indented row joins the run at the second run (see
 * rowsRejoinedAtSecondRun: an empty block written over several lines ends the run; once fmt has
 * made it `a { }`, it no longer does). We reproduce that, so idempotence is not claimed for input
 * tree `first` formatted as `text` (tree `second`) with such a comment and such a row (the cell is
 * the printed text before the comment).
 */
function wideCommentAfterRawString(first: File, second: File, text: string): boolean {
  if (!rowsRejoinedAtSecondRun(first, second).some((r) => r.depth > 0)) return false;
  const ends = rawStringEndLines(second.body, new Set());
  return second.comments.some((g) =>
    g.comments.some((c) => {
      if (!ends.has(c.range.start.line)) return false;
      const at = c.range.start.offset;
      const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd();
      return [...before].length >= 8;
    }),
  );
}

/**
 * Alloy's printer writes a block's name parts joined by `.`, then the comments found among them,
 * then the label and `{`: after a line comment (or a comment spanning lines) within the name, as
 * in `a.// c\nb {\n}`, the `{` lands on the next line (`a.b // c\n{ }`), which Alloy's parser
 * rejects. We reproduce that, so fmt is not claimed to keep a file with such a comment (`file`
 * its tree) parseable.
 */
function lineEndingCommentInBlockName(file: File): boolean {
  const starts = file.comments.flatMap((g) => g.comments.filter((c) => c.text.startsWith('//') || c.text.includes('\n')).map((c) => c.range.start.offset));
  const inName = (stmts: readonly Stmt[]): boolean =>
    stmts.some((s) => s.kind === 'Block' && (starts.some((at) => at > s.nameRange.start.offset && at < s.nameRange.end.offset) || inName(s.body)));
  return inName(file.body);
}

function fmtKeepsTree(src: string): void {
  const first = parseFile(src, 'f');
  if (first.diagnostics.length > 0 || lineEndingCommentInBlockName(first.file)) return;
  const once = formatFile(first.file, src);
  const second = parseFile(once, 'f');
  expect(second.diagnostics).toEqual([]);
  expect(stripPositions(second.file)).toEqual(stripPositions(first.file));
  const twice = formatFile(second.file, once);
  if (commentCloseAfterLaggingToken(second.file, once)) return;
  if (alignmentJoinedAtSecondRun(first.file, second.file) || wideCommentAfterRawString(first.file, second.file, once)) {
    // From the second run on, the statements are read from one line.
    expect(formatFile(parseFile(twice, 'f').file, twice)).toBe(twice);
    return;
  }
  expect(twice).toBe(once);
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
    const first = parseFile(src, 'f').file;
    const once = formatFile(first, src);
    const second = parseFile(once, 'f').file;
    fc.pre(commentCloseAfterLaggingToken(second, once) && !wideCommentAfterRawString(first, second, once));
    const twice = formatFile(second, once);
    expect(formatFile(parseFile(twice, 'f').file, twice)).toBe(twice);
  });
});

describe('generated files with expressions split over lines', () => {
  test.prop([splitOverLines])('keep their tree through fmt, and fmt is idempotent, or stable from its second run where only that run aligns a statement it put on one line', (src) => {
    fmtKeepsTree(src);
  });
});

describe('fmt on mutated configs', () => {
  test.prop([mutated])('keeps the tree and is idempotent (or stable from its second run, as above) whenever the mutant is valid', (src) => {
    fmtKeepsTree(src);
  });
});
