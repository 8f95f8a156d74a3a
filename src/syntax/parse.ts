// Entry point of the syntax layer: source text in, AST and diagnostics out. Never throws, on any
// input. Diagnostics are Alloy's, message for message and position for position (checked against
// Alloy's own parser by the conformance run). To report bytes that are not UTF-8 as Alloy does, read
// files with `decodeSource` (source-text.ts). Nesting deeper than MAX_NESTING (500) levels is
// reported as an error instead of being parsed. `parseWithGrammar` (grammar-parse.ts) is the
// Chevrotain-based second implementation of the same language.
import type { Diagnostic, Expr, File } from './ast.ts';
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
  if (viaGrammar.file && viaGrammar.diagnostics.length === 0 && !deeperThan(viaGrammar.file, GRAMMAR_DEPTH_LIMIT)) {
    return { file: viaGrammar.file, diagnostics: [] };
  }
  return parseFaithfully(source, fileName);
}

/** Below the faithful parser's MAX_NESTING, with room for the extra levels it counts. */
const GRAMMAR_DEPTH_LIMIT = 400;

/** Whether the object tree under `root` is deeper than `limit` levels (iterative: no recursion). */
function deeperThan(root: object, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (node === null || typeof node !== 'object') continue;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
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
