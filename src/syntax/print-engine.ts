// The token printer behind `fmt`: it receives tokens, positions and whitespace instructions from the
// walker (printer.ts), places comments between them by source position, and produces text for the
// tab writer. Alloy's formatting quirks live in the details of this state machine (which buffered
// whitespace a comment swallows, how many newlines it keeps), so it follows Alloy's printer rule by
// rule. All positions are Go positions: byte offsets, lines, byte columns.
import type { CommentGroup } from './ast.ts';
import { BytePositions, NO_POS, utf8ByteLength, type GoPos } from './byte-positions.ts';
import { ESCAPE } from './tabwriter.ts';

/** Whitespace instructions: characters written as-is, or indentation changes. */
export type Whitespace = ' ' | '\v' | '\n' | '\f' | '>' | '<' | '';
export const WS_IGNORE: Whitespace = '';
export const WS_BLANK: Whitespace = ' ';
export const WS_VTAB: Whitespace = '\v';
export const WS_NEWLINE: Whitespace = '\n';
export const WS_FORMFEED: Whitespace = '\f';
export const WS_INDENT: Whitespace = '>';
export const WS_UNINDENT: Whitespace = '<';

/** Token classes the printer distinguishes: 'LITERAL' after whitespace, else the token kind. */
export type PrintedToken = string;

const MAX_NEWLINES = 2;

interface PrintComment {
  start: GoPos;
  /** Go's EndPos: start + byte length of the text - 1 (not exact when carriage returns were stripped). */
  endLine: number;
  text: string;
}

function limitNewlines(n: number): number {
  return n > MAX_NEWLINES ? MAX_NEWLINES : n;
}

export class PrintEngine {
  private readonly output: string[] = [];
  private outputEmpty = true;
  private indent = 0;
  private lastTok: PrintedToken = 'LITERAL';
  private whitespace: Whitespace[] = [];

  private readonly comments: PrintComment[][];
  private commentIdx = 0;
  private cur: PrintComment[] = [];
  private commentPos: GoPos | undefined;

  /** Estimated position in source space. */
  private pos: GoPos = { offset: 0, line: 1, column: 1 };
  /** Source-space position after the last text written. */
  private last: GoPos = NO_POS;
  /** Position in output space; only column 1 (start of line) matters for indentation. */
  private outLine = 1;
  private outColumn = 1;

  constructor(groups: readonly CommentGroup[], positions: BytePositions) {
    this.comments = groups.map((g) =>
      g.comments.map((c) => {
        const start = positions.of(c.range.start);
        const endOffset = start.offset + utf8ByteLength(c.text) - 1;
        return { start, endLine: positions.at(endOffset).line, text: c.text };
      }),
    );
    this.nextComment();
  }

  // ---- the walker's interface ----

  /** Buffers whitespace instructions until the next text. */
  ws(...items: Whitespace[]): void {
    for (const w of items) {
      if (w === WS_IGNORE) continue;
      this.whitespace.push(w);
      this.lastTok = 'LITERAL';
    }
  }

  /** Sets the source-space position of what comes next. */
  at(pos: GoPos | undefined): void {
    if (pos && pos.line > 0) this.pos = pos;
  }

  /** Writes an identifier, a literal or a keyword-like text; `tok` is its token kind. */
  text(data: string, tok: PrintedToken): void {
    this.lastTok = tok;
    this.emit(data);
  }

  /** Writes an operator or delimiter, separating it from a previous token it would merge with. */
  token(tok: string): void {
    if (mayCombine(this.lastTok, tok[0]!)) {
      // Go's printer asserts the whitespace buffer is empty here; keep the separator either way.
      this.whitespace.unshift(' ');
    }
    this.lastTok = tok;
    this.emit(tok);
  }

  /** Writes the remaining comments and returns the raw output for the tab writer. */
  finish(): string {
    this.flush({ offset: Number.MAX_SAFE_INTEGER, line: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER }, 'EOF');
    return this.output.join('');
  }

  // ---- internals ----

  private emit(data: string): void {
    const next = this.pos;
    this.flush(next, this.lastTok);
    this.writeString(next, data, false);
  }

  private nextComment(): void {
    while (this.commentIdx < this.comments.length) {
      const c = this.comments[this.commentIdx++]!;
      if (c.length > 0) {
        this.cur = c;
        this.commentPos = c[0]!.start;
        return;
      }
    }
    this.commentPos = undefined;
  }

  private commentBefore(next: GoPos): boolean {
    return this.commentPos !== undefined && this.commentPos.offset <= next.offset;
  }

  private flush(next: GoPos, tok: PrintedToken): void {
    if (this.commentBefore(next)) this.injectComments(next, tok);
    else if (tok !== 'EOF') this.writeWhitespace(this.whitespace.length);
  }

