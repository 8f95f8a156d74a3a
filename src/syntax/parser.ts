// A recursive-descent parser that follows Alloy's `syntax/parser` decision by decision, so that it
// reports the same errors, at the same positions, with the same recovery (at most one parser error
// per line; scanner errors are always kept). It also builds the AST, which is complete for valid
// input and best-effort after errors.
//
// The Chevrotain grammar in grammar/ is the declarative description of the same language; the two
// are cross-checked by tests (they must accept the same inputs and build the same trees).
import type {
  ArrayExpr,
  AttributeStmt,
  BinaryOp,
  BlockStmt,
  Comment,
  CommentGroup,
  Diagnostic,
  Expr,
  File,
  Ident,
  LiteralExpr,
  ObjectExpr,
  ObjectField,
  Pos,
  Range,
  Stmt,
  UnaryOp,
} from './ast.ts';
import { Scanner } from './scanner.ts';
import { binaryPrecedence, type Token, type TokenKind } from './tokens.ts';
import { isValidIdentifier } from './identifiers.ts';
import { quote } from '../go/strconv/quote.ts';

/** Nesting deeper than this is reported instead of recursing further (bounded stack on hostile input). */
export const MAX_NESTING = 500;

interface BlockName {
  fragments: string[];
  fragmentRanges: Range[];
  label?: string;
  labelRange?: Range;
  labelTok?: Token;
  start: Pos;
}

const STATEMENT_END: ReadonlySet<TokenKind> = new Set<TokenKind>(['TERMINATOR', ')', '}', ']', ',']);

export class AlloyParser {
  readonly diagnostics: Diagnostic[] = [];
  readonly comments: CommentGroup[] = [];
  private readonly scanner: Scanner;
  private tok!: Token;
  /** Line of the last parser error; Alloy drops further parser errors on the same line. */
  private lastErrorLine = 0;
  /** End of the last consumed non-comment token, for ranges of recovered nodes. */
  private prevEnd: Pos = { offset: 0, line: 1, column: 1 };
  private depth = 0;
  private tooDeep = false;

  constructor(
    source: string,
    private readonly fileName: string,
  ) {
    this.scanner = new Scanner(source, (e) => this.addDiagnostic(e.pos, e.message));
    this.next();
  }

  // ---- token plumbing -------------------------------------------------------------------------

  /** The current token kind (a method, so TypeScript does not narrow it across next()). */
  private kind(): TokenKind {
    return this.tok.kind;
  }

  private next(): void {
    if (this.tok) this.prevEnd = this.tok.end;
    this.tok = this.scanner.scan();
    while (this.kind() === 'COMMENT') this.consumeCommentGroup();
  }

  private consumeCommentGroup(): void {
    const list: Comment[] = [];
    let endLine = this.tok.start.line;
    while (this.kind() === 'COMMENT' && this.tok.start.line <= endLine + 1) {
      const t = this.tok;
      endLine = t.start.line;
      if (t.text[1] === '*') for (const c of t.text) if (c === '\n') endLine++;
      list.push({ text: t.text, range: { start: t.start, end: t.end } });
      this.tok = this.scanner.scan();
    }
    this.comments.push({ comments: list, range: { start: list[0]!.range.start, end: list[list.length - 1]!.range.end } });
  }

  private addDiagnostic(start: Pos, message: string, end?: Pos): void {
    this.diagnostics.push({
      severity: 'error',
      file: this.fileName,
      message,
      range: { start, end: end ?? start },
    });
  }

  /** A parser error at the current token, dropped when the previous parser error was on the same line. */
  private errorHere(message: string): void {
    const pos = this.tok.start;
    if (this.lastErrorLine === pos.line) return;
    this.lastErrorLine = pos.line;
    this.addDiagnostic(pos, message, this.tok.end.offset > pos.offset ? this.tok.end : pos);
  }

  private expect(kind: TokenKind): Token {
    const t = this.tok;
    if (t.kind !== kind) this.errorHere(`expected ${kind}, got ${t.kind}`);
    this.next();
    return t;
  }

  private advance(to: TokenKind): void {
    while (this.kind() !== 'EOF') {
      if (this.kind() === to) return;
      this.next();
    }
  }

  private advanceAny(to: ReadonlySet<TokenKind>): void {
    while (this.kind() !== 'EOF') {
      if (to.has(this.kind())) return;
      this.next();
    }
  }

