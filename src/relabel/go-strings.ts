// Byte-level views of JavaScript strings that Go code sees as UTF-8 bytes: label names are sorted
// by Go's byte order, hashmod hashes the UTF-8 bytes, UTF-8 validity decides label-name validity.
// Invalid UTF-8 bytes are carried as lone surrogates U+DC80..U+DCFF (see regex/types.ts).

/** The UTF-8 bytes Go would hold for `s`. A lone surrogate U+DC80+b is the raw byte b. */
export function goBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else if (c >= 0xd800 && c <= 0xdfff) out.push(0xef, 0xbf, 0xbd); // not produced by decoding
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when Go would find `s` to be valid UTF-8 (utf8.ValidString): no lone surrogates. */
export function isValidUtf8(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
    else if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}

/** Go's string comparison (bytewise over UTF-8), which differs from JS `<` above U+FFFF. */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: when both strings are BMP-only without surrogates, UTF-16 order equals UTF-8 order.
  if (!hasSurrogate(a) && !hasSurrogate(b)) return a < b ? -1 : 1;
  const x = goBytes(a);
  const y = goBytes(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Labels sorted by name in Go's order, as labels.Labels keeps them. */
export function sortedLabels(labels: Iterable<[string, string]>): [string, string][] {
  return [...labels].sort((a, b) => compareGo(a[0], b[0]));
}