  private injectComments(next: GoPos, tok: PrintedToken): void {
    let lastComment: PrintComment | undefined;
    while (this.commentBefore(next)) {
      for (const c of this.cur) {
        this.writeCommentPrefix(next, c);
        this.writeString(c.start, c.text, true);
        lastComment = c;
      }
      this.nextComment();
    }
    this.writeCommentSuffix(next, tok, lastComment!);
  }

  private writeCommentPrefix(next: GoPos, c: PrintComment): void {
    if (this.outputEmpty) return; // nothing before the comment: no separator
    if (c.start.line === this.last.line) {
      // Same line as the previous text: a tab, or a space when code follows on that line too.
      this.writeByte(c.start.line === next.line ? ' ' : '\t', 1);
      return;
    }
    // On a later line: apply pending indentation changes up to the first real whitespace, which is
    // dropped (the comment brings its own line breaks).
    let count = 0;
    for (let i = 0; i < this.whitespace.length; i++) {
      const w = this.whitespace[i]!;
      if (w === WS_INDENT || w === WS_UNINDENT) continue;
      this.whitespace[i] = WS_IGNORE;
      count = i;
      break;
    }
    this.writeWhitespace(count);
    const newlines = c.start.line > 0 && this.last.line > 0 ? c.start.line - this.last.line : 0;
    if (newlines > 0) this.writeByte('\f', limitNewlines(newlines));
  }

  private writeCommentSuffix(next: GoPos, tok: PrintedToken, lastComment: PrintComment): void {
    if (tok === 'EOF') return; // no blank lines at the end of the file
    let droppedFF = false;
    if (lastComment.text[1] === '*' && next.line === lastComment.endLine) this.writeByte(' ', 1);
    const newlines = next.line - this.last.line;
    for (let i = 0; i < this.whitespace.length; i++) {
      const w = this.whitespace[i]!;
      if (w === WS_INDENT || w === WS_UNINDENT) continue;
      if (w === WS_FORMFEED) droppedFF = true;
      this.whitespace[i] = WS_IGNORE;
    }
    this.writeWhitespace(this.whitespace.length);
    if (newlines > 0) this.writeByte(droppedFF ? '\f' : '\n', limitNewlines(newlines));
  }

  private append(s: string): void {
    if (s.length === 0) return;
    this.output.push(s);
    this.outputEmpty = false;
  }

  private writeString(pos: GoPos, s: string, isLit: boolean): void {
    if (this.outColumn === 1) this.writeIndent();
    if (pos.line > 0) this.pos = { ...pos };
    // Escaped text (comments) passes the tab writer uninterpreted.
    this.append(isLit ? ESCAPE + s + ESCAPE : s);

    // One pass: byte length, newlines, and bytes after the last newline (Go counts bytes).
    let bytes = 0;
    let newlines = 0;
    let bytesAfterNewline = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      let w: number;
      if (ch < 0x80) w = 1;
      else if (ch < 0x800) w = 2;
      else if (ch >= 0xd800 && ch <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        w = 4;
        i++;
      } else w = 3;
      bytes += w;
      if (ch === 0x0a || ch === 0x0c) {
        newlines++;
        bytesAfterNewline = 0;
      } else {
        bytesAfterNewline += w;
      }
    }
    this.pos.offset += bytes;
    if (newlines > 0) {
      this.pos.line += newlines;
      this.outLine += newlines;
      // Go: the column after text ending a line is the byte count from that newline on.
      this.pos.column = bytesAfterNewline + 1;
      this.outColumn = bytesAfterNewline + 1;
    } else {
      this.pos.column += bytes;
      this.outColumn += bytes;
    }
    this.last = { ...this.pos };
  }

  private writeIndent(): void {
    const depth = this.indent;
    this.append('\t'.repeat(depth));
    this.pos = { offset: this.pos.offset + depth, line: this.pos.line, column: this.pos.column + depth };
    this.outColumn += depth;
  }

  private writeByte(ch: string, n: number): void {
    if (this.outColumn === 1) this.writeIndent();
    this.append(ch.repeat(n));
    const offset = this.pos.offset + n;
    if (ch === '\n' || ch === '\f') {
      this.pos = { offset, line: this.pos.line + n, column: 1 };
      this.outLine += n;
      this.outColumn = 1;
      return;
    }
    this.pos = { offset, line: this.pos.line, column: this.pos.column + n };
    this.outColumn += n;
  }

  private writeWhitespace(n: number): void {
    for (let i = 0; i < n; i++) {
      const w = this.whitespace[i]!;
      if (w === WS_IGNORE) continue;
      if (w === WS_INDENT) this.indent++;
      else if (w === WS_UNINDENT) this.indent = Math.max(0, this.indent - 1);
      else this.writeByte(w, 1);
    }
    this.whitespace = this.whitespace.slice(n);
  }
}

/** Tokens that would scan as one if printed next to each other: `1` `.` and `/` `*`. */
function mayCombine(prev: PrintedToken, next: string): boolean {
  if (prev === 'NUMBER') return next === '.';
  if (prev === '/') return next === '*';
  return false;
}
