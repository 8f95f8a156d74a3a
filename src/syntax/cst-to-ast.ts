// Builds the AST of src/syntax/ast.ts from the Chevrotain CST of grammar/parser.ts, with the same
// node shapes and positions as the Alloy-faithful parser, and applies the checks the grammar leaves
// out (block labels). Used by `parseWithGrammar`.
import type { CstNode, IToken } from 'chevrotain';
import type { AlloyIToken } from '../../grammar/tokens.ts';
import type { BinaryOp, BlockStmt, Diagnostic, Expr, ObjectField, Pos, Stmt, UnaryOp } from './ast.ts';
import { isValidIdentifier } from './identifiers.ts';
import { goQuote } from './parser.ts';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

function kids(node: CstNode): Children {
  return node.children as Children;
}

function nodes(node: CstNode, name: string): CstNode[] {
  return (kids(node)[name] ?? []) as CstNode[];
}

function node(n: CstNode, name: string): CstNode {
  return nodes(n, name)[0]!;
}

function tokens(n: CstNode, name: string): AlloyIToken[] {
  return (kids(n)[name] ?? []) as AlloyIToken[];
}

function token(n: CstNode, name: string): AlloyIToken {
  return tokens(n, name)[0]!;
}

const LITERAL_KIND = new Map([
  ['STRING', 'string'],
  ['NUMBER', 'number'],
  ['FLOAT', 'float'],
  ['BOOL', 'bool'],
  ['NULL', 'null'],
] as const);

