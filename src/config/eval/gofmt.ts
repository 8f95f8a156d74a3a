// Go's fmt.Sprintf for the values Alloy hands to `string.format`: Alloy decodes each argument
// into Go's `any` (numbers become int or float64, arrays []interface{}, objects
// map[string]interface{}, null nil), then calls fmt.Sprintf. This module reproduces Go's output
// for the verbs and flags a configuration uses, including Go's in-band error notes
// (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`). Float digits are computed exactly (BigInt),
// so rounding is Go's round-half-even on the exact binary value.

import { MAX_STRING_LENGTH, TOO_LARGE } from './limits.ts';
import { shortestDecimal } from './number.ts';

/** A Go value as fmt sees it. */
export type GoArg =
  | { t: 'nil' }
  | { t: 'int'; v: bigint; type: 'int' | 'uint64' }
  | { t: 'float64'; v: number }
  | { t: 'string'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'slice'; v: GoArg[] }
  | { t: 'map'; v: Map<string, GoArg> };

/** Thrown for format features this module does not reproduce; the caller turns it into unknown. */
export class UnsupportedFormat extends Error {}

/** Go's fmt flags for one verb (fmt.fmtFlags plus width and precision). */
interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  plusV: boolean;
  sharpV: boolean;
  width?: number;
  prec?: number;
}

function clearFlags(): Spec {
  return { minus: false, plus: false, sharp: false, zero: false, space: false, plusV: false, sharpV: false };
}

/** fmt.Sprintf: the format's verbs applied to the arguments, Go's error notes included. */
export function goSprintf(format: string, args: readonly GoArg[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const end = format.length;
  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec = clearFlags();
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          spec.sharp = true;
          break;
        case '0':
          spec.zero = !spec.minus; // Only allow zero padding to the left.
          break;
        case '+':
          spec.plus = true;
          break;
        case '-':
          spec.minus = true;
          spec.zero = false;
          break;
        case ' ':
          spec.space = true;
          break;
        default:
          break flags;
      }
    }
    if (format[i] === '[' || format[i] === '*') throw new UnsupportedFormat('argument indexes and * widths are not simulated');
    const w = parseNum(format, i);
    if (w.tooLarge) {
      out += '%!(NOVERB)';
      break;
    }
    if (w.present) spec.width = w.num;
    i = w.next;
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (format[i] === '*' || format[i] === '[') throw new UnsupportedFormat('* precisions are not simulated');
      const p = parseNum(format, i);
      if (p.tooLarge) {
        out += '%!(NOVERB)';
        break;
      }
      spec.prec = p.present ? p.num : 0;
      i = p.next;
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    if (verb === 'v') {
      spec.sharpV = spec.sharp;
      spec.sharp = false;
      spec.plusV = spec.plus;
      spec.plus = false;
    }
    out += printArg(args[argNum++]!, verb, spec);
    if (out.length > MAX_STRING_LENGTH) throw new UnsupportedFormat(TOO_LARGE);
  }
  if (argNum < args.length) {
    const parts = args.slice(argNum).map((a) => (a.t === 'nil' ? '<nil>' : `${typeName(a)}=${printArg(a, 'v', clearFlags())}`));
    out += `%!(EXTRA ${parts.join(', ')})`;
  }
  return out;
}

function parseNum(s: string, start: number): { num: number; present: boolean; next: number; tooLarge: boolean } {
  let num = 0;
  let i = start;
  let present = false;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') {
    if (num > 1e6) return { num: 0, present: false, next: s.length, tooLarge: true };
    num = num * 10 + (s.charCodeAt(i) - 48);
    present = true;
    i++;
  }
  return { num, present, next: i, tooLarge: false };
}

function typeName(a: GoArg): string {
  switch (a.t) {
    case 'nil':
      return '<nil>';
    case 'int':
      return a.type;
    case 'float64':
      return 'float64';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
  }
}

/** fmt's pad/padString: width counted in runes, zeros when the zero flag is set. */
function pad(s: string, spec: Spec): string {
  if (spec.width === undefined || spec.width === 0) return s;
  const fill = spec.width - [...s].length;
  if (fill <= 0) return s;
  const padding = (spec.zero ? '0' : ' ').repeat(fill);
  return spec.minus ? s + padding : padding + s;
}

