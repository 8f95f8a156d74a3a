// The LogQL subset stage.match accepts (Alloy's internal/loki/logql, a copy of Promtail's): a
// stream selector `{name="v", name!="v", name=~"re", name!~"re"}` followed by any number of line
// filters `|= "text"`, `!= "text"`, `|~ "re"`, `!~ "re"`. Values must be "…" strings (a raw `…`
// string is an IDENTIFIER to Alloy's lexer). Errors are Alloy's, position quirks included:
// `parse error at line L, col C: syntax error: unexpected X, expecting Y` (checked against
// Alloy's own parser on 1535 inputs).
import { compileRegex, RegexSyntaxError, type GoRegexp } from '../../regex/index.ts';
import { goUnquote } from './go-unquote.ts';

export type MatchOp = '=' | '!=' | '=~' | '!~';
export type FilterOp = '|=' | '!=' | '|~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
  /** For =~ and !~: the value compiled as Prometheus does, `^(?s:value)$`. */
  regex?: GoRegexp;
}

export interface LineFilter {
  op: FilterOp;
  value: string;
  /** For |~ and !~: compiled unanchored, as Go's regexp.Compile. */
  regex?: GoRegexp;
}

export interface Selector {
  matchers: LabelMatcher[];
  filters: LineFilter[];
}

/** A selector the parser refuses; `message` is Alloy's text without the stage prefix. */
export class SelectorError extends Error {
  constructor(
    message: string,
    /** `panic` when Alloy panics instead of returning the error (bad regex in a matcher). */
    readonly kind: 'parse' | 'matcher-regex' | 'filter-regex',
  ) {
    super(message);
    this.name = 'SelectorError';
  }
}

type TokKind = 'IDENTIFIER' | 'STRING' | 'OP' | 'EOF';
interface Tok {
  kind: TokKind;
  text: string;
  value?: string;
  /** Go's scanner Position of the token, as the lexer's error reports it. */
  line: number;
  col: number;
}

const TWO_CHAR = new Set(['!=', '=~', '!~', '|=', '|~']);
const ONE_CHAR = new Set([',', '.', '{', '}', '=']);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && (ch === '_' || /\p{L}/u.test(ch));
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Nd}/u.test(ch);
}

/**
 * Go's text/scanner in GoTokens mode, driven one token at a time as Alloy's lexer drives it, so
 * that an error in a token after the first syntax error is never seen (Go never scans it).
 * Only "…" strings are STRING tokens; raw `…` strings, 'c' chars and numbers come back as
 * IDENTIFIER, because the lexer only special-cases scanner.String. After a two-character
 * operator the lexer calls Next(), which zeroes the scanner's line: errors on such a token say
 * "line 0".
 */
class GoScanner {
  private readonly chars: string[];
  private i = 0;
  private line = 1;
  private col = 0; // column of the last character read, as text/scanner counts
  private lastLineLen = 0;

  constructor(input: string) {
    this.chars = [...input];
  }

  private fail(msg: string, line: number, col: number): never {
    throw new SelectorError(`parse error at line ${line}, col ${col}: ${msg}`, 'parse');
  }

  private read(): string | undefined {
    const ch = this.chars[this.i++];
    if (ch === undefined) {
      this.i = this.chars.length;
      return undefined;
    }
    if (ch === '\n') {
      this.line++;
      this.lastLineLen = this.col + 1;
      this.col = 0;
    } else this.col++;
    return ch;
  }

  private peekChar(k = 0): string | undefined {
    return this.chars[this.i + k];
  }

  next(): Tok {
    while (true) {
      while (this.peekChar() !== undefined && ' \t\n\r'.includes(this.peekChar()!)) this.read();
      if (this.peekChar() === '/' && (this.peekChar(1) === '/' || this.peekChar(1) === '*')) {
        const [l, c] = [this.line, this.col + 1];
        this.read();
        if (this.read() === '/') {
          while (this.peekChar() !== undefined && this.peekChar() !== '\n') this.read();
        } else {
          while (this.peekChar() !== undefined && !(this.peekChar() === '*' && this.peekChar(1) === '/')) this.read();
          if (this.peekChar() === undefined) this.fail('comment not terminated', l, c);
          this.read();
          this.read();
        }
        continue;
      }
      break;
    }
    const ch = this.peekChar();
    if (ch === undefined) {
      // At EOF text/scanner reports the column after the last character (line 0, col 0 for
      // empty input).
      if (this.chars.length === 0) return { kind: 'EOF', text: '', line: 0, col: 0 };
      return { kind: 'EOF', text: '', line: this.line, col: this.col + 1 };
    }
    const line = this.line;
    const col = this.col + 1;
    if (isLetter(ch)) {
      let text = '';
      while (isLetter(this.peekChar()) || isDigit(this.peekChar())) text += this.read();
      return { kind: 'IDENTIFIER', text, line, col };
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(this.peekChar(1) ?? ''))) {
      // A Go number literal (Int or Float): prefix forms, digits with _, fraction, exponent.
      const rest = this.chars.slice(this.i, this.i + 256).join('');
      const m = /^(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bBoO][0-9_]*|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(rest)!;
      let text = '';
      for (let k = 0; k < Math.max(1, m[0].length); k++) text += this.read();
      return { kind: 'IDENTIFIER', text, line, col };
    }
    if (ch === '"' || ch === '`' || ch === "'") {
      let text = this.read()!;
      let closed = false;
      let badEscape = false;
      while (this.peekChar() !== undefined) {
        const x = this.peekChar()!;
        if (x === '\n' && ch !== '`') break;
        text += this.read();
        if (x === ch) {
          closed = true;
          break;
        }
        if (x === '\\' && ch !== '`') {
          const e = this.peekChar();
          if (e === undefined) break;
          if (!/^[abfnrtv\\]$/.test(e) && e !== ch && !/[0-7xuU]/.test(e)) badEscape = true;
          if (e !== '\n') text += this.read();
          if (e === 'x' || e === 'u' || e === 'U' || /[0-7]/.test(e)) {
            const n = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 2;
            const re = /[0-7]/.test(e) ? /[0-7]/ : /[0-9a-fA-F]/;
            for (let k = 0; k < n; k++) {
              if (re.test(this.peekChar() ?? '')) text += this.read();
              else {
                badEscape = true;
                break;
              }
            }
          }
        }
      }
      if (badEscape) this.fail('invalid char escape', line, col);
      if (!closed) this.fail('literal not terminated', line, col);
      if (ch !== '"') return { kind: 'IDENTIFIER', text, line, col };
      const value = goUnquote(text);
      if (value === undefined) this.fail('invalid syntax', line, col);
      return { kind: 'STRING', text, value, line, col };
    }
    this.read();
    const two = ch + (this.peekChar() ?? '');
    if (TWO_CHAR.has(two)) {
      this.read();
      // Alloy's lexer consumed the second character with Next(), which invalidates the line.
      return { kind: 'OP', text: two, line: 0, col };
    }
    if (ONE_CHAR.has(ch)) return { kind: 'OP', text: ch, line, col };
    return { kind: 'IDENTIFIER', text: ch, line, col };
  }
}

