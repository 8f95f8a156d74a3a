// The typed AST of an Alloy configuration file. It mirrors the shape of Alloy's own `syntax/ast`
// package so that the printer and the evaluator can follow Alloy's rules node by node.
//
// Positions: `offset` is an index into the JavaScript source string (UTF-16 units); `line` and
// `column` are 1-based, and `column` counts UTF-8 bytes from the start of the line, as Go's
// token.Position does, so that `file:line:col` agrees with what Alloy prints.

export interface Pos {
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Pos;
  /** Position just past the last character of the node. */
  end: Pos;
}

export interface Comment {
  /** Raw text, including the `//` or the slash-star delimiters. */
  text: string;
  range: Range;
}

/** Consecutive comments with no blank line or token between them, as Go's ast.CommentGroup. */
export interface CommentGroup {
  comments: Comment[];
  range: Range;
}

export interface File {
  kind: 'File';
  name: string;
  body: Stmt[];
  comments: CommentGroup[];
  range: Range;
}

export type Stmt = AttributeStmt | BlockStmt;

export interface Ident {
  name: string;
  range: Range;
}

export interface AttributeStmt {
  kind: 'Attribute';
  name: Ident;
  value: Expr;
  range: Range;
}

export interface BlockStmt {
  kind: 'Block';
  /** Dotted name parts: `loki.process` → ['loki', 'process']. */
  name: string[];
  nameRange: Range;
  /** Decoded label text (without quotes), or undefined when the block has no label. */
  label?: string;
  labelRange?: Range;
  body: Stmt[];
  lCurly: Pos;
  rCurly: Pos;
  range: Range;
}

export type Expr =
  | LiteralExpr
  | ArrayExpr
  | ObjectExpr
  | IdentifierExpr
  | AccessExpr
  | IndexExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ParenExpr;

export type LiteralKind = 'number' | 'float' | 'string' | 'bool' | 'null';

export interface LiteralExpr {
  kind: 'Literal';
  literalKind: LiteralKind;
  /** Exact source text of the token (quotes and escapes included for strings). */
  raw: string;
  range: Range;
}

export interface ArrayExpr {
  kind: 'Array';
  elements: Expr[];
  lBrack: Pos;
  rBrack: Pos;
  range: Range;
}

export interface ObjectField {
  name: Ident;
  /** True when the key was written as a string (`"a-b" = 1`). */
  quoted: boolean;
  value: Expr;
  range: Range;
}

export interface ObjectExpr {
  kind: 'Object';
  fields: ObjectField[];
  lCurly: Pos;
  rCurly: Pos;
  range: Range;
}

export interface IdentifierExpr {
  kind: 'Identifier';
  name: string;
  range: Range;
}

/** `value.name` */
export interface AccessExpr {
  kind: 'Access';
  value: Expr;
  name: Ident;
  range: Range;
}

/** `value[index]` */
export interface IndexExpr {
  kind: 'Index';
  value: Expr;
  index: Expr;
  lBrack: Pos;
  rBrack: Pos;
  range: Range;
}

/** `value(args…)` */
export interface CallExpr {
  kind: 'Call';
  value: Expr;
  args: Expr[];
  lParen: Pos;
  rParen: Pos;
  range: Range;
}

export type UnaryOp = '!' | '-';

export interface UnaryExpr {
  kind: 'Unary';
  op: UnaryOp;
  value: Expr;
  range: Range;
}

export type BinaryOp =
  | '||'
  | '&&'
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
  | '^';

export interface BinaryExpr {
  kind: 'Binary';
  op: BinaryOp;
  /** Position of the operator token (set by the parser; the printer places comments by it). */
  opPos?: Pos;
  left: Expr;
  right: Expr;
  range: Range;
}

export interface ParenExpr {
  kind: 'Paren';
  inner: Expr;
  range: Range;
}

/** A problem found while reading a file. The message follows Alloy's wording where Alloy has one. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  message: string;
  range: Range;
}