function badVerb(a: GoArg, verb: string, spec: Spec): string {
  if (a.t === 'nil') return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(a)}=${printArg(a, 'v', spec)})`;
}

/** pp.printArg for a top-level argument. */
function printArg(a: GoArg, verb: string, spec: Spec): string {
  if (a.t === 'nil') return verb === 'T' || verb === 'v' ? pad('<nil>', spec) : badVerb(a, verb, spec);
  if (verb === 'T') return pad(truncate(typeName(a), spec), spec);
  if (verb === 'p') throw new UnsupportedFormat('%p prints a memory address');
  return printValue(a, verb, spec, 0);
}

/** pp.printValue: nested values of slices and maps are printed through here. */
function printValue(a: GoArg, verb: string, spec: Spec, depth: number): string {
  switch (a.t) {
    case 'nil':
      // A nil interface{} inside a slice or map.
      return spec.sharpV ? 'interface {}(nil)' : '<nil>';
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(a.v), spec) : badVerb(a, verb, spec);
    case 'int':
      return formatInt(a, verb, spec);
    case 'float64':
      return formatFloat(a, verb, spec);
    case 'string':
      return formatString(a, verb, spec);
    case 'slice': {
      const inner = a.v.map((e) => printValue(e, verb, spec, depth + 1));
      return spec.sharpV ? `[]interface {}{${inner.join(', ')}}` : `[${inner.join(' ')}]`;
    }
    case 'map': {
      // fmt prints maps with sorted keys.
      const keys = [...a.v.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      const inner = keys.map((k) => `${printValue({ t: 'string', v: k }, verb, spec, depth + 1)}:${printValue(a.v.get(k)!, verb, spec, depth + 1)}`);
      return spec.sharpV ? `map[string]interface {}{${inner.join(', ')}}` : `map[${inner.join(' ')}]`;
    }
  }
}

function truncate(s: string, spec: Spec): string {
  return spec.prec === undefined ? s : [...s].slice(0, spec.prec).join('');
}

function formatString(a: { t: 'string'; v: string }, verb: string, spec: Spec): string {
  switch (verb) {
    case 'v':
      return spec.sharpV ? fmtQ(a.v, spec) : pad(truncate(a.v, spec), spec);
    case 's':
      return pad(truncate(a.v, spec), spec);
    case 'q':
      return fmtQ(a.v, spec);
    case 'x':
    case 'X':
      return fmtSx(a.v, verb === 'X', spec);
    default:
      return badVerb(a, verb, spec);
  }
}

function fmtQ(s: string, spec: Spec): string {
  const t = truncate(s, spec);
  if (spec.sharp && canBackquote(t)) return pad('`' + t + '`', spec);
  return pad(goQuote(t, spec.plus), spec);
}

// strconv.CanBackquote: no backquote, no control characters other than tab, no U+FEFF.
function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '`' || cp === 0xfeff || cp === 0xfffd) return false;
    if (cp < 0x20 && cp !== 0x09) return false;
    if (cp === 0x7f) return false;
  }
  return true;
}

function fmtSx(s: string, upper: boolean, spec: Spec): string {
  let bytes = [...new TextEncoder().encode(s)];
  if (spec.prec !== undefined && spec.prec < bytes.length) bytes = bytes.slice(0, spec.prec);
  const length = bytes.length;
  let width = 2 * length;
  if (width > 0) {
    if (spec.space) {
      if (spec.sharp) width *= 2;
      width += length - 1;
    } else if (spec.sharp) width += 2;
  } else {
    return spec.width !== undefined ? (spec.zero ? '0' : ' ').repeat(spec.width) : '';
  }
  const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  const x = upper ? 'X' : 'x';
  let body = spec.sharp ? `0${x}` : '';
  bytes.forEach((c, i) => {
    if (spec.space && i > 0) {
      body += ' ';
      if (spec.sharp) body += `0${x}`;
    }
    body += digits[c >> 4]! + digits[c & 0xf]!;
  });
  const padding = spec.width !== undefined && spec.width > width ? (spec.zero ? '0' : ' ').repeat(spec.width - width) : '';
  return spec.minus ? body + padding : padding + body;
}

/** strconv.Quote (or QuoteToASCII with `ascii`). */
export function goQuote(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch, '"', ascii);
  return out + '"';
}

