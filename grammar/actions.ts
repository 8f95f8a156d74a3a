// The grammar's semantic actions: the nodes of src/syntax/ast.ts that grammar/parser.ts builds
// while it parses, with the same shapes and positions as the Alloy-faithful parser
// (src/syntax/parser.ts), and the block-label checks the grammar leaves out (Alloy's parser makes
// them by hand, after matching the tokens).
import type {
  AccessExpr,
  ArrayExpr,
  AttributeStmt,
  BinaryExpr,
  BinaryOp,
  BlockStmt,
  CallExpr,
  Expr,
  IdentifierExpr,
  IndexExpr,
  LiteralExpr,
  LiteralKind,
  ObjectExpr,
  ObjectField,
  ParenExpr,
  Stmt,
  UnaryExpr,
  UnaryOp,
} from '../src/syntax/ast.ts';
import { isValidIdentifier } from '../src/syntax/identifiers.ts';
import { goQuote } from '../src/syntax/parser.ts';
import type { TokenType } from 'chevrotain';
import { Bool, Float, Null, NumberLit, StringLit, type GrammarToken } from './tokens.ts';

/** A block-label error: the label token and Alloy's message. */
export interface LabelError {
  at: GrammarToken;
  message: string;
}

export function attribute(name: GrammarToken, value: Expr): AttributeStmt {
  const start = name.start;
  return { kind: 'Attribute', name: { name: name.image, range: { start, end: name.end } }, value, range: { start, end: value.range.end } };
}

/** A block statement named `first.more…`; problems with its label go to `labelErrors`. */
export function block(
  first: GrammarToken,
  more: readonly GrammarToken[],
  label: GrammarToken | undefined,
  lCurly: GrammarToken,
  body: Stmt[],
  rCurly: GrammarToken,
  labelErrors: LabelError[],
): BlockStmt {
  const name = [first.image];
  for (const t of more) name.push(t.image);
  const last = more.length > 0 ? more[more.length - 1]! : first;
  const b: BlockStmt = {
    kind: 'Block',
    name,
    nameRange: { start: first.start, end: last.end },
    body,
    lCurly: lCurly.start,
    rCurly: rCurly.start,
    range: { start: first.start, end: rCurly.end },
  };
  if (label) {
    const lit = label.image;
    if (lit[0] !== '"') labelErrors.push({ at: label, message: `expected block label to be a double quoted string, but got ${goQuote(lit)}` });
    b.label = lit.length > 2 ? lit.slice(1, -1) : '';
    if (b.label !== '' && !isValidIdentifier(b.label)) {
      labelErrors.push({ at: label, message: `expected block label to be a valid identifier, but got ${goQuote(b.label)}` });
    }
    b.labelRange = { start: label.start, end: label.end };
  }
  return b;
}

export function binary(left: Expr, op: GrammarToken, right: Expr): BinaryExpr {
  return { kind: 'Binary', op: op.image as BinaryOp, opPos: op.start, left, right, range: { start: left.range.start, end: right.range.end } };
}

export function unary(op: GrammarToken, value: Expr): UnaryExpr {
  return { kind: 'Unary', op: op.image as UnaryOp, value, range: { start: op.start, end: value.range.end } };
}

export function access(value: Expr, name: GrammarToken): AccessExpr {
  return { kind: 'Access', value, name: { name: name.image, range: { start: name.start, end: name.end } }, range: { start: value.range.start, end: name.end } };
}

export function index(value: Expr, lBrack: GrammarToken, i: Expr, rBrack: GrammarToken): IndexExpr {
  return { kind: 'Index', value, index: i, lBrack: lBrack.start, rBrack: rBrack.start, range: { start: value.range.start, end: rBrack.end } };
}

export function call(value: Expr, lParen: GrammarToken, args: Expr[], rParen: GrammarToken): CallExpr {
  return { kind: 'Call', value, args, lParen: lParen.start, rParen: rParen.start, range: { start: value.range.start, end: rParen.end } };
}

export function identifier(t: GrammarToken): IdentifierExpr {
  return { kind: 'Identifier', name: t.image, range: { start: t.start, end: t.end } };
}

const LITERAL_KIND = new Map<TokenType, LiteralKind>([
  [StringLit, 'string'],
  [NumberLit, 'number'],
  [Float, 'float'],
  [Bool, 'bool'],
  [Null, 'null'],
]);

export function literal(t: GrammarToken): LiteralExpr {
  return { kind: 'Literal', literalKind: LITERAL_KIND.get(t.tokenType)!, raw: t.image, range: { start: t.start, end: t.end } };
}

export function paren(lParen: GrammarToken, inner: Expr, rParen: GrammarToken): ParenExpr {
  return { kind: 'Paren', inner, range: { start: lParen.start, end: rParen.end } };
}

export function array(lBrack: GrammarToken, elements: Expr[], rBrack: GrammarToken): ArrayExpr {
  return { kind: 'Array', elements, lBrack: lBrack.start, rBrack: rBrack.start, range: { start: lBrack.start, end: rBrack.end } };
}

export function object(lCurly: GrammarToken, fields: ObjectField[], rCurly: GrammarToken): ObjectExpr {
  return { kind: 'Object', fields, lCurly: lCurly.start, rCurly: rCurly.start, range: { start: lCurly.start, end: rCurly.end } };
}

export function field(key: GrammarToken, value: Expr): ObjectField {
  // As Alloy: a quoted key keeps its raw text between the quotes; `""` keeps its quotes.
  const quoted = key.tokenType === StringLit && key.image.length > 2;
  const start = key.start;
  return { name: { name: quoted ? key.image.slice(1, -1) : key.image, range: { start, end: key.end } }, quoted, value, range: { start, end: value.range.end } };
}
