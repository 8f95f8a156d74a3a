// A parser for Go's regexp syntax (Perl flags, as regexp.Compile uses) that accepts exactly what
// current Go accepts and rejects everything else with Go's error code and offending text. It
// reads the pattern left to right like Go's parser, so when a pattern has several faults the one
// reported is the one Go reports. Character classes are built with Go's own table data and
// accumulation rules, including its case-folding quirks (`(?i)\W` excludes U+017F and U+212A).
import type { Node, ParsedRegex } from './ast.ts';
import { ErrorCode, GoSyntaxError, type ErrorCodeText } from './errors.ts';
import { applyGoFactoring } from './go-factor.ts';
import {
  appendClass,
  appendFoldedClass,
  appendFoldedRange,
  appendNegatedClass,
  appendRange,
  cleanClass,
  foldOrbit,
  MAX_RUNE,
  negateClass,
  PERL_CLASSES,
  posixClass,
  unicodeTable,
  type Ranges,
} from '../unicode/classes.ts';

const FOLD_CASE = 1;
const DOT_NL = 2;
const ONE_LINE = 4;
const NON_GREEDY = 8;

const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;
// Go's limits: 128 MiB of compiled instructions (40 bytes each) and of class runes (4 bytes each).
const MAX_SIZE = Math.floor((128 << 20) / 40);
const MAX_RUNES = Math.floor((128 << 20) / 4);

interface Frame {
  /** 0 for the whole expression and for non-capturing groups. */
  capIndex: number;
  name: string;
  isRoot: boolean;
  /** Flags to restore when the group closes. */
  savedFlags: number;
  alternatives: Node[];
  items: Node[];
}

export function parseRegex(pattern: string): ParsedRegex {
  return new Parser(pattern).parse();
}

class Parser {
  private pos = 0;
  private flags = ONE_LINE;
  private numCap = 0;
  private readonly names: string[] = [''];
  private readonly frames: Frame[] = [];
  private numRunes = 0;
  private readonly heights = new WeakMap<Node, number>();

  constructor(private readonly s: string) {
    this.frames.push({ capIndex: 0, name: '', isRoot: true, savedFlags: 0, alternatives: [], items: [] });
  }

  private fail(code: ErrorCodeText, expr: string): never {
    throw new GoSyntaxError(code, expr, this.s);
  }

  /** Decodes the code point at i; a lone surrogate is an invalid UTF-8 byte, as in Go's nextRune. */
  private rune(i: number): [number, number] {
    const c = this.s.codePointAt(i)!;
    if (c >= 0xd800 && c <= 0xdfff) this.fail(ErrorCode.InvalidUTF8, this.s.slice(i));
    return [c, i + (c > 0xffff ? 2 : 1)];
  }

  /** Go's checkUTF8 on s[from:to]: the error shows the rest of that slice, not of the pattern. */
  private checkUTF8(from: number, to: number): void {
    for (let i = from; i < to; ) {
      const c = this.s.codePointAt(i)!;
      if (c >= 0xd800 && c <= 0xdfff) this.fail(ErrorCode.InvalidUTF8, this.s.slice(i, to));
      i += c > 0xffff ? 2 : 1;
    }
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private push(node: Node): void {
    if (node.op === 'class') this.numRunes += node.ranges.length;
    else if (node.op === 'literal') this.numRunes += 1;
    this.top.items.push(node);
  }

  parse(): ParsedRegex {
    const s = this.s;
    let lastRepeat = -1; // where the previous token's repetition operator began, if it was one
    while (this.pos < s.length) {
      let repeat = -1;
      const c = s[this.pos]!;
      switch (c) {
        case '(':
          if (s[this.pos + 1] === '?') this.parsePerlFlags();
          else this.openGroup(++this.numCap, '', this.pos + 1);
          break;
        case '|':
          this.top.alternatives.push(this.concat(this.top.items));
          this.top.items = [];
          this.pos++;
          break;
        case ')':
          this.closeGroup();
          this.pos++;
          break;
        case '^':
          this.push({ op: this.flags & ONE_LINE ? 'beginText' : 'beginLine' });
          this.pos++;
          break;
        case '$':
          this.push({ op: this.flags & ONE_LINE ? 'endText' : 'endLine' });
          this.pos++;
          break;
        case '.':
          this.push({ op: this.flags & DOT_NL ? 'anyChar' : 'anyCharNotNL' });
          this.pos++;
          break;
        case '[':
          this.pos = this.parseClass(this.pos);
          break;
        case '*':
        case '+':
        case '?': {
          const before = this.pos;
          const [min, max] = c === '*' ? [0, -1] : c === '+' ? [1, -1] : [0, 1];
          this.pos = this.repeat(c, min, max, before, before + 1, lastRepeat);
          repeat = before;
          break;
        }
        case '{': {
          const before = this.pos;
          const counted = this.parseRepeat(before);
          if (counted === null) {
            this.literal(0x7b);
            this.pos++;
            break;
          }
          const { min, max, after } = counted;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            this.fail(ErrorCode.InvalidRepeatSize, s.slice(before, after));
          }
          this.pos = this.repeat('{}', min, max, before, after, lastRepeat);
          repeat = before;
          break;
        }
        case '\\':
          this.parseBackslash();
          break;
        default: {
          const [r, next] = this.rune(this.pos);
          this.literal(r);
          this.pos = next;
        }
      }
      lastRepeat = repeat;
    }
    if (this.frames.length !== 1) this.fail(ErrorCode.MissingParen, s);
    const root = this.finishFrame(this.top);
    if (this.numRunes > MAX_RUNES || calcSize(root) > MAX_SIZE) this.fail(ErrorCode.Large, s);
    return { root: applyGoFactoring(root), numCap: this.numCap, names: this.names };
  }

