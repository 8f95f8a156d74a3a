// Parsing through the Chevrotain grammar (grammar/parser.ts), whose rules build the AST as they
// match: the second, declarative implementation of the language. For a file Alloy accepts it builds
// the same AST as the faithful parser (`parseFaithfully`); tests hold the two to that. Its syntax
// error messages are Chevrotain's, not Alloy's, so `parseFile` reads a file it refuses again with
// the faithful parser.
import { alloyGrammar } from '../../grammar/parser.ts';
import { GrammarToken, scanForGrammar } from '../../grammar/tokens.ts';
import type { Diagnostic, File } from './ast.ts';
import { groupComments } from './comments.ts';

export interface GrammarParseResult {
  /** Present when the tokens matched the grammar. */
  file?: File;
  diagnostics: Diagnostic[];
}

export function parseWithGrammar(source: string, fileName: string): GrammarParseResult {
  try {
    return parseWithGrammarUnguarded(source, fileName);
  } catch (err) {
    // Chevrotain recurses several frames per grammar rule; very deep nesting exhausts the stack.
    if (!(err instanceof RangeError)) throw err;
    const start = { offset: 0, line: 1, column: 1 };
    return { diagnostics: [{ severity: 'error', file: fileName, message: 'nesting too deep for the grammar parser', range: { start, end: start } }] };
  }
}

function parseWithGrammarUnguarded(source: string, fileName: string): GrammarParseResult {
  const { tokens, errors, illegal, comments, eof } = scanForGrammar(source);
  const diagnostics: Diagnostic[] = errors.map((e) => ({ severity: 'error', file: fileName, message: e.message, range: { start: e.pos, end: e.pos } }));
  if (illegal && errors.length === 0) {
    diagnostics.push({ severity: 'error', file: fileName, message: `illegal token ${illegal.text}`, range: { start: illegal.start, end: illegal.end } });
  }
  const parsed = alloyGrammar().parse(tokens);
  for (const e of parsed.errors) {
    // Past the last token Chevrotain reports its own EOF token, which has no Alloy position.
    const at = e.token instanceof GrammarToken ? e.token.start : eof.start;
    diagnostics.push({ severity: 'error', file: fileName, message: e.message, range: { start: at, end: at } });
  }
  if (!parsed.body) return { diagnostics };
  for (const { at, message } of parsed.labelErrors) {
    diagnostics.push({ severity: 'error', file: fileName, message, range: { start: at.start, end: at.end } });
  }
  const file: File = {
    kind: 'File',
    name: fileName,
    body: parsed.body,
    comments: groupComments(comments),
    range: { start: { offset: 0, line: 1, column: 1 }, end: eof.start },
  };
  return { file, diagnostics };
}