export class CstToAst {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly fileName: string) {}

  private error(at: AlloyIToken, message: string): void {
    this.diagnostics.push({ severity: 'error', file: this.fileName, message, range: { start: at.alloy.start, end: at.alloy.end } });
  }

  body(n: CstNode): Stmt[] {
    return nodes(n, 'statement').map((s) => this.statement(s));
  }

  private statement(n: CstNode): Stmt {
    const names = tokens(n, 'name');
    const first = names[0]!;
    const exprs = nodes(n, 'expression');
    if (exprs.length > 0) {
      const value = this.expression(exprs[0]!);
      return {
        kind: 'Attribute',
        name: { name: first.image, range: { start: first.alloy.start, end: first.alloy.end } },
        value,
        range: { start: first.alloy.start, end: value.range.end },
      };
    }
    const last = names[names.length - 1]!;
    const lCurly = token(n, 'LCURLY');
    const rCurly = token(n, 'RCURLY');
    const block: BlockStmt = {
      kind: 'Block',
      name: names.map((t) => t.image),
      nameRange: { start: first.alloy.start, end: last.alloy.end },
      body: this.body(node(n, 'body')),
      lCurly: lCurly.alloy.start,
      rCurly: rCurly.alloy.start,
      range: { start: first.alloy.start, end: rCurly.alloy.end },
    };
    const label = tokens(n, 'label')[0];
    if (label) {
      const lit = label.image;
      if (lit[0] !== '"') this.error(label, `expected block label to be a double quoted string, but got ${goQuote(lit)}`);
      block.label = lit.length > 2 ? lit.slice(1, -1) : '';
      if (block.label !== '' && !isValidIdentifier(block.label)) {
        this.error(label, `expected block label to be a valid identifier, but got ${goQuote(block.label)}`);
      }
      block.labelRange = { start: label.alloy.start, end: label.alloy.end };
    }
    return block;
  }

  expression(n: CstNode): Expr {
    return this.binary(node(n, 'orExpr'));
  }

  /** A left-associative level: operand { op operand }. */
  private binary(n: CstNode): Expr {
    const operands = nodes(n, 'operand');
    const ops = tokens(n, 'op');
    let lhs = this.level(operands[0]!);
    for (let i = 0; i < ops.length; i++) {
      const rhs = this.level(operands[i + 1]!);
      lhs = {
        kind: 'Binary',
        op: ops[i]!.image as BinaryOp,
        opPos: ops[i]!.alloy.start,
        left: lhs,
        right: rhs,
        range: { start: lhs.range.start, end: rhs.range.end },
      };
    }
    return lhs;
  }

  private level(n: CstNode): Expr {
    return n.name === 'power' ? this.power(n) : this.binary(n);
  }

  private power(n: CstNode): Expr {
    const base = this.unary(node(n, 'base'));
    const op = tokens(n, 'op')[0];
    if (!op) return base;
    const exponent = this.power(node(n, 'exponent'));
    return { kind: 'Binary', op: '^', opPos: op.alloy.start, left: base, right: exponent, range: { start: base.range.start, end: exponent.range.end } };
  }

  private unary(n: CstNode): Expr {
    const op = tokens(n, 'op')[0];
    if (op) {
      const value = this.unary(node(n, 'operand'));
      return { kind: 'Unary', op: op.image as UnaryOp, value, range: { start: op.alloy.start, end: value.range.end } };
    }
    return this.postfix(node(n, 'postfix'));
  }

  private postfix(n: CstNode): Expr {
    let e = this.primary(node(n, 'primary'));
    for (const s of nodes(n, 'suffix')) {
      const name = tokens(s, 'name')[0];
      if (name) {
        e = { kind: 'Access', value: e, name: { name: name.image, range: { start: name.alloy.start, end: name.alloy.end } }, range: { start: e.range.start, end: name.alloy.end } };
        continue;
      }
      const index = nodes(s, 'index')[0];
      if (index) {
        const l = token(s, 'LBRACK');
        const r = token(s, 'RBRACK');
        e = { kind: 'Index', value: e, index: this.expression(index), lBrack: l.alloy.start, rBrack: r.alloy.start, range: { start: e.range.start, end: r.alloy.end } };
        continue;
      }
      const l = token(s, 'LPAREN');
      const r = token(s, 'RPAREN');
      const list = nodes(s, 'list')[0];
      e = { kind: 'Call', value: e, args: list ? this.list(list) : [], lParen: l.alloy.start, rParen: r.alloy.start, range: { start: e.range.start, end: r.alloy.end } };
    }
    return e;
  }

  private list(n: CstNode): Expr[] {
    return nodes(n, 'item').map((i) => this.expression(i));
  }

  private primary(n: CstNode): Expr {
    const ident = tokens(n, 'identifier')[0];
    if (ident) return { kind: 'Identifier', name: ident.image, range: { start: ident.alloy.start, end: ident.alloy.end } };
    const lit = tokens(n, 'literal')[0];
    if (lit) {
      return { kind: 'Literal', literalKind: LITERAL_KIND.get(lit.alloy.kind as 'STRING')!, raw: lit.image, range: { start: lit.alloy.start, end: lit.alloy.end } };
    }
    const inner = nodes(n, 'inner')[0];
    if (inner) {
      const l = token(n, 'LPAREN');
      const r = token(n, 'RPAREN');
      return { kind: 'Paren', inner: this.expression(inner), range: { start: l.alloy.start, end: r.alloy.end } };
    }
    const arr = nodes(n, 'array')[0];
    if (arr) {
      const l = token(arr, 'LBRACK');
      const r = token(arr, 'RBRACK');
      const list = nodes(arr, 'list')[0];
      return { kind: 'Array', elements: list ? this.list(list) : [], lBrack: l.alloy.start, rBrack: r.alloy.start, range: { start: l.alloy.start, end: r.alloy.end } };
    }
    const obj = node(n, 'object');
    const l = token(obj, 'LCURLY');
    const r = token(obj, 'RCURLY');
    return {
      kind: 'Object',
      fields: nodes(obj, 'field').map((f) => this.field(f)),
      lCurly: l.alloy.start,
      rCurly: r.alloy.start,
      range: { start: l.alloy.start, end: r.alloy.end },
    };
  }

  private field(n: CstNode): ObjectField {
    const key = token(n, 'key');
    const value = this.expression(node(n, 'value'));
    // As Alloy: a quoted key keeps its raw text between the quotes; `""` keeps its quotes.
    const quoted = key.alloy.kind === 'STRING' && key.image.length > 2;
    const start: Pos = key.alloy.start;
    return {
      name: { name: quoted ? key.image.slice(1, -1) : key.image, range: { start, end: key.alloy.end } },
      quoted,
      value,
      range: { start, end: value.range.end },
    };
  }
}