  private literal(r: number): void {
    const foldFlag = (this.flags & FOLD_CASE) !== 0;
    this.push({ op: 'literal', rune: r, fold: foldFlag && foldOrbit(r).length > 1, foldFlag });
  }

  private openGroup(capIndex: number, name: string, next: number): void {
    if (capIndex > 0) this.names.push(name);
    this.frames.push({ capIndex, name, isRoot: false, savedFlags: this.flags, alternatives: [], items: [] });
    this.pos = next;
  }

  private closeGroup(): void {
    const frame = this.top;
    if (frame.isRoot) this.fail(ErrorCode.UnexpectedParen, this.s);
    this.frames.pop();
    this.flags = frame.savedFlags;
    const inner = this.finishFrame(frame);
    const node: Node =
      frame.capIndex > 0 ? { op: 'capture', index: frame.capIndex, name: frame.name, sub: inner } : inner;
    this.checkHeight(node);
    this.top.items.push(node);
  }

  private finishFrame(frame: Frame): Node {
    const alternatives = [...frame.alternatives, this.concat(frame.items)];
    return alternatives.length === 1 ? alternatives[0]! : { op: 'alternate', subs: alternatives };
  }

  private concat(items: Node[]): Node {
    if (items.length === 0) return { op: 'emptyMatch' };
    if (items.length === 1) return items[0]!;
    return { op: 'concat', subs: items };
  }

