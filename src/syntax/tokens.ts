// Token kinds of the Alloy syntax and how Alloy names them in messages ("expected =, got IDENT").
import type { Pos } from './ast.ts';

export type TokenKind =
  | 'ILLEGAL'
  | 'EOF'
  | 'COMMENT'
  | 'IDENT'
  | 'NUMBER'
  | 'FLOAT'
  | 'STRING'
  | 'BOOL'
  | 'NULL'
  | '||'
  | '&&'
  | '!'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '{'
  | '}'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | '.'
  | 'TERMINATOR';

export interface Token {
  kind: TokenKind;
  /** Source text of the token; "\n" for terminators, "" for EOF, comment text without carriage returns. */
  text: string;
  start: Pos;
  /** Position just past the token in the source (for an inserted terminator: same as start). */
  end: Pos;
}

/** The name Alloy prints for a token kind in diagnostics: operators print as themselves. */
export function tokenName(kind: TokenKind): string {
  return kind;
}

/** Binary operator precedence as Alloy's token.BinaryPrecedence; 0 for non-operators. */
export function binaryPrecedence(kind: TokenKind): number {
  switch (kind) {
    case '||':
      return 1;
    case '&&':
      return 2;
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return 3;
    case '+':
    case '-':
      return 4;
    case '*':
    case '/':
    case '%':
      return 5;
    case '^':
      return 6;
    default:
      return 0;
  }
}

/** Keywords are looked up only for identifiers longer than one character, as Alloy's scanner does. */
export function lookupKeyword(ident: string): TokenKind {
  if (ident === 'true' || ident === 'false') return 'BOOL';
  if (ident === 'null') return 'NULL';
  return 'IDENT';
}
