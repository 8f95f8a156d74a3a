// The LogQL subset stage.match accepts (Alloy's internal/loki/logql, a copy of Promtail's): a
// stream selector `{name="v", name!="v", name=~"re", name!~"re"}` followed by any number of line
// filters `|= "text"`, `!= "text"`, `|~ "re"`, `!~ "re"`. Tokens follow Go's text/scanner (Go
// identifiers, "…" and `…` strings, comments skipped); errors read like Alloy's
// `parse error at line L, col C: syntax error: unexpected X, expecting Y`.
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
  line: number;
  col: number;
}

const TWO_CHAR = new Set(['!=', '=~', '!~', '|=', '|~']);
const ONE_CHAR = new Set([',', '.', '{', '}', '=']);

function isIdentStart(ch: string): boolean {
  return ch === '_' || /\p{L}/u.test(ch);
}
function isIdentPart(ch: string): boolean {
  return ch === '_' || /[\p{L}\p{Nd}]/u.test(ch);
}

function tokenize(input: string): Tok[] {
  const chars = [...input];
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (): string => {
    const ch = chars[i++]!;
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
    return ch;
  };
  const fail = (msg: string, l: number, c: number): never => {
    throw new SelectorError(`parse error at line ${l}, col ${c}: ${msg}`, 'parse');
  };
  while (true) {
    // Go's default whitespace set: space, tab, newline, carriage return.
    while (i < chars.length && ' \t\n\r'.includes(chars[i]!)) advance();
    if (chars[i] === '/' && (chars[i + 1] === '/' || chars[i + 1] === '*')) {
      const l = line;
      const c = col;
      if (chars[i + 1] === '/') {
        while (i < chars.length && chars[i] !== '\n') advance();
      } else {
        advance();
        advance();
        while (i < chars.length && !(chars[i] === '*' && chars[i + 1] === '/')) advance();
        if (i >= chars.length) fail('comment not terminated', l, c);
        advance();
        advance();
      }
      continue;
    }
    const l = line;
    const c = col;
    if (i >= chars.length) {
      toks.push({ kind: 'EOF', text: '', line: l, col: c });
      return toks;
    }
    const ch = chars[i]!;
    if (isIdentStart(ch) || /[0-9]/.test(ch)) {
      let text = '';
      while (i < chars.length && (isIdentPart(chars[i]!) || (/[0-9.]/.test(chars[i]!) && /^[0-9]/.test(text + chars[i])))) {
        text += advance();
      }
      toks.push({ kind: 'IDENTIFIER', text, line: l, col: c });
      continue;
    }
    if (ch === '"' || ch === '`') {
      let text = advance();
      let closed = false;
      while (i < chars.length) {
        const x = advance();
        text += x;
        if (x === ch) {
          closed = true;
          break;
        }
        if (ch === '"' && x === '\n') break;
        if (ch === '"' && x === '\\' && i < chars.length) text += advance();
      }
      if (!closed) fail('literal not terminated', l, c);
      // Go's scanner checks escapes while scanning, before strconv.Unquote sees the text.
      if (ch === '"' && /\\(?![abfnrtv\\"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/.test(text.replace(/\\\\/g, ''))) {
        fail('invalid char escape', l, c);
      }
      const value = goUnquote(text);
      if (value === undefined) fail('invalid syntax', l, c);
      toks.push({ kind: 'STRING', text, value, line: l, col: c });
      continue;
    }
    advance();
    const two = ch + (chars[i] ?? '');
    if (TWO_CHAR.has(two)) {
      advance();
      toks.push({ kind: 'OP', text: two, line: l, col: c });
    } else if (ONE_CHAR.has(ch)) {
      toks.push({ kind: 'OP', text: ch, line: l, col: c });
    } else {
      // Anything else is an IDENTIFIER token to Alloy's lexer, which the grammar then rejects.
      toks.push({ kind: 'IDENTIFIER', text: ch, line: l, col: c });
    }
  }
}

function tokName(t: Tok): string {
  if (t.kind === 'EOF') return '$end';
  if (t.kind === 'OP') return t.text;
  return t.kind;
}

export function parseSelector(input: string): Selector {
  const toks = tokenize(input);
  let p = 0;
  const peek = (): Tok => toks[p]!;
  const unexpected = (t: Tok, expecting: string[]): never => {
    const exp = expecting.length > 0 && expecting.length <= 4 ? ', expecting ' + expecting.join(' or ') : '';
    throw new SelectorError(`parse error at line ${t.line}, col ${t.col}: syntax error: unexpected ${tokName(t)}${exp}`, 'parse');
  };
  const expectOp = (text: string, expecting: string[]): void => {
    const t = peek();
    if (t.kind === 'OP' && t.text === text) p++;
    else unexpected(t, expecting);
  };

  expectOp('{', ['{']);
  const matchers: LabelMatcher[] = [];
  while (true) {
    const name = peek();
    if (name.kind !== 'IDENTIFIER') unexpected(name, ['IDENTIFIER']);
    p++;
    const op = peek();
    if (op.kind !== 'OP' || !['=', '!=', '=~', '!~'].includes(op.text)) unexpected(op, ['=', '!=', '=~', '!~']);
    p++;
    const val = peek();
    if (val.kind !== 'STRING') unexpected(val, ['STRING']);
    p++;
    matchers.push({ name: name.text, op: op.text as MatchOp, value: val.value! });
    const sep = peek();
    if (sep.kind === 'OP' && sep.text === ',') {
      p++;
      continue;
    }
    if (sep.kind === 'OP' && sep.text === '}') {
      p++;
      break;
    }
    unexpected(sep, ['}', ',']);
  }
  const filters: LineFilter[] = [];
  while (peek().kind !== 'EOF') {
    const op = peek();
    if (op.kind !== 'OP' || !['|=', '!=', '|~', '!~'].includes(op.text)) unexpected(op, ['!=', '!~', '|~', '|=']);
    p++;
    const val = peek();
    if (val.kind !== 'STRING') unexpected(val, ['STRING']);
    p++;
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