function quoteRune(ch: string, quote: string, ascii: boolean): string {
  const cp = ch.codePointAt(0)!;
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (cp < 0x80 && cp >= 0x20 && cp !== 0x7f) return ch;
  if (!ascii && cp >= 0x80 && isPrintable(cp)) return ch;
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020; not other
// spaces, controls, unassigned or private-use code points.
function isPrintable(cp: number): boolean {
  if (cp === 0xfffd) return true;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

/** fmt.fmtInteger for verbs d b o O x X v, and c q U. */
function formatInt(a: { t: 'int'; v: bigint; type: 'int' | 'uint64' }, verb: string, spec: Spec): string {
  const signed = a.type === 'int';
  const u = BigInt.asUintN(64, a.v);
  switch (verb) {
    case 'v':
      if (spec.sharpV && !signed) return fmtInteger(u, 16, false, 'v', { ...spec, sharp: true }, false);
      return fmtInteger(u, 10, signed, verb, spec, false);
    case 'd':
      return fmtInteger(u, 10, signed, verb, spec, false);
    case 'b':
      return fmtInteger(u, 2, signed, verb, spec, false);
    case 'o':
    case 'O':
      return fmtInteger(u, 8, signed, verb, spec, false);
    case 'x':
      return fmtInteger(u, 16, signed, verb, spec, false);
    case 'X':
      return fmtInteger(u, 16, signed, verb, spec, true);
    case 'c':
      return pad(runeOf(u), spec);
    case 'q': {
      const r = runeOf(u);
      return pad(`'${quoteRune(r, "'", spec.plus)}'`, spec);
    }
    case 'U':
      return fmtUnicode(u, spec);
    default:
      return badVerb(a, verb, spec);
  }
}

function runeOf(u: bigint): string {
  // Go converts to a rune (int32) first; invalid code points become U+FFFD.
  const r = Number(BigInt.asIntN(32, u));
  if (u > 0x10ffffn || r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(r);
}

function fmtUnicode(u: bigint, spec: Spec): string {
  let prec = 4;
  if (spec.prec !== undefined && spec.prec > 4) prec = spec.prec;
  let hex = u.toString(16).toUpperCase();
  hex = hex.padStart(prec, '0');
  let s = `U+${hex}`;
  if (spec.sharp && u <= 0x10ffffn && isPrintable(Number(u)) && !(u >= 0xd800n && u <= 0xdfffn)) s += ` '${String.fromCodePoint(Number(u))}'`;
  return pad(s, { ...spec, zero: false });
}

function fmtInteger(u: bigint, base: number, signed: boolean, verb: string, spec: Spec, upper: boolean): string {
  const negative = signed && BigInt.asIntN(64, u) < 0n;
  let mag = negative ? -BigInt.asIntN(64, u) : u;
  if (mag < 0n) mag = -mag;
  let prec = 0;
  if (spec.prec !== undefined) {
    prec = spec.prec;
    if (prec === 0 && mag === 0n) return spec.width !== undefined ? ' '.repeat(spec.width) : '';
  } else if (spec.zero && spec.width !== undefined) {
    prec = spec.width;
    if (negative || spec.plus || spec.space) prec--; // leave room for sign
  }
  let digits = mag.toString(base);
  if (upper) digits = digits.toUpperCase();
  if (digits.length < prec) digits = digits.padStart(prec, '0');
  if (spec.sharp) {
    if (base === 2) digits = '0b' + digits;
    else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
    else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  if (negative) digits = '-' + digits;
  else if (spec.plus) digits = '+' + digits;
  else if (spec.space) digits = ' ' + digits;
  return pad(digits, { ...spec, zero: false });
}

/** A decimal as strconv keeps it: digits `d` (no trailing zeros) and decimal point position `dp`. */
interface Decimal {
  d: string;
  dp: number;
}

function trim(x: Decimal): Decimal {
  const d = x.d.replace(/0+$/, '');
  return d === '' ? { d: '', dp: 0 } : { d, dp: x.dp };
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) {
    const s = (mant << BigInt(e)).toString();
    return trim({ d: s, dp: s.length });
  }
  const s = (mant * 5n ** BigInt(-e)).toString();
  return trim({ d: s, dp: s.length + e });
}

/** decimal.Round(nd): keep nd digits, half to even on the exact value; nd < 0 leaves it alone. */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d[nd]!;
  let up: boolean;
  if (next === '5' && nd + 1 === a.d.length) up = nd > 0 && (Number(a.d[nd - 1]) & 1) === 1;
  else up = next >= '5';
  if (!up) return trim({ d: a.d.slice(0, nd), dp: a.dp });
  if (nd === 0) return { d: '1', dp: a.dp + 1 };
  const bumped = (BigInt(a.d.slice(0, nd)) + 1n).toString();
  if (bumped.length > nd) return trim({ d: bumped, dp: a.dp + 1 });
  return trim({ d: bumped.padStart(nd, '0'), dp: a.dp });
}

function fmtE(d: Decimal, prec: number, ch: string): string {
  let out = d.d.length ? d.d[0]! : '0';
  if (prec > 0) {
    out += '.';
    const more = d.d.slice(1, Math.min(d.d.length, prec + 1));
    out += more.padEnd(prec, '0');
  }
  const exp = d.d.length === 0 ? 0 : d.dp - 1;
  const a = Math.abs(exp);
  return `${out}${ch}${exp < 0 ? '-' : '+'}${a < 10 ? '0' + a : a}`;
}

function fmtF(d: Decimal, prec: number): string {
  let out = '';
  if (d.dp > 0) out = d.d.slice(0, Math.min(d.d.length, d.dp)).padEnd(d.dp, '0');
  else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = d.dp + i;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

/** strconv.FormatFloat(x, fmt, prec, 64) for x >= 0 finite; fmt one of e E f g G. */
function formatFloatBody(x: number, fmt: string, precIn: number): string {
  let prec = precIn;
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    const s = shortestDecimal(x);
    digs = x === 0 ? { d: '', dp: 0 } : { d: s.digits, dp: s.exp };
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDecimal(x);
    if (fmt === 'f') digs = round(exact, exact.dp + prec);
    else {
      if ((fmt === 'g' || fmt === 'G') && prec === 0) prec = 1;
      digs = round(exact, fmt === 'e' || fmt === 'E' ? prec + 1 : prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(digs, prec, fmt);
    case 'f':
      return fmtF(digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(digs, Math.max(prec - digs.dp, 0));
    }
  }
}

function formatFloat(a: { t: 'float64'; v: number }, verb: string, spec: Spec): string {
  const x = a.v;
  let fmtVerb: string;
  let defPrec: number;
  switch (verb) {
    case 'v':
      fmtVerb = 'g';
      defPrec = -1;
      break;
    case 'g':
    case 'G':
      fmtVerb = verb;
      defPrec = -1;
      break;
    case 'f':
    case 'e':
    case 'E':
      fmtVerb = verb;
      defPrec = 6;
      break;
    case 'F':
      fmtVerb = 'f';
      defPrec = 6;
      break;
    case 'b':
    case 'x':
    case 'X':
      throw new UnsupportedFormat(`%${verb} of a float is not simulated`);
    default:
      return badVerb(a, verb, spec);
  }
  const prec = spec.prec ?? defPrec;
  if (Number.isNaN(x) || !Number.isFinite(x)) {
    // Infinities and NaN are never zero padded; NaN has no sign unless asked for.
    let num = Number.isNaN(x) ? 'NaN' : 'Inf';
    if (x === -Infinity) num = '-' + num;
    else if (spec.space && !spec.plus) num = ' ' + num;
    else if (spec.plus || !Number.isNaN(x)) num = '+' + num; // +Inf keeps its sign, as Go prints it
    return pad(num, { ...spec, zero: false });
  }
  const neg = x < 0 || Object.is(x, -0);
  let body = formatFloatBody(Math.abs(x), fmtVerb, prec);
  if (spec.sharp) body = sharpFloat(body, fmtVerb, prec);
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  if (spec.zero && spec.width !== undefined && spec.width > sign.length + body.length) {
    return sign + '0'.repeat(spec.width - sign.length - body.length) + body;
  }
  return pad(sign + body, spec);
}

// The # flag: always a decimal point, and %g keeps its trailing zeros.
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0;
  let tail = '';
  let body = num;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    tail = body.slice(e);
    body = body.slice(0, e);
  }
  let sawNonzero = false;
  for (const c of body) {
    if (c === '.') continue;
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes('.')) {
    if (body === '0') digits--;
    body += '.';
  }
  while (digits > 0) {
    body += '0';
    digits--;
  }
  return body + tail;
}
