// Character-class predicates shared by the hand-written scanners. Scanners walk the text with
// these instead of backtracking regexes, which keeps every detector linear in the input.

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isAlpha(c: number): boolean {
  return isUpper(c) || isLower(c);
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** `[A-Za-z0-9_]`: the characters that glue a token to its neighbours. */
export function isWord(c: number): boolean {
  return isAlnum(c) || c === 0x5f;
}

/** `[A-Za-z0-9_-]`: base64url, the alphabet of JWT parts and most modern API tokens. */
export function isBase64Url(c: number): boolean {
  return isWord(c) || c === 0x2d;
}

/** `[A-Za-z0-9+/]`: standard base64 without padding. */
export function isBase64Std(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2f;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
}

/** Code unit at i, or -1 outside the string (so boundary checks need no range tests). */
export function at(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Index of the first position at or after `from` whose code unit fails `pred` (bounded by `limit`). */
export function runEnd(text: string, from: number, pred: (c: number) => boolean, limit = text.length): number {
  let i = from;
  const stop = Math.min(limit, text.length);
  while (i < stop && pred(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first position of the run of `pred` characters that ends just before `end`. */
export function runStart(text: string, end: number, pred: (c: number) => boolean, maxLen: number): number {
  let i = end;
  const stop = Math.max(0, end - maxLen);
  while (i > stop && pred(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Number of distinct characters in s (used to reject `xxxx…`-style fillers). */
export function distinctChars(s: string): number {
  return new Set(s).size;
}
