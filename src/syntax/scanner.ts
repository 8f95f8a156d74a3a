// The Alloy scanner: turns source text into tokens the way Alloy's `syntax/scanner` does, including
// where it inserts TERMINATOR tokens (Go-style automatic "semicolons") and the exact wording and
// position of every lexical error. It never throws and always makes progress, so any input ends.
//
// Positions follow Go's token.Position: 1-based line, 1-based column counted in UTF-8 bytes.
// Offsets are indices into the JavaScript string.
import type { Pos } from './ast.ts';
import { lookupKeyword, type Token, type TokenKind } from './tokens.ts';
import { describeRune } from './runes.ts';
import { isEscapedByte } from './source-text.ts';

export interface ScanError {
  pos: Pos;
  message: string;
}

const EOF = -1;
const BOM = 0xfeff;
const REPLACEMENT = 0xfffd;

const LETTER = /\p{L}/u;
const UNICODE_DIGIT = /\p{Nd}/u;

function isLetter(ch: number): boolean {
  if (ch < 0) return false;
  if (ch < 0x80) return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || ch === 0x5f;
  return LETTER.test(String.fromCodePoint(ch));
}

function isDecimal(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isDigit(ch: number): boolean {
  if (ch < 0x80) return isDecimal(ch);
  return UNICODE_DIGIT.test(String.fromCodePoint(ch));
}

function digitVal(ch: number): number {
  if (isDecimal(ch)) return ch - 0x30;
  const l = ch | 0x20;
  if (ch >= 0 && l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return 16; // larger than any legal digit
}

/** Bytes this code point takes in UTF-8. Lone surrogates count as the 3-byte replacement character. */
export function utf8Length(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

export class Scanner {
  private readonly src: string;
  private readonly onError: (e: ScanError) => void;

  // Current character and where it is.
  private ch = EOF;
  private offset = 0; // index of ch in src
  private width = 0; // UTF-16 units of ch
  private bytes = 0; // UTF-8 bytes of ch in the original file
  private line = 1;
  private col = 1; // byte column of ch
  private insertTerm = false;

  constructor(src: string, onError: (e: ScanError) => void) {
    this.src = src;
    this.onError = onError;
    this.read(0);
    if (this.cur() === BOM) this.next(); // a BOM is permitted as the very first character
  }

  /** The current character (a method, so TypeScript does not narrow it across next()). */
  private cur(): number {
    return this.ch;
  }

  private pos(): Pos {
    return { offset: this.offset, line: this.line, column: this.col };
  }

  private error(pos: Pos, message: string): void {
    this.onError({ pos, message });
  }

  /** Loads the character at `at` into ch, reporting the errors Alloy reports when it reads it. */
  private read(at: number): void {
    this.offset = at;
    if (at >= this.src.length) {
      this.ch = EOF;
      this.width = 0;
      return;
    }
    let cp = this.src.charCodeAt(at);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && at + 1 < this.src.length) {
      const lo = this.src.charCodeAt(at + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      }
    }
    let bytes = utf8Length(cp);
    if (cp === 0) {
      this.error(this.pos(), 'illegal character NUL');
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // An undecodable byte of the file (see source-text.ts) is one byte wide.
      if (isEscapedByte(cp)) bytes = 1;
      // A lone surrogate can only come from bytes that were not valid UTF-8.
      this.error(this.pos(), 'illegal UTF-8 encoding');
      cp = REPLACEMENT;
    } else if (cp === BOM && at > 0) {
      this.error(this.pos(), 'illegal byte order mark');
    }
    this.ch = cp;
    this.width = width;
    this.bytes = bytes;
  }

  /** Moves past the current character. */
  private next(): void {
    if (this.cur() === EOF) return;
    if (this.cur() === 0x0a) {
      this.line++;
      this.col = 1;
    } else {
      this.col += this.bytes;
    }
    this.read(this.offset + this.width);
  }

  private peekByte(): number {
    const at = this.offset + this.width;
    return at < this.src.length ? this.src.charCodeAt(at) : 0;
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.cur();
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        // Fast path: runs of blanks are one byte each and cannot raise errors.
        const s = this.src;
        let i = this.offset + 1;
        while (i < s.length) {
          const d = s.charCodeAt(i);
          if (d !== 0x20 && d !== 0x09 && d !== 0x0d) break;
          i++;
        }
        this.col += i - this.offset;
        this.read(i);
      } else if (c === 0x0a && !this.insertTerm) {
        this.next();
      } else {
        return;
      }
    }
  }

  /**
   * Fast path over printable ASCII and tabs (one byte each, never an error), stopping before `stopA`
   * or `stopB` or any other character, which the caller then handles one by one.
   */
  private skipPlain(stopA: number, stopB: number): void {
    const s = this.src;
    const start = this.offset;
    let i = start;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09) || c > 0x7e || c === stopA || c === stopB) break;
      i++;
    }
    if (i > start) {
      this.col += i - start;
      this.read(i);
    }
  }

  /** Returns the next token; EOF forever once the input is exhausted. */
  scan(): Token {
    this.skipWhitespace();
    const start = this.pos();
    const ch = this.cur();
    let insertTerm = false;
    let kind: TokenKind;
    let text = '';

    if (isLetter(ch)) {
      text = this.scanIdentifier();
      // Keywords are longer than one byte; a one-letter word is always an identifier.
      kind = text.length > 1 ? lookupKeyword(text) : 'IDENT';
      insertTerm = true;
    } else if (isDecimal(ch) || (ch === 0x2e && isDecimal(this.peekByte()))) {
      insertTerm = true;
      kind = this.scanNumber(start);
      text = this.src.slice(start.offset, this.offset);
    } else {
      this.next(); // make progress; `ch` is the first character, this.cur() the second
      switch (ch) {
        case EOF:
          if (this.insertTerm) {
            this.insertTerm = false;
            return { kind: 'TERMINATOR', text: '\n', start, end: start };
          }
          return { kind: 'EOF', text: '', start, end: start };
        case 0x0a:
          // Only reachable when a terminator is due; otherwise skipWhitespace ate the newline.
          this.insertTerm = false;
          return { kind: 'TERMINATOR', text: '\n', start, end: start };
        case 0x27: // '
          this.error(start, 'illegal single-quoted string; use double quotes');
          insertTerm = true;
          kind = 'ILLEGAL';
          text = this.scanString(start, 0x27, true, false);
          break;
        case 0x22: // "
          insertTerm = true;
          kind = 'STRING';
          text = this.scanString(start, 0x22, true, false);
          break;
        case 0x60: // `
          insertTerm = true;
          kind = 'STRING';
          text = this.scanString(start, 0x60, false, true);
          break;
        case 0x7c: // |
          if (this.cur() !== 0x7c) this.error(this.pos(), 'missing second | in ||');
          else this.next();
          kind = '||';
          break;
        case 0x26: // &
          if (this.cur() !== 0x26) this.error(this.pos(), 'missing second & in &&');
          else this.next();
          kind = '&&';
          break;
        case 0x21:
          kind = this.switch2('!', '!=');
          break;
        case 0x3d:
          kind = this.switch2('=', '==');
          break;
        case 0x3c:
          kind = this.switch2('<', '<=');
          break;
        case 0x3e:
          kind = this.switch2('>', '>=');
          break;
        case 0x2b:
          kind = '+';
          break;
        case 0x2d:
          kind = '-';
          break;
        case 0x2a:
          kind = '*';
          break;
        case 0x2f: // /
          if (this.cur() === 0x2f || this.cur() === 0x2a) {
            // A comment. If a terminator is due and the comment runs to the end of the line, the
            // terminator comes first, positioned at the comment; the comment is scanned next time.
            if (this.insertTerm && this.commentRunsToLineEnd(start.offset + 1, start.column + 1, start.line)) {
              this.offset = start.offset;
              this.line = start.line;
              this.col = start.column;
              this.read(start.offset);
              this.insertTerm = false;
              return { kind: 'TERMINATOR', text: '\n', start, end: start };
            }
            text = this.scanComment(start);
            this.insertTerm = false;
            return { kind: 'COMMENT', text, start, end: this.pos() };
          }
          kind = '/';
          break;
        case 0x25:
          kind = '%';
          break;
        case 0x5e:
          kind = '^';
          break;
        case 0x7b:
          kind = '{';
          break;
        case 0x7d:
          insertTerm = true;
          kind = '}';
          break;
        case 0x28:
          kind = '(';
          break;
        case 0x29:
          insertTerm = true;
          kind = ')';
          break;
        case 0x5b:
          kind = '[';
          break;
        case 0x5d:
          insertTerm = true;
          kind = ']';
          break;
        case 0x2c:
          kind = ',';
          break;
        case 0x2e:
          kind = '.'; // fractions starting with '.' were handled above
          break;
        default:
          // read() already reported misplaced byte order marks.
          if (ch !== BOM) this.error(start, `illegal character ${describeRune(ch)}`);
          insertTerm = this.insertTerm; // an illegal character does not change terminator state
          kind = 'ILLEGAL';
          text = String.fromCodePoint(ch);
      }
    }

    this.insertTerm = insertTerm;
    if (text === '' && kind !== 'ILLEGAL') text = kind;
    return { kind, text, start, end: this.pos() };
  }

  private switch2(a: TokenKind, b: TokenKind): TokenKind {
    if (this.cur() === 0x3d) {
      this.next();
      return b;
    }
    return a;
  }

  private scanIdentifier(): string {
    const off = this.offset;
    this.next();
    for (;;) {
      // Fast path over ASCII letters, digits and '_'; other characters go through the full check.
      const s = this.src;
      const from = this.offset;
      let i = from;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) break;
        i++;
      }
      if (i > from) {
        this.col += i - from;
        this.read(i);
      }
      const c = this.cur();
      if (c < 0x80 || !(isLetter(c) || isDigit(c))) break;
      this.next();
    }
    return this.src.slice(off, this.offset);
  }

  private digits(): number {
    let n = 0;
    while (isDecimal(this.cur())) {
      this.next();
      n++;
    }
    return n;
  }

  private scanNumber(start: Pos): TokenKind {
    let kind: TokenKind = 'NUMBER';
    if (this.cur() !== 0x2e) this.digits();
    if (this.cur() === 0x2e) {
      kind = 'FLOAT';
      this.next();
      this.digits();
    }
    if ((this.cur() | 0x20) === 0x65 && this.cur() >= 0) {
      kind = 'FLOAT';
      this.next();
      if (this.cur() === 0x2b || this.cur() === 0x2d) this.next();
      if (this.digits() === 0) this.error(start, 'exponent has no digits');
    }
    return kind;
  }

  /** Scans a string whose opening quote was consumed; returns its raw text with quotes. */
  private scanString(start: Pos, until: number, escape: boolean, multiline: boolean): string {
    for (;;) {
      this.skipPlain(until, 0x5c);
      const ch = this.cur();
      if ((!multiline && ch === 0x0a) || ch === EOF) {
        this.error(start, 'string literal not terminated');
        break;
      }
      this.next();
      if (ch === until) break;
      if (escape && ch === 0x5c) this.scanEscape();
    }
    return this.src.slice(start.offset, this.offset);
  }

  /** Checks one escape sequence; on error stops at the offending character without consuming it. */
  private scanEscape(): void {
    const at = this.pos();
    let n: number;
    let base: number;
    let max: number;
    switch (this.cur()) {
      // Alloy's scanner does not accept \' (its comment says otherwise; the code decides).
      case 0x61: // a
      case 0x62: // b
      case 0x66: // f
      case 0x6e: // n
      case 0x72: // r
      case 0x74: // t
      case 0x76: // v
      case 0x5c: // backslash
      case 0x22: // "
        this.next();
        return;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
        n = 3;
        base = 8;
        max = 255;
        break;
      case 0x78: // x
        this.next();
        n = 2;
        base = 16;
        max = 255;
        break;
      case 0x75: // u
        this.next();
        n = 4;
        base = 16;
        max = 0x10ffff;
        break;
      case 0x55: // U
        this.next();
        n = 8;
        base = 16;
        max = 0x10ffff;
        break;
      default:
        this.error(at, this.cur() === EOF ? 'escape sequence not terminated' : 'unknown escape sequence');
        return;
    }
    let x = 0;
    while (n > 0) {
      const d = digitVal(this.cur());
      if (d >= base) {
        this.error(
          at,
          this.cur() === EOF ? 'escape sequence not terminated' : `illegal character ${describeRune(this.cur())} in escape sequence`,
        );
        return;
      }
      x = x * base + d;
      this.next();
      n--;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) this.error(at, 'escape sequence is invalid Unicode code point');
  }

  /** Scans a comment whose first '/' was consumed; returns its text without carriage returns. */
  private scanComment(start: Pos): string {
    let numCR = 0;
    let block = false;
    if (this.cur() === 0x2f) {
      this.next();
      for (;;) {
        this.skipPlain(-1, -1);
        if (this.cur() === 0x0a || this.cur() === EOF) break;
        if (this.cur() === 0x0d) numCR++;
        this.next();
      }
    } else {
      block = true;
      this.next();
      let closed = false;
      while (this.cur() !== EOF) {
        this.skipPlain(0x2a, -1);
        if (this.cur() === EOF) break;
        const ch = this.cur();
        if (ch === 0x0d) numCR++;
        this.next();
        if (ch === 0x2a && this.cur() === 0x2f) {
          this.next();
          closed = true;
          break;
        }
      }
      if (!closed) this.error(start, 'block comment not terminated');
    }
    let lit = this.src.slice(start.offset, this.offset);
    // A line comment of a CRLF file ends in "\r"; drop it, then any other carriage returns.
    if (numCR > 0 && lit.endsWith('\r')) {
      lit = lit.slice(0, -1);
      numCR--;
    }
    if (numCR > 0) lit = stripCR(lit, block);
    return lit;
  }

  /**
   * Reports whether the comment starting just before `from` (the character after its first '/')
   * runs to the end of the line, possibly through further comments on the same line.
   *
   * Alloy looks ahead with its ordinary character reader, which reports NUL, invalid UTF-8 and
   * misplaced byte order marks as it goes; the comment is then read again. So such characters in
   * the looked-at text are reported twice, and this lookahead reports them too.
   */
  private commentRunsToLineEnd(from: number, fromColumn: number, line: number): boolean {
    const s = this.src;
    let cur = from;
    let col = fromColumn;
    const at = (i: number): number => (i < s.length ? s.charCodeAt(i) : -1);
    const advance = (): void => {
      if (cur >= s.length) return;
      const c = s.charCodeAt(cur);
      let width = 1;
      let bytes = 1;
      if (c >= 0xd800 && c <= 0xdbff && cur + 1 < s.length && (s.charCodeAt(cur + 1) & 0xfc00) === 0xdc00) {
        width = 2;
        bytes = 4;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        bytes = isEscapedByte(c) ? 1 : 3;
      } else {
        bytes = utf8Length(c);
      }
      cur += width;
      col += bytes;
      if (cur >= s.length) return;
      const d = s.charCodeAt(cur);
      const pos = { offset: cur, line, column: col };
      if (d === 0) this.error(pos, 'illegal character NUL');
      else if (d >= 0xd800 && d <= 0xdfff) {
        const paired = d <= 0xdbff && cur + 1 < s.length && (s.charCodeAt(cur + 1) & 0xfc00) === 0xdc00;
        if (!paired) this.error(pos, 'illegal UTF-8 encoding');
      } else if (d === BOM) this.error(pos, 'illegal byte order mark');
    };
    while (at(cur) === 0x2f || at(cur) === 0x2a) {
      if (at(cur) === 0x2f) return true; // a line comment always reaches the newline
      advance(); // past '*'
      while (cur < s.length) {
        const c = at(cur);
        if (c === 0x0a) return true;
        advance();
        if (c === 0x2a && at(cur) === 0x2f) {
          advance();
          break;
        }
      }
      while (at(cur) === 0x20 || at(cur) === 0x09 || at(cur) === 0x0d) advance();
      if (cur >= s.length || at(cur) === 0x0a) return true;
      if (at(cur) !== 0x2f) return false;
      advance(); // past '/'
    }
    return false;
  }
}

function stripCR(lit: string, block: boolean): string {
  let out = '';
  for (let j = 0; j < lit.length; j++) {
    const c = lit[j];
    // A carriage return between '*' and the closing '/' of a block comment is kept, as Alloy does.
    if (c !== '\r' || (block && out.length > 2 && out.endsWith('*') && j + 1 < lit.length && lit[j + 1] === '/')) {
      out += c;
    }
  }
  return out;
}

/** Scans the whole source; comments included. Handy for tests and tools. */
export function scanAll(src: string): { tokens: Token[]; errors: ScanError[] } {
  const errors: ScanError[] = [];
  const scanner = new Scanner(src, (e) => errors.push(e));
  const tokens: Token[] = [];
  for (;;) {
    const t = scanner.scan();
    tokens.push(t);
    if (t.kind === 'EOF') break;
  }
  return { tokens, errors };
}
