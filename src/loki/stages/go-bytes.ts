// Byte-oriented string operations. Go slices strings by byte (`line[:limit]`, `len(line)`), while
// the project keeps lines as JS strings whose invalid UTF-8 bytes are lone surrogates
// U+DC80..U+DCFF (see src/regex/types.ts). These helpers give Go's answers on that spelling.

const encoder = new TextEncoder();

/** len(s) in Go: the number of UTF-8 bytes. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLow(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) n += 1; // one escaped byte
    else n += 3;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The Go bytes of a project string. */
export function toBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else if (c >= 0xd800 && c <= 0xdbff && isLow(s.charCodeAt(i + 1))) {
      for (const b of encoder.encode(s.slice(i, i + 2))) out.push(b);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out.push(0xef, 0xbf, 0xbd);
    else for (const b of encoder.encode(s[i]!)) out.push(b);
  }
  return Uint8Array.from(out);
}

/** Decodes Go bytes, escaping every byte of an invalid sequence as a lone surrogate. */
export function fromBytes(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const [r, w] = decodeRune(b, i);
    out += r < 0 ? String.fromCharCode(0xdc00 + b[i]!) : String.fromCodePoint(r);
    i += w;
  }
  return out;
}

/** utf8.DecodeRune: [-1, 1] for an invalid or truncated sequence. */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i]!;
  if (c0 < 0x80) return [c0, 1];
  const cont = (k: number): number => {
    const x = b[i + k];
    return x !== undefined && (x & 0xc0) === 0x80 ? x & 0x3f : -1;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? [-1, 1] : [((c0 & 0x1f) << 6) | c1, 2];
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return [-1, 1];
    const r = ((c0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return [-1, 1];
    return [r, 3];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [-1, 1];
    const r = ((c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (r < 0x10000 || r > 0x10ffff) return [-1, 1];
    return [r, 4];
  }
  return [-1, 1];
}

/** s[:n] in Go (n in bytes); a cut inside a character leaves escaped invalid bytes, as in Go. */
export function sliceBytes(s: string, n: number): string {
  if (n >= s.length * 3 && n >= byteLength(s)) return s;
  let ascii = true;
  for (let i = 0; i < s.length && i < n; i++) if (s.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) return s.slice(0, n);
  return fromBytes(toBytes(s).subarray(0, n));
}

/**
 * Go's `for _, r := range s` followed by WriteRune(r): invalid bytes come out as U+FFFD. Stages
 * that rebuild a string rune by rune (luhn) therefore replace escaped bytes by U+FFFD.
 */
export function runes(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : ch);
  }
  return out;
}

/** Go's string comparison (sort.Strings): bytewise on UTF-8, which differs from UTF-16 order. */
export function compareGoStrings(a: string, b: string): number {
  const x = toBytes(a);
  const y = toBytes(b);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
