// Entry point of the syntax layer: source text in, AST and diagnostics out. Never throws.
import type { Diagnostic, Expr, File } from './ast.ts';
import { AlloyParser } from './parser.ts';

export interface ParseResult {
  file: File;
  /** Errors in Alloy's wording and order; the file is valid for Alloy iff there are none. */
  diagnostics: Diagnostic[];
}

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
