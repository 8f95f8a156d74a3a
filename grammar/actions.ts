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
  ObjectExpr,
  ObjectField,
  ParenExpr,
  Stmt,
  UnaryExpr,
  UnaryOp,
} from '../src/syntax/ast.ts';
import { isValidIdentifier } from '../src/syntax/identifiers.ts';
import { goQuote } from '../src/syntax/parser.ts';
import type { AlloyIToken } from './tokens.ts';

/** A block-label error: the label token and Alloy's message. */
export interface LabelError {
  at: AlloyIToken;
  message: string;
}

export function attribute(name: AlloyIToken, value: Expr): AttributeStmt {
  const start = name.alloy.start;
  return { kind: 'Attribute', name: { name: name.image, range: { start, end: name.alloy.end } }, value, range: { start, end: value.range.end } };
}

/** A block statement; problems with its label go to `labelErrors`. */
export function block(
  names: readonly AlloyIToken[],
  label: AlloyIToken | undefined,
  lCurly: AlloyIToken,
  body: Stmt[],
  rCurly: AlloyIToken,
  labelErrors: LabelError[],
): BlockStmt {
  const first = names[0]!;
  const last = names[names.length - 1]!;
  const b: BlockStmt = {
    kind: 'Block',
    name: names.map((t) => t.image),
    nameRange: { start: first.alloy.start, end: last.alloy.end },
    body,
    lCurly: lCurly.alloy.start,
    rCurly: rCurly.alloy.start,
    range: { start: first.alloy.start, end: rCurly.alloy.end },
  };
  if (label) {
    const lit = label.image;
    if (lit[0] !== '"') labelErrors.push({ at: label, message: `expected block label to be a double quoted string, but got ${goQuote(lit)}` });
    b.label = lit.length > 2 ? lit.slice(1, -1) : '';
    if (b.label !== '' && !isValidIdentifier(b.label)) {
      labelErrors.push({ at: label, message: `expected block label to be a valid identifier, but got ${goQuote(b.label)}` });
    }
    b.labelRange = { start: label.alloy.start, end: label.alloy.end };
  }
  return b;
}

export function binary(left: Expr, op: AlloyIToken, right: Expr): BinaryExpr {
  return { kind: 'Binary', op: op.image as BinaryOp, opPos: op.alloy.start, left, right, range: { start: left.range.start, end: right.range.end } };
}

export function unary(op: AlloyIToken, value: Expr): UnaryExpr {
  return { kind: 'Unary', op: op.image as UnaryOp, value, range: { start: op.alloy.start, end: value.range.end } };
}

export function access(value: Expr, name: AlloyIToken): AccessExpr {
  return { kind: 'Access', value, name: { name: name.image, range: { start: name.alloy.start, end: name.alloy.end } }, range: { start: value.range.start, end: name.alloy.end } };
}

export function index(value: Expr, lBrack: AlloyIToken, i: Expr, rBrack: AlloyIToken): IndexExpr {
  return { kind: 'Index', value, index: i, lBrack: lBrack.alloy.start, rBrack: rBrack.alloy.start, range: { start: value.range.start, end: rBrack.alloy.end } };
}

export function call(value: Expr, lParen: AlloyIToken, args: Expr[], rParen: AlloyIToken): CallExpr {
  return { kind: 'Call', value, args, lParen: lParen.alloy.start, rParen: rParen.alloy.start, range: { start: value.range.start, end: rParen.alloy.end } };
}

export function identifier(t: AlloyIToken): IdentifierExpr {
  return { kind: 'Identifier', name: t.image, range: { start: t.alloy.start, end: t.alloy.end } };
}

const LITERAL_KIND = new Map([
  ['STRING', 'string'],
  ['NUMBER', 'number'],
  ['FLOAT', 'float'],
  ['BOOL', 'bool'],
  ['NULL', 'null'],
] as const);

export function literal(t: AlloyIToken): LiteralExpr {
  return { kind: 'Literal', literalKind: LITERAL_KIND.get(t.alloy.kind as 'STRING')!, raw: t.image, range: { start: t.alloy.start, end: t.alloy.end } };
}

export function paren(lParen: AlloyIToken, inner: Expr, rParen: AlloyIToken): ParenExpr {
  return { kind: 'Paren', inner, range: { start: lParen.alloy.start, end: rParen.alloy.end } };
}

export function array(lBrack: AlloyIToken, elements: Expr[], rBrack: AlloyIToken): ArrayExpr {
  return { kind: 'Array', elements, lBrack: lBrack.alloy.start, rBrack: rBrack.alloy.start, range: { start: lBrack.alloy.start, end: rBrack.alloy.end } };
}

export function object(lCurly: AlloyIToken, fields: ObjectField[], rCurly: AlloyIToken): ObjectExpr {
  return { kind: 'Object', fields, lCurly: lCurly.alloy.start, rCurly: rCurly.alloy.start, range: { start: lCurly.alloy.start, end: rCurly.alloy.end } };
}

export function field(key: AlloyIToken, value: Expr): ObjectField {
  // As Alloy: a quoted key keeps its raw text between the quotes; `""` keeps its quotes.
  const quoted = key.alloy.kind === 'STRING' && key.image.length > 2;
  const start = key.alloy.start;
  return { name: { name: quoted ? key.image.slice(1, -1) : key.image, range: { start, end: key.alloy.end } }, quoted, value, range: { start, end: value.range.end } };
}
