// Go's strconv.Unquote / UnquoteChar and the number parsing text/template/parse uses for
// constants (ParseInt/ParseUint with base 0, ParseFloat), with Go's acceptance rules.
import { fromBytes } from './utf8.ts';

const encoder = new TextEncoder();

function hexVal(c: string): number {
  const n = parseInt(c, 16);
  return Number.isNaN(n) || !/^[0-9a-fA-F]$/.test(c) ? -1 : n;
}

/**
 * Reads one (possibly escaped) character of a quoted literal starting at i.
 * Returns the bytes it denotes and the next index, or null when the escape is invalid.
 */
function unquoteChar(s: string, i: number, quote: string): { bytes: number[]; next: number } | null {
  const c = s[i]!;
  if (c === quote && (quote === "'" || quote === '"')) return null;
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp >= 0xdc80 && cp <= 0xdcff) return { bytes: [cp - 0xdc00], next: i + 1 };
    return { bytes: [...encoder.encode(ch)], next: i + ch.length };
  }
  if (i + 1 >= s.length) return null;
  const e = s[i + 1]!;
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (e in simple) return { bytes: [simple[e]!], next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) return null;
    return { bytes: [e.charCodeAt(0)], next: i + 2 };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (i + 2 + n > s.length) return null;
    let v = 0;
    for (let k = 0; k < n; k++) {
      const h = hexVal(s[i + 2 + k]!);
      if (h < 0) return null;
      v = v * 16 + h;
    }
    if (e === 'x') return { bytes: [v], next: i + 2 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
    return { bytes: [...encoder.encode(String.fromCodePoint(v))], next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    if (i + 4 > s.length) return null;
    let v = 0;
    for (let k = 0; k < 3; k++) {
      const d = s.charCodeAt(i + 1 + k) - 48;
      if (d < 0 || d > 7) return null;
      v = v * 8 + d;
    }
    if (v > 255) return null;
    return { bytes: [v], next: i + 4 };
  }
  return null;
}

/** strconv.Unquote for "…", `…` and '…'; null means Go's "invalid syntax". */
export function unquote(s: string): string | null {
  const n = s.length;
  if (n < 2) return null;
  const q = s[0]!;
  if (q !== s[n - 1]) return null;
  const body = s.slice(1, n - 1);
  if (q === '`') {
    if (body.includes('`')) return null;
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"' && q !== "'") return null;
  if (body.includes('\n')) return null;
  if (!body.includes('\\') && !body.includes(q)) {
    if (q === '"') return body;
    // A single rune.
    const chars = Array.from(body);
    return chars.length === 1 ? body : null;
  }
  const bytes: number[] = [];
  let i = 0;
  let count = 0;
  while (i < body.length) {
    const r = unquoteChar(body, i, q);
    if (r === null) return null;
    bytes.push(...r.bytes);
    i = r.next;
    count++;
    if (q === "'" && count > 1) return null;
  }
  if (q === "'" && count !== 1) return null;
  return fromBytes(Uint8Array.from(bytes));
}

/**
 * The rune of a Go character literal like 'a' or '\n' as text/template reads it: strconv.UnquoteChar
 * on what follows the opening quote, which must leave exactly the closing quote.
 */
export function unquoteRune(text: string): number | 'syntax' | 'malformed' {
  const body = text.slice(1);
  if (body.length === 0 || body[0] === "'") return 'syntax';
  let r: number;
  let next: number;
  if (body[0] !== '\\') {
    const cp = body.codePointAt(0)!;
    r = cp >= 0xdc80 && cp <= 0xdcff ? 0xfffd : cp;
    next = cp > 0xffff ? 2 : 1;
  } else {
    const e = body[1];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39 };
    if (e === undefined) return 'syntax';
    if (e in simple) {
      r = simple[e]!;
      next = 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (body.length < 2 + n) return 'syntax';
      r = 0;
      for (let k = 0; k < n; k++) {
        const h = hexVal(body[2 + k]!);
        if (h < 0) return 'syntax';
        r = r * 16 + h;
      }
      if (e !== 'x' && (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))) return 'syntax';
      next = 2 + n;
    } else if (e >= '0' && e <= '7') {
      if (body.length < 4) return 'syntax';
      r = 0;
      for (let k = 1; k < 4; k++) {
        const d = body.charCodeAt(k) - 48;
        if (d < 0 || d > 7) return 'syntax';
        r = r * 8 + d;
      }
      if (r > 255) return 'syntax';
      next = 4;
    } else {
      return 'syntax';
    }
  }
  return body.slice(next) === "'" ? r : 'malformed';
}

/** Go's underscoreOK: underscores only between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64); null on any error (syntax or range). */
export function parseIntBase0(s: string, unsigned: boolean): bigint | null {
  let neg = false;
  let body = s;
  if (!unsigned && (body[0] === '+' || body[0] === '-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') return null;
  let base = 10;
  let digits = body;
  if (body[0] === '0' && body.length > 1) {
    const p = body[1]!.toLowerCase();
    if (p === 'x') {
      base = 16;
      digits = body.slice(2);
    } else if (p === 'o') {
      base = 8;
      digits = body.slice(2);
    } else if (p === 'b') {
      base = 2;
      digits = body.slice(2);
    } else {
      base = 8;
      digits = body.slice(1);
    }
  }
  if (digits.includes('_')) {
    if (!underscoreOK(body)) return null;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return null;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
  if (!valid.test(digits)) return null;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (unsigned) return v <= 0xffffffffffffffffn ? v : null;
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : null;
}

/** strconv.ParseFloat(s, 64) for the literals the template lexer can produce; null on error. */
export function parseFloat64(s: string): number | null {
  let body = s;
  let sign = 1;
  if (body[0] === '+' || body[0] === '-') {
    if (body[0] === '-') sign = -1;
    body = body.slice(1);
  }
  if (body.includes('_')) {
    if (!underscoreOK(s)) return null;
    body = body.replace(/_/g, '');
  }
  if (/^0[xX]/.test(body)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    const mant = BigInt('0x' + (intPart + frac || '0'));
    const exp = Number(m[3]) - 4 * frac.length;
    return sign * Number(mant) * Math.pow(2, exp);
  }
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return null;
  const v = Number(body);
  if (!Number.isFinite(v)) return null; // Go reports ErrRange for overflow.
  return sign * v;
}
