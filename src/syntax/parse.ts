// Entry point of the syntax layer: source text in, AST and diagnostics out. Never throws, on any
// input. Diagnostics are Alloy's, message for message and position for position (checked against
// Alloy's own parser by the conformance run). To report bytes that are not UTF-8 as Alloy does, read
// files with `decodeSource` (source-text.ts). Nesting deeper than MAX_NESTING (500) levels is
// reported as an error instead of being parsed. `parseWithGrammar` (grammar-parse.ts) is the
// Chevrotain-based second implementation of the same language.
import type { Diagnostic, Expr, File, Stmt } from './ast.ts';
import { AlloyParser } from './parser.ts';
import { parseWithGrammar } from './grammar-parse.ts';

export interface ParseResult {
  file: File;
  /** Errors in Alloy's wording and order; the file is valid for Alloy iff there are none. */
  diagnostics: Diagnostic[];
}

/**
 * Parses a whole file. The tree is complete when there are no diagnostics and best-effort otherwise;
 * Alloy itself discards the tree of a file with errors.
 */
export function parseFile(source: string, fileName: string): ParseResult {
  // Valid files are read by the Chevrotain grammar (grammar/). A file it refuses is read again by
  // the recursive-descent parser that follows Alloy's parser decision by decision, because the
  // diagnostics and the recovery must be Alloy's, message for message; on valid input the two
  // build identical trees (test/grammar/parser.test.ts).
  // Very deep trees also go to the faithful parser, which owns the nesting limit.
  const viaGrammar = parseWithGrammar(source, fileName);
  if (viaGrammar.file && viaGrammar.diagnostics.length === 0 && !deeperThan(viaGrammar.file.body, GRAMMAR_DEPTH_LIMIT)) {
    return { file: viaGrammar.file, diagnostics: [] };
  }
  return parseFaithfully(source, fileName);
}

/**
 * Each nesting level the faithful parser counts (a block body, an expression, a unary operand, an
 * exponent) puts a statement or expression node of its own on the path to the innermost node, so a
 * file it refuses for nesting has a path longer than MAX_NESTING (500); 400 leaves a margin.
 */
const GRAMMAR_DEPTH_LIMIT = 400;

/** Whether a path from the top of the file passes through more than `limit` statements and expressions. */
function deeperThan(body: readonly Stmt[], limit: number): boolean {
  for (const s of body) if (stmtDeeperThan(s, limit - 1)) return true;
  return false;
}

// The walk follows only statement and expression children (not positions) and stops once the path
// is `limit` long, so it is cheap and its recursion stays shallow.
function stmtDeeperThan(s: Stmt, limit: number): boolean {
  if (limit < 0) return true;
  if (s.kind === 'Attribute') return exprDeeperThan(s.value, limit - 1);
  for (const c of s.body) if (stmtDeeperThan(c, limit - 1)) return true;
  return false;
}

function exprDeeperThan(e: Expr, limit: number): boolean {
  if (limit < 0) return true;
  const below = limit - 1;
  switch (e.kind) {
    case 'Literal':
    case 'Identifier':
      return false;
    case 'Paren':
      return exprDeeperThan(e.inner, below);
    case 'Unary':
    case 'Access':
      return exprDeeperThan(e.value, below);
    case 'Binary':
      return exprDeeperThan(e.left, below) || exprDeeperThan(e.right, below);
    case 'Index':
      return exprDeeperThan(e.value, below) || exprDeeperThan(e.index, below);
    case 'Call':
      if (exprDeeperThan(e.value, below)) return true;
      for (const a of e.args) if (exprDeeperThan(a, below)) return true;
      return false;
    case 'Array':
      for (const x of e.elements) if (exprDeeperThan(x, below)) return true;
      return false;
    case 'Object':
      for (const f of e.fields) if (exprDeeperThan(f.value, below)) return true;
      return false;
  }
}

/** The Alloy-faithful recursive-descent parser alone (errors and recovery as Alloy's). */
export function parseFaithfully(source: string, fileName: string): ParseResult {
  const parser = new AlloyParser(source, fileName);
  const file = parser.parseFile();
  return { file, diagnostics: parser.diagnostics };
}

/** Parses a single expression, as Alloy's parser.ParseExpression (the whole input must be used). */
export function parseExpression(source: string, fileName = ''): { expr: Expr; diagnostics: Diagnostic[] } {
  const parser = new AlloyParser(source, fileName);
  const expr = parser.parseExpression();
  parser.expectEnd();
  return { expr, diagnostics: parser.diagnostics };
}
