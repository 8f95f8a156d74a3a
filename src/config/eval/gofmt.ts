// Go's fmt.Sprintf for the values Alloy hands to `string.format`: Alloy decodes each argument
// into Go's `any` (numbers become int or float64, arrays []interface{}, objects
// map[string]interface{}, null nil), then calls fmt.Sprintf. This module reproduces Go's output
// for the verbs and flags a configuration uses, including Go's in-band error notes
// (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`). Float digits are computed exactly (BigInt),
// so rounding is Go's round-half-even on the exact binary value.

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

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  width?: number;
  prec?: number;
}

export function goSprintf(format: string, args: readonly GoArg[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false };
    flags: for (; i < n; i++) {
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
    let w = '';
    while (i < n && /[0-9]/.test(format[i]!)) w += format[i++];
    if (w) spec.width = Number(w);
    if (format[i] === '.') {
      i++;
      if (format[i] === '*' || format[i] === '[') throw new UnsupportedFormat('* precisions are not simulated');
      let p = '';
      while (i < n && /[0-9]/.test(format[i]!)) p += format[i++];
      spec.prec = Number(p || '0');
    }
    if (!spec.minus && spec.zero === undefined) spec.zero = false;
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const cp = format.codePointAt(i)!;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum++]!, verb, spec);
  }
  if (argNum < args.length) {
    out += '%!(EXTRA ';
    out += args
      .slice(argNum)
      .map((a) => (a.t === 'nil' ? '<nil>' : `${typeName(a)}=${formatArg(a, 'v', plain())}`))
      .join(', ');
    out += ')';
  }
  return out;
}

function plain(): Spec {
  return { minus: false, plus: false, sharp: false, zero: false, space: false };
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

function badVerb(a: GoArg, verb: string): string {
  if (a.t === 'nil') return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(a)}=${formatArg(a, 'v', plain())})`;
}

function pad(s: string, spec: Spec, zeroOk = true): string {
  const width = spec.width ?? 0;
  const len = [...s].length;
  if (len >= width) return s;
  const fill = width - len;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && zeroOk) return '0'.repeat(fill) + s;
  return ' '.repeat(fill) + s;
}

function formatArg(a: GoArg, verb: string, spec: Spec): string {
  switch (a.t) {
    case 'nil':
      return verb === 'v' ? pad('<nil>', spec, false) : badVerb(a, verb);
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(a.v), spec, false) : badVerb(a, verb);
    case 'int':
      return formatInt(a, verb, spec);
    case 'float64':
      return formatFloat(a.v, verb, spec) ?? badVerb(a, verb);
    case 'string':
      return formatString(a.v, verb, spec) ?? badVerb(a, verb);
    case 'slice': {
      if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X' || verb === 'v' || verb === 'd') {
        return `[${a.v.map((e) => formatArg(e, verb, spec)).join(' ')}]`;
      }
      return `[${a.v.map((e) => formatArg(e, verb, spec)).join(' ')}]`;
    }
    case 'map': {
      // fmt prints maps with sorted keys.
      const keys = [...a.v.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      return `map[${keys.map((k) => `${formatString(k, verb, spec) ?? badVerb({ t: 'string', v: k }, verb)}:${formatArg(a.v.get(k)!, verb, spec)}`).join(' ')}]`;
    }
  }
}

function formatString(s: string, verb: string, spec: Spec): string | undefined {
  let str = s;
  if (spec.prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) {
    str = [...str].slice(0, spec.prec).join('');
  }
  switch (verb) {
    case 'v':
    case 's':
      return pad(str, spec);
    case 'q':
      if (spec.sharp && !str.includes('`') && /^[^\x00-\x08\x0a-\x1f\x7f]*$/.test(str)) return pad('`' + str + '`', spec);
      return pad(goQuote(str, spec.plus), spec);
    case 'x':
    case 'X': {
      const bytes = new TextEncoder().encode(str);
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
      let body = spec.space ? hex.map((h) => (spec.sharp ? `0x${h}` : h)).join(' ') : (spec.sharp ? '0x' : '') + hex.join('');
      if (verb === 'X') body = body.toUpperCase();
      return pad(body, spec);
    }
    default:
      return undefined;
  }
}

/** strconv.Quote: Go escapes; with `ascii`, non-ASCII runes are escaped too (%+q). */
export function goQuote(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp === 0x07) out += '\\a';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0b) out += '\\v';
    else if (cp === 0xfffd && ch === '\ufffd') out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x80 || (!ascii && isPrintable(cp))) out += ch;
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

// Go's unicode.IsPrint, approximated by Unicode general categories (letters, marks, numbers,
// punctuation, symbols, and U+0020).
function isPrintable(cp: number): boolean {
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

function formatInt(a: { v: bigint; type: string }, verb: string, spec: Spec): string {
  const neg = a.v < 0n;
  const abs = neg ? -a.v : a.v;
  let digits: string;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      digits = abs.toString(10);
      break;
    case 'b':
      digits = abs.toString(2);
      if (spec.sharp) prefix = '0b';
      break;
    case 'o':
      digits = abs.toString(8);
      if (spec.sharp) prefix = '0';
      break;
    case 'O':
      digits = abs.toString(8);
      prefix = '0o';
      break;
    case 'x':
      digits = abs.toString(16);
      if (spec.sharp) prefix = '0x';
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      if (spec.sharp) prefix = '0X';
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(abs) <= 0x10ffff ? Number(abs) : 0xfffd), spec, false);
    case 'q':
      return pad(goQuote(String.fromCodePoint(Number(abs) <= 0x10ffff ? Number(abs) : 0xfffd)).replace(/^"|"$/g, "'"), spec, false);
    case 'U': {
      const u = 'U+' + abs.toString(16).toUpperCase().padStart(4, '0');
      return pad(u, spec, false);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    default:
      return badVerb({ t: 'int', v: a.v, type: a.type as 'int' }, verb);
  }
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && abs === 0n) digits = '';
    digits = digits.padStart(spec.prec, '0');
  }
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const body = prefix + digits;
  // Zero padding goes between the sign and the digits, and is ignored when a precision is given.
  if (spec.zero && !spec.minus && spec.prec === undefined && spec.width !== undefined) {
    const fill = spec.width - sign.length - body.length;
    return sign + (fill > 0 ? '0'.repeat(fill) : '') + body;
  }
  return pad(sign + body, { ...spec, zero: false });
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

function formatFloat(x: number, verb: string, spec: Spec): string | undefined {
  const v = verb === 'v' ? 'g' : verb === 'F' ? 'f' : verb;
  if (!['e', 'E', 'f', 'g', 'G'].includes(v)) return undefined;
  const prec = spec.prec ?? (verb === 'v' || v === 'g' || v === 'G' ? -1 : 6);
  if (Number.isNaN(x)) {
    const sign = spec.plus ? '+' : spec.space ? ' ' : '';
    return pad(sign + 'NaN', spec, false);
  }
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  if (!Number.isFinite(x)) return pad((neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '') + 'Inf', spec, false);
  let body = formatFloatBody(Math.abs(x), v, prec);
  if (spec.sharp) body = sharpFloat(body, v, prec);
  if (spec.zero && !spec.minus && spec.width !== undefined) {
    const fill = spec.width - sign.length - body.length;
    return sign + (fill > 0 ? '0'.repeat(fill) : '') + body;
  }
  return pad(sign + body, { ...spec, zero: false });
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
