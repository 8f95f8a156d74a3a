// Chevrotain token types of the Alloy syntax, one per Alloy token kind.
//
// The patterns describe the valid spelling of each token, and `alloyLexer` is a plain Chevrotain
// lexer built from them. Alloy's scanner has context the patterns cannot express (newlines become
// TERMINATOR tokens only after identifiers, literals and closing brackets; a terminator is placed
// before a comment that ends the line), so the parser is fed by `scanForGrammar`, which runs the
// Alloy-faithful scanner of src/syntax/scanner.ts and turns its tokens into Chevrotain tokens.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Pos } from '../src/syntax/ast.ts';
import { Scanner, type ScanError } from '../src/syntax/scanner.ts';
import type { Token, TokenKind } from '../src/syntax/tokens.ts';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });
/** A newline; in the parser's input it appears only as a TERMINATOR where Alloy inserts one. */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });

export const Terminator = createToken({ name: 'TERMINATOR', pattern: Lexer.NA });

// Literals. Identifiers are Unicode letters or '_' followed by letters, digits or '_'.
// Chevrotain cannot analyse Unicode property classes, so identifiers use a custom (sticky) matcher.
const IDENTIFIER_AT = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
export const Identifier = createToken({
  name: 'IDENT',
  pattern: {
    exec(text: string, offset: number): RegExpExecArray | null {
      IDENTIFIER_AT.lastIndex = offset;
      return IDENTIFIER_AT.exec(text);
    },
  },
  line_breaks: false,
});
export const Bool = createToken({ name: 'BOOL', pattern: /true|false/, longer_alt: Identifier });
export const Null = createToken({ name: 'NULL', pattern: /null/, longer_alt: Identifier });
export const Float = createToken({ name: 'FLOAT', pattern: /(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/ });
export const NumberLit = createToken({ name: 'NUMBER', pattern: /\d+/ });
export const StringLit = createToken({
  name: 'STRING',
  // Double-quoted with Go escapes (\' is not one), or a backtick raw string that may span lines.
  pattern: /"(?:[^"\\\n]|\\(?:[abfnrtv\\"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}))*"|`[^`]*`/,
  line_breaks: true,
});

// Operators and delimiters, longest first where one is a prefix of another.
export const Or = createToken({ name: 'OR', label: "'||'", pattern: /\|\|/ });
export const And = createToken({ name: 'AND', label: "'&&'", pattern: /&&/ });
export const Neq = createToken({ name: 'NEQ', label: "'!='", pattern: /!=/ });
export const Not = createToken({ name: 'NOT', label: "'!'", pattern: /!/ });
export const Eq = createToken({ name: 'EQ', label: "'=='", pattern: /==/ });
export const Assign = createToken({ name: 'ASSIGN', label: "'='", pattern: /=/ });
export const Lte = createToken({ name: 'LTE', label: "'<='", pattern: /<=/ });
export const Lt = createToken({ name: 'LT', label: "'<'", pattern: /</ });
export const Gte = createToken({ name: 'GTE', label: "'>='", pattern: />=/ });
export const Gt = createToken({ name: 'GT', label: "'>'", pattern: />/ });
export const Add = createToken({ name: 'ADD', label: "'+'", pattern: /\+/ });
export const Sub = createToken({ name: 'SUB', label: "'-'", pattern: /-/ });
export const Mul = createToken({ name: 'MUL', label: "'*'", pattern: /\*/ });
export const Div = createToken({ name: 'DIV', label: "'/'", pattern: /\// });
export const Mod = createToken({ name: 'MOD', label: "'%'", pattern: /%/ });
export const Pow = createToken({ name: 'POW', label: "'^'", pattern: /\^/ });
export const LCurly = createToken({ name: 'LCURLY', label: "'{'", pattern: /\{/ });
export const RCurly = createToken({ name: 'RCURLY', label: "'}'", pattern: /\}/ });
export const LParen = createToken({ name: 'LPAREN', label: "'('", pattern: /\(/ });
export const RParen = createToken({ name: 'RPAREN', label: "')'", pattern: /\)/ });
export const LBrack = createToken({ name: 'LBRACK', label: "'['", pattern: /\[/ });
export const RBrack = createToken({ name: 'RBRACK', label: "']'", pattern: /\]/ });
export const Comma = createToken({ name: 'COMMA', label: "','", pattern: /,/ });
export const Dot = createToken({ name: 'DOT', label: "'.'", pattern: /\./ });

/** Operator classes, so that grammar rules can say "any comparison operator". */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA, categories: [] });
export const AddOp = createToken({ name: 'AddOp', pattern: Lexer.NA });
export const MulOp = createToken({ name: 'MulOp', pattern: Lexer.NA });
export const UnaryOp = createToken({ name: 'UnaryOp', pattern: Lexer.NA });
for (const t of [Eq, Neq, Lt, Lte, Gt, Gte]) t.CATEGORIES = [CompareOp];
for (const t of [Add, Sub]) t.CATEGORIES = [AddOp];
for (const t of [Mul, Div, Mod]) t.CATEGORIES = [MulOp];
// '-' is both a binary and a unary operator.
Sub.CATEGORIES = [AddOp, UnaryOp];
Not.CATEGORIES = [UnaryOp];

/** Every token type, in the order the Chevrotain lexer tries them. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Newline,
  LineComment,
  BlockComment,
  Terminator,
  CompareOp,
  AddOp,
  MulOp,
  UnaryOp,
  Float,
  NumberLit,
  StringLit,
  Bool,
  Null,
  Identifier,
  Or,
  And,
  Neq,
  Not,
  Eq,
  Assign,
  Lte,
  Lt,
  Gte,
  Gt,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Pow,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBrack,
  RBrack,
  Comma,
  Dot,
];

/** A Chevrotain lexer from the patterns alone (no terminators); see `scanForGrammar` for the parser's input. */
export const alloyLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

const BY_KIND = new Map<TokenKind, TokenType>([
  ['IDENT', Identifier],
  ['NUMBER', NumberLit],
  ['FLOAT', Float],
  ['STRING', StringLit],
  ['BOOL', Bool],
  ['NULL', Null],
  ['TERMINATOR', Terminator],
  ['||', Or],
  ['&&', And],
  ['!', Not],
  ['=', Assign],
  ['==', Eq],
  ['!=', Neq],
  ['<', Lt],
  ['<=', Lte],
  ['>', Gt],
  ['>=', Gte],
  ['+', Add],
  ['-', Sub],
  ['*', Mul],
  ['/', Div],
  ['%', Mod],
  ['^', Pow],
  ['{', LCurly],
  ['}', RCurly],
  ['(', LParen],
  [')', RParen],
  ['[', LBrack],
  [']', RBrack],
  [',', Comma],
  ['.', Dot],
]);

/**
 * A token of Alloy's scanner in the shape Chevrotain's parser reads: its token type and text, with
 * Alloy's own positions (byte columns), which the AST takes over.
 */
export class GrammarToken implements IToken {
  readonly tokenTypeIdx: number;

  constructor(
    readonly tokenType: TokenType,
    readonly image: string,
    readonly start: Pos,
    readonly end: Pos,
  ) {
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }

  // Chevrotain's own position fields, derived on demand: the parser never reads them, and a field
  // each would cost memory on every token of a large file.
  get startOffset(): number {
    return this.start.offset;
  }
  get endOffset(): number {
    return Math.max(this.start.offset, this.end.offset - 1);
  }
  get startLine(): number {
    return this.start.line;
  }
  get endLine(): number {
    return this.end.line;
  }
  get startColumn(): number {
    return this.start.column;
  }
  get endColumn(): number {
    return this.end.column;
  }
}

/** The Chevrotain token type of an Alloy token kind; undefined for COMMENT, ILLEGAL and EOF. */
export function tokenTypeOf(kind: TokenKind): TokenType | undefined {
  return BY_KIND.get(kind);
}

/** What the parser needs from the scan of a file. */
export interface GrammarInput {
  /** The parser's input: every token but comments, illegal tokens and EOF. */
  tokens: GrammarToken[];
  /** The scanner's errors, in order. */
  errors: ScanError[];
  /** The first ILLEGAL token. */
  illegal?: Token;
  /** The comments, and after each run of them the token that ends it (`groupComments` reads runs). */
  comments: Token[];
  eof: Token;
}

/**
 * Scans a file with the Alloy-faithful scanner into the parser's input. One pass, keeping no scanner
 * token but comments: on a large file, every object kept per token costs garbage-collection time.
 */
export function scanForGrammar(source: string): GrammarInput {
  const errors: ScanError[] = [];
  const scanner = new Scanner(source, (e) => errors.push(e));
  const tokens: GrammarToken[] = [];
  const comments: Token[] = [];
  let illegal: Token | undefined;
  let afterComment = false;
  for (;;) {
    const t = scanner.scan();
    if (t.kind === 'COMMENT') {
      comments.push(t);
      afterComment = true;
      continue;
    }
    if (afterComment) comments.push(t);
    afterComment = false;
    if (t.kind === 'EOF') return { tokens, errors, illegal, comments, eof: t };
    const type = BY_KIND.get(t.kind);
    if (type) tokens.push(new GrammarToken(type, t.text, t.start, t.end));
    else illegal ??= t;
  }
}