  /** Go's repeat(): the operator at [before, after) applies to the last item. */
  private repeat(
    written: '*' | '+' | '?' | '{}',
    min: number,
    max: number,
    before: number,
    after: number,
    lastRepeat: number,
  ): number {
    let flags = this.flags;
    if (this.s[after] === '?') {
      after++;
      flags ^= NON_GREEDY;
    }
    // Perl rejects stacked operators (a**, a++): they are not a doubled repeat.
    if (lastRepeat >= 0) this.fail(ErrorCode.InvalidRepeatOp, this.s.slice(lastRepeat, after));
    const items = this.top.items;
    if (items.length === 0) this.fail(ErrorCode.MissingRepeatArgument, this.s.slice(before, after));
    const node: Node = { op: 'repeat', min, max, greedy: (flags & NON_GREEDY) === 0, sub: items.pop()!, written };
    items.push(node);
    this.checkHeight(node);
    if (written === '{}' && (min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) {
      this.fail(ErrorCode.InvalidRepeatSize, this.s.slice(before, after));
    }
    return after;
  }

  /** `{n}`, `{n,}`, `{n,m}` at i; null when the text is not a counted repetition (then `{` is literal). */
  private parseRepeat(i: number): { min: number; max: number; after: number } | null {
    let t = i + 1;
    const first = this.parseInt(t);
    if (first === null) return null;
    let min = first.n;
    let max: number;
    t = first.next;
    if (t >= this.s.length) return null;
    if (this.s[t] !== ',') {
      max = min;
    } else {
      t++;
      if (t >= this.s.length) return null;
      if (this.s[t] === '}') {
        max = -1;
      } else {
        const second = this.parseInt(t);
        if (second === null) return null;
        max = second.n;
        t = second.next;
        if (max < 0) min = -1;
      }
    }
    if (this.s[t] !== '}') return null;
    return { min, max, after: t + 1 };
  }

  /** Decimal digits without a leading zero; values of 1e8 and more read as -1 (too large). */
  private parseInt(i: number): { n: number; next: number } | null {
    const s = this.s;
    if (!isDigit(s[i])) return null;
    if (s[i] === '0' && isDigit(s[i + 1])) return null;
    let t = i;
    while (isDigit(s[t])) t++;
    let n = 0;
    for (let k = i; k < t; k++) {
      if (n >= 1e8) {
        n = -1;
        break;
      }
      n = n * 10 + (s.charCodeAt(k) - 0x30);
    }
    return { n, next: t };
  }

  private parsePerlFlags(): void {
    const s = this.s;
    const i = this.pos;
    const rest = s.length - i;
    // Named groups: (?P<name>…) and, since Go 1.22, (?<name>…).
    const startsWithP = rest > 4 && s[i + 2] === 'P' && s[i + 3] === '<';
    const startsWithName = rest > 3 && s[i + 2] === '<';
    if (startsWithP || startsWithName) {
      const nameStart = i + (startsWithP ? 4 : 3);
      const end = s.indexOf('>', i);
      if (end < 0) {
        this.checkUTF8(i, s.length);
        this.fail(ErrorCode.InvalidNamedCapture, s.slice(i));
      }
      const name = s.slice(nameStart, end);
      this.checkUTF8(nameStart, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail(ErrorCode.InvalidNamedCapture, s.slice(i, end + 1));
      this.openGroup(++this.numCap, name, end + 1);
      return;
    }

    let t = i + 2;
    let flags = this.flags;
    let sign = 1;
    let sawFlag = false;
    loop: while (t < s.length) {
      let c: number;
      [c, t] = this.rune(t);
      switch (c) {
        case 0x69: // i
          flags |= FOLD_CASE;
          sawFlag = true;
          break;
        case 0x6d: // m
          flags &= ~ONE_LINE;
          sawFlag = true;
          break;
        case 0x73: // s
          flags |= DOT_NL;
          sawFlag = true;
          break;
        case 0x55: // U
          flags |= NON_GREEDY;
          sawFlag = true;
          break;
        case 0x2d: // -
          if (sign < 0) break loop;
          // Work on the complement so the same setters clear flags after the minus.
          sign = -1;
          flags = ~flags;
          sawFlag = false;
          break;
        case 0x3a: // :
        case 0x29: // )
          if (sign < 0) {
            if (!sawFlag) break loop;
            flags = ~flags;
          }
          if (c === 0x3a) this.openGroup(0, '', t);
          else this.pos = t;
          this.flags = flags;
          return;
        default:
          break loop;
      }
    }
    this.fail(ErrorCode.InvalidPerlOp, s.slice(i, t));
  }

  private parseBackslash(): void {
    const s = this.s;
    const i = this.pos;
    if (i + 1 < s.length) {
      switch (s[i + 1]) {
        case 'A':
          this.push({ op: 'beginText' });
          this.pos += 2;
          return;
        case 'b':
          this.push({ op: 'wordBoundary' });
          this.pos += 2;
          return;
        case 'B':
          this.push({ op: 'noWordBoundary' });
          this.pos += 2;
          return;
        case 'C':
          // Any byte: Go does not support it.
          this.fail(ErrorCode.InvalidEscape, s.slice(i, i + 2));
        // eslint-disable-next-line no-fallthrough
        case 'Q': {
          const end = s.indexOf('\\E', i + 2);
          const litEnd = end < 0 ? s.length : end;
          for (let t = i + 2; t < litEnd; ) {
            const [r, next] = this.rune(t);
            this.literal(r);
            t = next;
          }
          this.pos = end < 0 ? s.length : end + 2;
          return;
        }
        case 'z':
          this.push({ op: 'endText' });
          this.pos += 2;
          return;
      }
      if (s[i + 1] === 'p' || s[i + 1] === 'P') {
        const { ranges, next } = this.parseUnicodeClass(i, []);
        this.push({ op: 'class', ranges: cleanClass(ranges) });
        this.pos = next;
        return;
      }
      const perl = PERL_CLASSES[s.slice(i, i + 2)];
      if (perl) {
        this.push({ op: 'class', ranges: cleanClass(this.appendGroup([], perl)) });
        this.pos = i + 2;
        return;
      }
    }
    const [r, next] = this.parseEscape(i);
    this.literal(r);
    this.pos = next;
  }

  /** Go's appendGroup: a Perl or POSIX class, folded under (?i) before any negation. */
  private appendGroup(r: Ranges, g: { negated: boolean; ranges: Ranges }): Ranges {
    if ((this.flags & FOLD_CASE) === 0) {
      return g.negated ? appendNegatedClass(r, g.ranges) : appendClass(r, g.ranges);
    }
    const folded = cleanClass(appendFoldedClass([], g.ranges));
    return g.negated ? appendNegatedClass(r, folded) : appendClass(r, folded);
  }

  /** `\pX`, `\p{Name}`, `\PX`, `\P{^Name}` at i (which holds the backslash). */
  private parseUnicodeClass(i: number, r: Ranges): { ranges: Ranges; next: number } {
    const s = this.s;
    let sign = s[i + 1] === 'P' ? -1 : 1;
    let t = i + 2;
    let c = 0xfffd; // what Go's nextRune yields at the end of the text
    if (t < s.length) [c, t] = this.rune(t);
    let seq: string;
    let name: string;
    if (c !== 0x7b) {
      seq = s.slice(i, t);
      name = s.slice(i + 2, t);
    } else {
      const end = s.indexOf('}', i);
      if (end < 0) {
        this.checkUTF8(i, s.length);
        this.fail(ErrorCode.InvalidCharRange, s.slice(i));
      }
      seq = s.slice(i, end + 1);
      name = s.slice(i + 3, end);
      this.checkUTF8(i + 3, end);
      t = end + 1;
    }
    if (name.startsWith('^')) {
      sign = -sign;
      name = name.slice(1);
    }
    const table = unicodeTable(name);
    if (table === null) this.fail(ErrorCode.InvalidCharRange, seq);
    if ((this.flags & FOLD_CASE) === 0 || table.fold === null) {
      r = sign > 0 ? appendClass(r, table.table) : appendNegatedClass(r, table.table);
    } else {
      const both = cleanClass(appendClass(appendClass([], table.table), table.fold));
      r = sign > 0 ? appendClass(r, both) : appendNegatedClass(r, both);
    }
    return { ranges: r, next: t };
  }

  /** A bracket expression starting at i; returns the index after the closing `]`. */
  private parseClass(i: number): number {
    const s = this.s;
    let t = i + 1;
    let negated = false;
    if (s[t] === '^') {
      negated = true;
      t++;
    }
    let r: Ranges = [];
    let first = true; // `]` and `-` are literal as the first character
    while (t >= s.length || s[t] !== ']' || first) {
      first = false;
      if (s.length - t > 2 && s[t] === '[' && s[t + 1] === ':') {
        const close = s.indexOf(':]', t + 2);
        if (close >= 0) {
          const name = s.slice(t, close + 2);
          const group = posixClass(name);
          if (group === null) this.fail(ErrorCode.InvalidCharRange, name);
          r = this.appendGroup(r, group);
          t = close + 2;
          continue;
        }
      }
      if (s[t] === '\\' && (s[t + 1] === 'p' || s[t + 1] === 'P')) {
        const u = this.parseUnicodeClass(t, r);
        r = u.ranges;
        t = u.next;
        continue;
      }
      const perl = s[t] === '\\' ? PERL_CLASSES[s.slice(t, t + 2)] : undefined;
      if (perl) {
        r = this.appendGroup(r, perl);
        t += 2;
        continue;
      }
      const rangeStart = t;
      let lo: number;
      [lo, t] = this.parseClassChar(t, i);
      let hi = lo;
      if (s.length - t >= 2 && s[t] === '-' && s[t + 1] !== ']') {
        [hi, t] = this.parseClassChar(t + 1, i);
        if (hi < lo) this.fail(ErrorCode.InvalidCharRange, s.slice(rangeStart, t));
      }
      r = this.flags & FOLD_CASE ? appendFoldedRange(r, lo, hi) : appendRange(r, lo, hi);
    }
    let ranges = cleanClass(r);
    if (negated) ranges = negateClass(ranges);
    this.push({ op: 'class', ranges });
    return t + 1;
  }

  private parseClassChar(t: number, classStart: number): [number, number] {
    if (t >= this.s.length) this.fail(ErrorCode.MissingBracket, this.s.slice(classStart));
    if (this.s[t] === '\\') return this.parseEscape(t);
    return this.rune(t);
  }

  /** A single-rune escape at i (the backslash): octal, hex, control letters, punctuation. */
  private parseEscape(i: number): [number, number] {
    const s = this.s;
    let t = i + 1;
    if (t >= s.length) this.fail(ErrorCode.TrailingBackslash, '');
    let c: number;
    [c, t] = this.rune(t);
    const bad = (): never => this.fail(ErrorCode.InvalidEscape, s.slice(i, t));
    if (c >= 0x31 && c <= 0x37) {
      // \1-\7 are backreferences in Perl, so only accepted as the start of an octal escape.
      if (!isOctal(s[t])) bad();
    }
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3 && isOctal(s[t]); k++) {
        r = r * 8 + (s.charCodeAt(t) - 0x30);
        t++;
      }
      return [r, t];
    }
    switch (c) {
      case 0x78: {
        // \x
        if (t >= s.length) bad();
        [c, t] = this.rune(t);
        if (c === 0x7b) {
          let nhex = 0;
          let r = 0;
          for (;;) {
            if (t >= s.length) bad();
            [c, t] = this.rune(t);
            if (c === 0x7d) break;
            const v = unhex(c);
            if (v < 0) bad();
            r = r * 16 + v;
            if (r > MAX_RUNE) bad();
            nhex++;
          }
          if (nhex === 0) bad();
          return [r, t];
        }
        const x = unhex(c);
        let y = -1;
        if (t < s.length) {
          [c, t] = this.rune(t);
          y = unhex(c);
        }
        if (x < 0 || y < 0) bad();
        return [x * 16 + y, t];
      }
      case 0x61:
        return [0x07, t];
      case 0x66:
        return [0x0c, t];
      case 0x6e:
        return [0x0a, t];
      case 0x72:
        return [0x0d, t];
      case 0x74:
        return [0x09, t];
      case 0x76:
        return [0x0b, t];
    }
    // Escaped ASCII punctuation is literal; letters, digits and non-ASCII are not escapes.
    if (c < 0x80 && !isAlnum(c)) return [c, t];
    return bad();
  }

