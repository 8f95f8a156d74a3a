// `fmt`: canonical formatting of an Alloy file, byte-identical to `alloy fmt`. The walker below
// decides the layout of each node (blank lines between blocks, one element per line when the source
// had it so, trailing commas, `=` alignment through vertical tabs) and feeds the print engine; the
// tab writer aligns the columns and the trimmer strips trailing blanks.
import type { AttributeStmt, BlockStmt, CallExpr, ArrayExpr, Expr, File, ObjectExpr, Stmt } from './ast.ts';
import { BytePositions, utf8ByteLength, type GoPos } from './byte-positions.ts';
import { goQuote } from './parser.ts';
import {
  PrintEngine,
  WS_BLANK,
  WS_FORMFEED,
  WS_INDENT,
  WS_NEWLINE,
  WS_UNINDENT,
  WS_VTAB,
} from './print-engine.ts';
import { TabWriter } from './tabwriter.ts';
import { trimTrailingWhitespace } from './trimmer.ts';

/** Go token kinds of literal kinds, as the engine tracks the last token printed. */
const LITERAL_TOKEN: Record<string, string> = {
  number: 'NUMBER',
  float: 'FLOAT',
  string: 'STRING',
  bool: 'BOOL',
  null: 'NULL',
};

class Walker {
  constructor(
    private readonly p: PrintEngine,
    private readonly positions: BytePositions,
  ) {}

  // ---- Go positions of nodes (Alloy's ast.StartPos / ast.EndPos: the end is the last byte) ----

  private go(pos: { offset: number; line: number; column: number }): GoPos {
    return this.positions.of(pos);
  }

  private startPos(n: Expr | Stmt): GoPos {
    switch (n.kind) {
      case 'Attribute':
        return this.go(n.name.range.start);
      case 'Binary':
        return this.startPos(n.left);
      case 'Access':
      case 'Index':
      case 'Call':
        return this.startPos(n.value);
      default:
        return this.go(n.range.start);
    }
  }

  private endPos(n: Expr | Stmt): GoPos {
    switch (n.kind) {
      case 'Attribute':
        return this.endPos(n.value);
      case 'Block':
        return this.go(n.rCurly);
      case 'Identifier':
        return this.afterText(n.range.start, n.name);
      case 'Literal':
        return this.afterText(n.range.start, n.raw);
      case 'Array':
        return this.go(n.rBrack);
      case 'Object':
        return this.go(n.rCurly);
      case 'Access':
        return this.afterText(n.name.range.start, n.name.name);
      case 'Index':
        return this.go(n.rBrack);
      case 'Call':
        return this.go(n.rParen);
      case 'Unary':
        return this.endPos(n.value);
      case 'Binary':
        return this.endPos(n.right);
      case 'Paren':
        return this.positions.at(this.positions.byteOffset(n.range.end.offset) - 1);
    }
  }

  /** Position of the last byte of `text` written at `start` (Go: start.Add(len(text) - 1)). */
  private afterText(start: { offset: number; line: number; column: number }, text: string): GoPos {
    return this.positions.at(this.positions.byteOffset(start.offset) + utf8ByteLength(text) - 1);
  }

  private nodeLines(n: Expr | Stmt): number {
    return this.endPos(n).line - this.startPos(n).line + 1;
  }

  // ---- statements ----

