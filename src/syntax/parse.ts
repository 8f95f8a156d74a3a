// Entry point of the syntax layer: source text in, AST and diagnostics out. Never throws, on any
// input. Diagnostics are Alloy's, message for message and position for position (checked against
// Alloy's own parser by the conformance run). To report bytes that are not UTF-8 as Alloy does, read
// files with `decodeSource` (source-text.ts). Nesting deeper than MAX_NESTING (500) levels is
// reported as an error instead of being parsed. `parseWithGrammar` (grammar-parse.ts) is the
// Chevrotain-based second implementation of the same language.
import type { Diagnostic, Expr, File } from './ast.ts';
import { AlloyParser } from './parser.ts';

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