  /** Skips the rest of a statement, up to a terminator outside any bracket pair. */
  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    while (this.kind() !== 'EOF') {
      switch (this.kind()) {
        case '{':
          curly++;
          break;
        case '}':
          curly--;
          break;
        case '[':
          brack++;
          break;
        case ']':
          brack--;
          break;
        case '(':
          paren++;
          break;
        case ')':
          paren--;
          break;
      }
      if (this.kind() === 'TERMINATOR' && curly <= 0 && brack <= 0 && paren <= 0) return;
      this.next();
    }
  }

  /** After a lone expression: the input must end there (Alloy expects a TERMINATOR). */
  expectEnd(): void {
    this.expect('TERMINATOR');
  }

  // ---- statements -----------------------------------------------------------------------------

  parseFile(): File {
    const body = this.parseBody('EOF');
    return {
      kind: 'File',
      name: this.fileName,
      body,
      comments: this.comments,
      range: { start: { offset: 0, line: 1, column: 1 }, end: this.tok.start },
    };
  }

  private parseBody(until: TokenKind): Stmt[] {
    const body: Stmt[] = [];
    while (this.kind() !== until && this.kind() !== 'EOF') {
      const stmt = this.parseStatement();
      if (stmt) body.push(stmt);
      if (this.kind() === until) break;
      if (this.kind() !== 'TERMINATOR') {
        this.errorHere(`expected TERMINATOR, got ${this.kind()}`);
        this.consumeStatement();
      }
      this.next();
    }
    return body;
  }

  private parseStatement(): Stmt | undefined {
    const bn = this.parseBlockName();
    if (!bn) {
      this.advance('IDENT');
      return undefined;
    }
    const nameEnd = bn.fragmentRanges[bn.fragmentRanges.length - 1]!.end;
    switch (this.kind()) {
      case '=': {
        this.next();
        if (bn.fragments.length !== 1) {
          this.addDiagnostic(bn.start, 'attribute names may only consist of a single identifier with no "."', nameEnd);
        } else if (bn.labelRange) {
          this.addDiagnostic(bn.labelRange.start, 'attribute names may not have labels', bn.labelRange.end);
        }
        const name: Ident = { name: bn.fragments[0]!, range: bn.fragmentRanges[0]! };
        const value = this.parseExpression();
        const stmt: AttributeStmt = { kind: 'Attribute', name, value, range: { start: bn.start, end: value.range.end } };
        return stmt;
      }
      case '{': {
        const lCurly = this.expect('{').start;
        const body = this.nestedBody();
        const r = this.expect('}');
        const rCurly = r.start;
        const block: BlockStmt = {
          kind: 'Block',
          name: bn.fragments,
          nameRange: { start: bn.start, end: nameEnd },
          body,
          lCurly,
          rCurly,
          range: { start: bn.start, end: r.kind === '}' ? r.end : rCurly },
        };
        if (bn.label !== undefined) {
          block.label = bn.label;
          block.labelRange = bn.labelRange;
        }
        return block;
      }
      default:
        if (bn.fragments.length === 1 && (bn.label === undefined || bn.label === '')) {
          this.errorHere(`expected attribute assignment or block body, got ${this.kind()}`);
        } else {
          this.errorHere(`expected block body, got ${this.kind()}`);
        }
        this.advance('IDENT');
        return undefined;
    }
  }

  private parseBlockName(): BlockName | undefined {
    if (this.kind() !== 'IDENT') {
      this.errorHere(`expected identifier, got ${this.kind()}`);
      return undefined;
    }
    const first = this.tok;
    const bn: BlockName = {
      fragments: [first.text],
      fragmentRanges: [{ start: first.start, end: first.end }],
      start: first.start,
    };
    this.next();
    while (this.kind() === '.') {
      this.next();
      if (this.kind() !== 'IDENT') this.errorHere(`expected identifier, got ${this.kind()}`);
      // Alloy keeps whatever literal is there and goes on, to parse as much as possible.
      bn.fragments.push(this.kind() === 'IDENT' ? this.tok.text : literalOf(this.tok));
      bn.fragmentRanges.push({ start: this.tok.start, end: this.tok.end });
      this.next();
    }
    if (this.kind() !== '=' && this.kind() !== '{') {
      if (this.kind() === 'STRING') {
        const lit = this.tok.text;
        if (lit[0] !== '"') this.errorHere(`expected block label to be a double quoted string, but got ${goQuote(lit)}`);
        // Alloy strips the quotes without decoding escapes; a non-empty label must be an identifier.
        bn.label = '';
        if (lit.length > 2) {
          bn.label = lit.slice(1, -1);
          if (!isValidIdentifier(bn.label)) this.errorHere(`expected block label to be a valid identifier, but got ${goQuote(bn.label)}`);
        }
        bn.labelRange = { start: this.tok.start, end: this.tok.end };
        bn.labelTok = this.tok;
      } else {
        this.errorHere(`expected block label, got ${this.kind()}`);
      }
      this.next();
    }
    return bn;
  }

  // ---- expressions ----------------------------------------------------------------------------

  /**
   * Enters one nesting level; past MAX_NESTING reports once, skips the rest of the input (the file
   * is rejected anyway) and returns false so the caller stops recursing. Callers leave with
   * `this.depth--` (the parser never throws, so no try/finally is needed).
   */
  private enter(): boolean {
    if (this.depth >= MAX_NESTING) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.addDiagnostic(this.tok.start, `nesting deeper than ${MAX_NESTING} levels is not supported`);
      }
      while (this.kind() !== 'EOF') this.next();
      return false;
    }
    this.depth++;
    return true;
  }

  private nestedBody(): Stmt[] {
    if (!this.enter()) return [];
    const body = this.parseBody('}');
    this.depth--;
    return body;
  }

  parseExpression(): Expr {
    if (!this.enter()) return this.nullLiteral(this.tok.start);
    const e = this.parseBinOp(1);
    this.depth--;
    return e;
  }

  private parseBinOp(inPrec: number): Expr {
    let lhs = this.parsePowExpr();
    for (;;) {
      const t = this.tok;
      const prec = binaryPrecedence(t.kind);
      if (prec < inPrec) return lhs;
      this.next();
      const rhs = this.parseBinOp(prec + 1);
      lhs = { kind: 'Binary', op: t.kind as BinaryOp, opPos: t.start, left: lhs, right: rhs, range: { start: lhs.range.start, end: rhs.range.end } };
    }
  }

  private parsePowExpr(): Expr {
    const lhs = this.parseUnaryExpr();
    if (this.kind() === '^') {
      const opPos = this.tok.start;
      this.next();
      let rhs: Expr;
      if (this.enter()) {
        rhs = this.parsePowExpr();
        this.depth--;
      } else {
        rhs = this.nullLiteral(this.tok.start);
      }
      return { kind: 'Binary', op: '^', opPos, left: lhs, right: rhs, range: { start: lhs.range.start, end: rhs.range.end } };
    }
    return lhs;
  }

  private parseUnaryExpr(): Expr {
    if (this.kind() === '!' || this.kind() === '-') {
      const op = this.tok;
      this.next();
      let value: Expr;
      if (this.enter()) {
        value = this.parseUnaryExpr();
        this.depth--;
      } else {
        value = this.nullLiteral(this.tok.start);
      }
      return { kind: 'Unary', op: op.kind as UnaryOp, value, range: { start: op.start, end: value.range.end } };
    }

    let primary = this.parsePrimaryExpr();
    for (;;) {
      switch (this.kind()) {
        case '.': {
          this.next();
          const name = this.expect('IDENT');
          primary = {
            kind: 'Access',
            value: primary,
            name: { name: name.kind === 'IDENT' ? name.text : literalOf(name), range: { start: name.start, end: name.end } },
            range: { start: primary.range.start, end: name.end },
          };
          break;
        }
        case '[': {
          const l = this.expect('[');
          const index = this.parseExpression();
          const r = this.expect(']');
          primary = { kind: 'Index', value: primary, index, lBrack: l.start, rBrack: r.start, range: { start: primary.range.start, end: closeEnd(r, ']') } };
          break;
        }
        case '(': {
          const l = this.expect('(');
          const args = this.kind() !== ')' ? this.parseExpressionList(')') : [];
          const r = this.expect(')');
          primary = { kind: 'Call', value: primary, args, lParen: l.start, rParen: r.start, range: { start: primary.range.start, end: closeEnd(r, ')') } };
          break;
        }
        case 'STRING':
        case '{': {
          // Someone may be assigning a block to an attribute; parse it as a block to say so.
          if (this.kind() === 'STRING') this.next();
          if (this.expect('{').kind !== '{') {
            this.consumeStatement();
            return primary;
          }
          this.nestedBody();
          const end = this.expect('}');
          if (end.kind !== '}') {
            this.consumeStatement();
            return primary;
          }
          this.addDiagnostic(primary.range.start, 'cannot use a block as an expression', end.start);
          break;
        }
        default:
          return primary;
      }
    }
  }

  private nullLiteral(at: Pos): LiteralExpr {
    return { kind: 'Literal', literalKind: 'null', raw: 'null', range: { start: at, end: at } };
  }

  private parsePrimaryExpr(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'IDENT':
        this.next();
        return { kind: 'Identifier', name: t.text, range: { start: t.start, end: t.end } };
      case 'STRING':
      case 'NUMBER':
      case 'FLOAT':
      case 'BOOL':
      case 'NULL':
        this.next();
        return { kind: 'Literal', literalKind: literalKind(t.kind), raw: t.text, range: { start: t.start, end: t.end } };
      case '(': {
        const l = this.expect('(');
        const inner = this.parseExpression();
        const r = this.expect(')');
        return { kind: 'Paren', inner, range: { start: l.start, end: closeEnd(r, ')') } };
      }
      case '[': {
        const l = this.expect('[');
        const elements = this.kind() !== ']' ? this.parseExpressionList(']') : [];
        const r = this.expect(']');
        const arr: ArrayExpr = { kind: 'Array', elements, lBrack: l.start, rBrack: r.start, range: { start: l.start, end: closeEnd(r, ']') } };
        return arr;
      }
      case '{': {
        const l = this.expect('{');
        // Alloy tests for ']' here (not '}'), so `{}` goes through the field list, which is empty.
        const fields = this.kind() !== ']' ? this.parseFieldList('}') : [];
        const r = this.expect('}');
        const obj: ObjectExpr = { kind: 'Object', fields, lCurly: l.start, rCurly: r.start, range: { start: l.start, end: closeEnd(r, '}') } };
        return obj;
      }
    }
    this.errorHere(`expected expression, got ${t.kind}`);
    const res = this.nullLiteral(t.start);
    this.advanceAny(STATEMENT_END);
    return res;
  }

  private parseExpressionList(until: TokenKind): Expr[] {
    const exprs: Expr[] = [];
    while (this.kind() !== until && this.kind() !== 'EOF') {
      exprs.push(this.parseExpression());
      if (this.kind() === until) break;
      if (this.kind() !== ',') this.errorHere("missing ',' in expression list");
      this.next();
    }
    return exprs;
  }

  private parseFieldList(until: TokenKind): ObjectField[] {
    const fields: ObjectField[] = [];
    while (this.kind() !== until && this.kind() !== 'EOF') {
      fields.push(this.parseField());
      if (this.kind() === until) break;
      if (this.kind() !== ',') this.errorHere("missing ',' in field list");
      this.next();
    }
    return fields;
  }

  private parseField(): ObjectField {
    const t = this.tok;
    let name: Ident;
    let quoted = false;
    if (t.kind === 'STRING' || t.kind === 'IDENT') {
      name = { name: t.text, range: { start: t.start, end: t.end } };
      if (t.kind === 'STRING' && t.text.length > 2) {
        // Alloy unwraps the quotes without decoding escapes; `""` keeps its quotes as the name.
        name.name = t.text.slice(1, -1);
        quoted = true;
      }
      this.next();
    } else {
      name = { name: '', range: { start: t.start, end: t.start } };
      this.errorHere(`expected field name (string or identifier), got ${t.kind}`);
      this.advance('=');
    }
    this.expect('=');
    const value = this.parseExpression();
    return { name, quoted, value, range: { start: name.range.start, end: value.range.end } };
  }
}

function closeEnd(t: Token, kind: TokenKind): Pos {
  return t.kind === kind ? t.end : t.start;
}

function literalKind(kind: TokenKind): LiteralExpr['literalKind'] {
  switch (kind) {
    case 'STRING':
      return 'string';
    case 'NUMBER':
      return 'number';
    case 'FLOAT':
      return 'float';
    case 'BOOL':
      return 'bool';
    default:
      return 'null';
  }
}

/** The literal text Go's scanner returns for a token: empty for operators and EOF. */
function literalOf(t: Token): string {
  switch (t.kind) {
    case 'IDENT':
    case 'NUMBER':
    case 'FLOAT':
    case 'STRING':
    case 'BOOL':
    case 'NULL':
    case 'ILLEGAL':
    case 'COMMENT':
    case 'TERMINATOR':
      return t.text;
    default:
      return '';
  }
}

/** Go's %q of a string (strconv.Quote): block labels in messages and in formatted output. */
export const goQuote = quote;