  /** Go's height limit, measured on the shapes Go's parser builds (see nodeHeight). */
  private checkHeight(node: Node): void {
    if (this.height(node) > MAX_HEIGHT) this.fail(ErrorCode.NestingDepth, this.s);
  }

  private height(node: Node): number {
    const known = this.heights.get(node);
    if (known !== undefined) return known;
    let h = 1;
    switch (node.op) {
      case 'capture':
      case 'repeat':
        h = 1 + this.height(node.sub);
        break;
      case 'concat':
      case 'alternate':
        // Go merges runs of literals into one node and alternations of single characters into
        // one class, so those add no level.
        if (!node.subs.every((n) => n.op === 'literal' || n.op === 'class')) {
          for (const sub of node.subs) h = Math.max(h, 1 + this.height(sub));
        }
        break;
    }
    this.heights.set(node, h);
    return h;
  }
}

/** Go's repeatIsValid: nested counted repetitions may not multiply beyond n copies. */
function repeatIsValid(node: Node, n: number): boolean {
  if (node.op === 'repeat' && node.written === '{}') {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  switch (node.op) {
    case 'capture':
    case 'repeat':
      return repeatIsValid(node.sub, n);
    case 'concat':
    case 'alternate':
      return node.subs.every((sub) => repeatIsValid(sub, n));
    default:
      return true;
  }
}

/** Go's calcSize: a pessimistic count of compiled instructions. */
function calcSize(node: Node): number {
  let size = 0;
  switch (node.op) {
    case 'literal':
      size = 1;
      break;
    case 'capture':
      size = 2 + calcSize(node.sub);
      break;
    case 'concat':
      for (const sub of node.subs) size += calcSize(sub);
      break;
    case 'alternate':
      for (const sub of node.subs) size += calcSize(sub);
      size += node.subs.length - 1;
      break;
    case 'repeat': {
      const sub = calcSize(node.sub);
      if (node.written === '*') size = 2 + sub;
      else if (node.written === '+' || node.written === '?') size = 1 + sub;
      else if (node.max === -1) size = node.min === 0 ? 2 + sub : 1 + node.min * sub;
      else size = node.max * sub + (node.max - node.min);
      break;
    }
  }
  return Math.max(size, 1);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isOctal(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '7';
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}
