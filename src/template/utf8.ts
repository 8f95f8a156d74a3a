// Go strings are byte strings; JavaScript strings are UTF-16. The project stores invalid UTF-8
// bytes as lone surrogates U+DC80..U+DCFF ("surrogate escape", see src/regex/types.ts), so every
// Go byte string has exactly one JS spelling. These helpers convert between the two so that
// byte-oriented Go operations (len, index, slice, %x, substr) give Go's answers.

const encoder = new TextEncoder();

/** True when the string is pure ASCII, the fast path for every byte-oriented helper. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The Go bytes of a JS string (escaped surrogates become their original byte). */
export function toBytes(s: string): Uint8Array {
  if (isAscii(s)) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      for (const b of encoder.encode(s.slice(i, i + 2))) out.push(b);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate that is not an escape cannot come from Go; Go would see U+FFFD.
      out.push(0xef, 0xbf, 0xbd);
    } else if (c < 0x80) {
      out.push(c);
    } else {
      for (const b of encoder.encode(s[i]!)) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Decodes Go bytes into the project's JS spelling, escaping invalid sequences byte by byte. */
export function fromBytes(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const [r, w] = decodeRune(b, i);
    if (r === -1) {
      out += String.fromCharCode(0xdc00 + b[i]!);
    } else {
      out += String.fromCodePoint(r);
    }
    i += w;
  }
  return out;
}

/** Go's utf8.DecodeRune: returns [rune, width], rune -1 for an invalid byte (Go's RuneError, width 1). */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const b0 = b[i]!;
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
  if (need < 0 || i + need > b.length - 1) return [-1, 1];
  let r = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const c = b[i + k];
    if (c === undefined || c < 0x80 || c > 0xbf) return [-1, 1];
    if (k === 1) {
      if (b0 === 0xe0 && c < 0xa0) return [-1, 1];
      if (b0 === 0xed && c > 0x9f) return [-1, 1];
      if (b0 === 0xf0 && c < 0x90) return [-1, 1];
      if (b0 === 0xf4 && c > 0x8f) return [-1, 1];
    }
    r = (r << 6) | (c & 0x3f);
  }
  return [r, need + 1];
}

/** Go's len(s): the byte length. */
export function byteLength(s: string): number {
  if (isAscii(s)) return s.length;
  return toBytes(s).length;
}

/** The runes of a string as Go's `for range` sees them: escaped bytes become U+FFFD. */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out.push(c >= 0xdc80 && c <= 0xdcff ? 0xfffd : c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

/** Units of the JS string as Go "characters": each code point or escaped byte is one unit. */
export function chars(s: string): string[] {
  return Array.from(s);
}

/** Go's utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Compares two strings as Go does (bytewise), returning -1, 0 or 1. */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : 1;
  const x = toBytes(a);
  const y = toBytes(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/**
 * The canonical spelling of a byte string: escaped bytes that together form valid UTF-8 are
 * joined into their character, so that equal Go strings are equal JS strings.
 */
const SURROGATE = /[\ud800-\udfff]/;

export function canonical(s: string): string {
  return SURROGATE.test(s) ? fromBytes(toBytes(s)) : s;
}