  stmts(list: readonly Stmt[]): void {
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      let spaced = false;
      // Blocks are always separated from what precedes them by a blank line.
      if (i > 0 && s.kind === 'Block') {
        this.p.ws(WS_FORMFEED);
        spaced = true;
      }
      // A blank line in the source between two statements is kept.
      if (i > 0 && !spaced && this.startPos(s).line - this.endPos(list[i - 1]!).line > 1) {
        this.p.ws(WS_FORMFEED);
      }
      this.stmt(s);
      // A statement spanning lines ends the alignment run.
      this.p.ws(this.nodeLines(s) > 1 ? WS_FORMFEED : WS_NEWLINE);
    }
  }

  private stmt(s: Stmt): void {
    if (s.kind === 'Attribute') this.attribute(s);
    else this.block(s);
  }

  private attribute(s: AttributeStmt): void {
    this.p.at(this.go(s.name.range.start));
    this.p.text(s.name.name, 'IDENT');
    this.p.ws(WS_VTAB);
    this.p.token('=');
    this.p.ws(WS_BLANK);
    this.expr(s.value);
  }

  private block(s: BlockStmt): void {
    this.p.at(this.go(s.nameRange.start));
    this.p.text(s.name.join('.'), 'IDENT');
    // An empty label (`""`) is not printed, as in Alloy; labels print as Go's %q of their raw text.
    if (s.label !== undefined && s.label !== '') {
      this.p.ws(WS_BLANK);
      this.p.at(s.labelRange ? this.go(s.labelRange.start) : undefined);
      this.p.text(goQuote(s.label), 'STRING');
    }
    this.p.ws(WS_BLANK);
    this.p.at(this.go(s.lCurly));
    this.p.token('{');
    this.p.ws(WS_INDENT);
    if (s.body.length > 0) {
      this.p.ws(WS_FORMFEED);
      this.stmts(s.body);
    } else {
      this.p.ws(WS_BLANK);
    }
    this.p.ws(WS_UNINDENT);
    this.p.at(this.go(s.rCurly));
    this.p.token('}');
  }

  // ---- expressions ----

  expr(e: Expr): void {
    switch (e.kind) {
      case 'Literal':
        this.p.at(this.go(e.range.start));
        this.p.text(e.raw, LITERAL_TOKEN[e.literalKind]!);
        return;
      case 'Identifier':
        this.p.at(this.go(e.range.start));
        this.p.text(e.name, 'IDENT');
        return;
      case 'Array':
        this.array(e);
        return;
      case 'Object':
        this.object(e);
        return;
      case 'Access':
        this.expr(e.value);
        this.p.token('.');
        this.p.text(e.name.name, 'IDENT');
        return;
      case 'Index':
        this.expr(e.value);
        this.p.at(this.go(e.lBrack));
        this.p.token('[');
        this.expr(e.index);
        this.p.at(this.go(e.rBrack));
        this.p.token(']');
        return;
      case 'Call':
        this.call(e);
        return;
      case 'Unary':
        this.p.at(this.go(e.range.start));
        this.p.token(e.op);
        this.expr(e.value);
        return;
      case 'Binary':
        this.expr(e.left);
        this.p.ws(WS_BLANK);
        this.p.at(e.opPos ? this.go(e.opPos) : undefined);
        this.p.token(e.op);
        this.p.ws(WS_BLANK);
        this.expr(e.right);
        return;
      case 'Paren':
        this.p.token('(');
        this.expr(e.inner);
        this.p.token(')');
        return;
    }
  }

  private array(e: ArrayExpr): void {
    this.p.at(this.go(e.lBrack));
    this.p.token('[');
    let prev = this.go(e.lBrack);
    for (let i = 0; i < e.elements.length; i++) {
      const el = e.elements[i]!;
      let newline = false;
      if (prev.line !== this.startPos(el).line) {
        // Indent before the line break so that comments before the element are indented too.
        this.p.ws(WS_INDENT, WS_FORMFEED);
        newline = true;
      } else if (i > 0) {
        this.p.ws(WS_BLANK);
      }
      prev = this.endPos(el);
      this.expr(el);
      if (i + 1 < e.elements.length) this.p.token(',');
      if (newline) this.p.ws(WS_UNINDENT);
    }
    const rBrack = this.go(e.rBrack);
    if (e.elements.length > 0 && prev.line !== rBrack.line) {
      this.p.token(',');
      this.p.ws(WS_INDENT, WS_FORMFEED, WS_UNINDENT);
    }
    this.p.at(rBrack);
    this.p.token(']');
  }

  private object(e: ObjectExpr): void {
    const lCurly = this.go(e.lCurly);
    this.p.at(lCurly);
    this.p.token('{');
    this.p.ws(WS_INDENT);
    let prev = lCurly;
    for (let i = 0; i < e.fields.length; i++) {
      const f = e.fields[i]!;
      const namePos = this.go(f.name.range.start);
      if (prev.line !== namePos.line) {
        // Keep `=` aligned with the previous field unless that one spanned lines.
        this.p.ws(i > 0 && this.nodeLines(e.fields[i - 1]!.value) === 1 ? WS_NEWLINE : WS_FORMFEED);
      } else if (i > 0) {
        this.p.ws(WS_BLANK);
      }
      prev = this.positions.at(namePos.offset + utf8ByteLength(f.name.name) - 1);
      this.p.at(namePos);
      if (f.quoted) {
        this.p.at(namePos);
        this.p.text(goQuote(f.name.name), 'STRING');
      } else {
        this.p.text(f.name.name, 'IDENT');
      }
      this.p.ws(WS_VTAB);
      this.p.token('=');
      this.p.ws(WS_BLANK);
      this.expr(f.value);
      if (i + 1 < e.fields.length) this.p.token(',');
    }
    const rCurly = this.go(e.rCurly);
    if (e.fields.length > 0 && prev.line !== rCurly.line) {
      this.p.token(',');
      this.p.ws(WS_FORMFEED);
    }
    this.p.ws(WS_UNINDENT);
    this.p.at(rCurly);
    this.p.token('}');
  }

  private call(e: CallExpr): void {
    this.expr(e.value);
    this.p.token('(');
    let prev = this.go(e.lParen);
    for (let i = 0; i < e.args.length; i++) {
      const arg = e.args[i]!;
      let newline = false;
      if (prev.line !== this.startPos(arg).line) {
        this.p.ws(WS_FORMFEED, WS_INDENT);
        newline = true;
      }
      this.expr(arg);
      prev = this.endPos(arg);
      if (i + 1 < e.args.length) {
        this.p.token(',');
        this.p.ws(WS_BLANK);
      }
      if (newline) this.p.ws(WS_UNINDENT);
    }
    if (prev.line !== this.go(e.rParen).line) {
      this.p.token(',');
      this.p.ws(WS_FORMFEED);
    }
    this.p.token(')');
  }
}

/** The formatted text of a parsed file without the final newline (Alloy's printer.Fprint). */
export function printFile(file: File, source: string): string {
  const positions = new BytePositions(source);
  const engine = new PrintEngine(file.comments, positions);
  new Walker(engine, positions).stmts(file.body);
  const tw = new TabWriter();
  tw.write(engine.finish());
  return trimTrailingWhitespace(tw.finish());
}

/**
 * The output of `alloy fmt` for a file that parsed without errors: the printed file plus a final
 * newline. Formatting a file with syntax errors is refused by callers (as Alloy does).
 */
export function formatFile(file: File, source: string): string {
  return `${printFile(file, source)}\n`;
}