function tokName(t: Tok): string {
  if (t.kind === 'EOF') return '$end';
  if (t.kind === 'OP') return t.text;
  return t.kind;
}

export function parseSelector(input: string): Selector {
  const scanner = new GoScanner(input);
  let current: Tok | undefined;
  // One token of lookahead, scanned only when the parser asks for it.
  const peek = (): Tok => (current ??= scanner.next());
  const advance = (): void => {
    current = undefined;
  };
  const unexpected = (t: Tok, expecting: string[]): never => {
    const exp = expecting.length > 0 && expecting.length <= 4 ? ', expecting ' + expecting.join(' or ') : '';
    throw new SelectorError(`parse error at line ${t.line}, col ${t.col}: syntax error: unexpected ${tokName(t)}${exp}`, 'parse');
  };
  const expectOp = (text: string, expecting: string[]): void => {
    const t = peek();
    if (t.kind === 'OP' && t.text === text) advance();
    else unexpected(t, expecting);
  };

  expectOp('{', ['{']);
  const matchers: LabelMatcher[] = [];
  while (true) {
    const name = peek();
    if (name.kind !== 'IDENTIFIER') unexpected(name, ['IDENTIFIER']);
    advance();
    const op = peek();
    if (op.kind !== 'OP' || !['=', '!=', '=~', '!~'].includes(op.text)) unexpected(op, ['=', '!=', '=~', '!~']);
    advance();
    const val = peek();
    if (val.kind !== 'STRING') unexpected(val, ['STRING']);
    advance();
    matchers.push({ name: name.text, op: op.text as MatchOp, value: val.value! });
    const sep = peek();
    if (sep.kind === 'OP' && sep.text === ',') {
      advance();
      continue;
    }
    if (sep.kind === 'OP' && sep.text === '}') {
      advance();
      break;
    }
    unexpected(sep, ['}', ',']);
  }
  const filters: LineFilter[] = [];
  while (peek().kind !== 'EOF') {
    const op = peek();
    if (op.kind !== 'OP' || !['|=', '!=', '|~', '!~'].includes(op.text)) unexpected(op, ['!=', '!~', '|~', '|=']);
    advance();
    const val = peek();
    if (val.kind !== 'STRING') unexpected(val, ['STRING']);
    advance();
    filters.push({ op: op.text as FilterOp, value: val.value! });
  }

  // labels.NewMatcher compiles regex matchers while parsing (Alloy's mustNewMatcher panics on a
  // bad one); line filter regexes are compiled later, by Filter().
  for (const m of matchers) {
    if (m.op === '=~' || m.op === '!~') {
      try {
        m.regex = compileRegex(m.value, { anchoredDotAll: true });
      } catch (e) {
        if (e instanceof RegexSyntaxError) throw new SelectorError(e.message, 'matcher-regex');
        throw e;
      }
    }
  }
  for (const f of filters) {
    if (f.op === '|~' || f.op === '!~') {
      try {
        f.regex = compileRegex(f.value);
      } catch (e) {
        if (e instanceof RegexSyntaxError) throw new SelectorError(e.message, 'filter-regex');
        throw e;
      }
    }
  }
  return { matchers, filters };
}

/** labels.Matcher.Matches on the label's value; a missing label is the empty string. */
export function matchesLabels(sel: Selector, labels: ReadonlyMap<string, string>): boolean {
  for (const m of sel.matchers) {
    const v = labels.get(m.name) ?? '';
    let ok: boolean;
    switch (m.op) {
      case '=':
        ok = v === m.value;
        break;
      case '!=':
        ok = v !== m.value;
        break;
      case '=~':
        ok = m.regex!.matchString(v);
        break;
      case '!~':
        ok = !m.regex!.matchString(v);
        break;
    }
    if (!ok) return false;
  }
  return true;
}

/** All line filters must hold (bytes.Contains / regexp.Match, negated for != and !~). */
export function matchesLine(sel: Selector, line: string): boolean {
  for (const f of sel.filters) {
    let ok: boolean;
    switch (f.op) {
      case '|=':
        ok = line.includes(f.value);
        break;
      case '!=':
        ok = !line.includes(f.value);
        break;
      case '|~':
        ok = f.regex!.matchString(line);
        break;
      case '!~':
        ok = !f.regex!.matchString(line);
        break;
    }
    if (!ok) return false;
  }
  return true;
}
