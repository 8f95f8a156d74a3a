// Go's `strings` package functions that Alloy and sprig expose, over the project's string
// spelling (invalid UTF-8 bytes are lone surrogates U+DC80..U+DCFF, each one Go "rune" of width 1
// that decodes as U+FFFD).

import { isDigit, isLetter } from '../unicode.ts';

const RUNE_ERROR = 0xfffd;

function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

/** The characters of s as Go iterates them, with the rune value Go sees for each. */
function goChars(s: string): { ch: string; r: number }[] {
  const out: { ch: string; r: number }[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out.push({ ch, r: isEscapedByte(c) || (c >= 0xd800 && c <= 0xdfff) ? RUNE_ERROR : c });
  }
  return out;
}

// Simple (one-to-one) case mappings where JavaScript's full mapping differs from Go's unicode.
const LOWER_EXCEPTIONS = new Map<number, number>([[0x130, 0x69]]);

function toLowerRune(r: number): number {
  const ex = LOWER_EXCEPTIONS.get(r);
  if (ex !== undefined) return ex;
  const s = String.fromCodePoint(r).toLowerCase();
  const cps = Array.from(s);
  return cps.length === 1 ? cps[0]!.codePointAt(0)! : r;
}

/**
 * Greek letters with ypogegrammeni have a one-to-one upper case in UnicodeData (which Go uses)
 * but a two-letter full mapping in JavaScript (ᾳ → ΑΙ); Go gives ᾼ.
 */
function greekIotaUpper(r: number): number | undefined {
  if ((r >= 0x1f80 && r <= 0x1f87) || (r >= 0x1f90 && r <= 0x1f97) || (r >= 0x1fa0 && r <= 0x1fa7)) return r + 8;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  return undefined;
}

function toUpperRune(r: number): number {
  const greek = greekIotaUpper(r);
  if (greek !== undefined) return greek;
  // Where JavaScript's full mapping expands (ß → SS) Go's simple mapping has no upper case.
  const s = String.fromCodePoint(r).toUpperCase();
  const cps = Array.from(s);
  return cps.length === 1 ? cps[0]!.codePointAt(0)! : r;
}

function isAsciiString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** strings.Map semantics: invalid bytes become U+FFFD once anything is rewritten. */
function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (const { r } of goChars(s)) out += String.fromCodePoint(f(r));
  return out;
}

export function toLower(s: string): string {
  if (isAsciiString(s)) return s.toLowerCase();
  return mapRunes(s, toLowerRune);
}

export function toUpper(s: string): string {
  if (isAsciiString(s)) return s.toUpperCase();
  return mapRunes(s, toUpperRune);
}

/** unicode.IsSpace. */
export function isGoSpace(r: number): boolean {
  switch (r) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
  }
  return r >= 0x2000 && r <= 0x200a;
}

function trimFunc(s: string, left: boolean, right: boolean, pred: (r: number) => boolean): string {
  const cs = goChars(s);
  let a = 0;
  let b = cs.length;
  if (left) while (a < b && pred(cs[a]!.r)) a++;
  if (right) while (b > a && pred(cs[b - 1]!.r)) b--;
  return cs
    .slice(a, b)
    .map((c) => c.ch)
    .join('');
}

export function trimSpace(s: string): string {
  return trimFunc(s, true, true, isGoSpace);
}

function cutsetPred(cutset: string): (r: number) => boolean {
  const set = new Set(goChars(cutset).map((c) => c.r));
  return (r) => set.has(r);
}

export function trim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimFunc(s, true, true, cutsetPred(cutset));
}

export function trimLeft(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimFunc(s, true, false, cutsetPred(cutset));
}

export function trimRight(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  return trimFunc(s, false, true, cutsetPred(cutset));
}

export function trimPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function trimSuffix(s: string, suffix: string): string {
  return s.endsWith(suffix) && suffix.length <= s.length ? s.slice(0, s.length - suffix.length) : s;
}

/** strings.Replace(s, old, new, n); n < 0 means all. An empty `old` matches before each rune. */
export function replace(s: string, old: string, nw: string, n: number | bigint): string {
  let limit = typeof n === 'bigint' ? (n < 0n ? -1 : n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n)) : n;
  if (old === nw || limit === 0) return s;
  if (old === '') {
    const cs = goChars(s);
    const max = cs.length + 1;
    if (limit < 0 || limit > max) limit = max;
    let out = '';
    let done = 0;
    for (let i = 0; i <= cs.length; i++) {
      if (done < limit) {
        out += nw;
        done++;
      }
      if (i < cs.length) out += cs[i]!.ch;
    }
    return out;
  }
  let out = '';
  let start = 0;
  let done = 0;
  while (limit < 0 || done < limit) {
    const j = s.indexOf(old, start);
    if (j < 0) break;
    out += s.slice(start, j) + nw;
    start = j + old.length;
    done++;
  }
  return out + s.slice(start);
}

/** strings.Split(s, sep): an empty sep splits into runes (invalid bytes become U+FFFD). */
export function split(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const cs = goChars(s).map((c) => (c.r === RUNE_ERROR && c.ch !== '\ufffd' ? '\ufffd' : c.ch));
    if (n < 0 || n > cs.length) return cs;
    return [...cs.slice(0, n - 1), cs.slice(n - 1).join('')];
  }
  const parts: string[] = [];
  let start = 0;
  while (n < 0 || parts.length < n - 1) {
    const j = s.indexOf(sep, start);
    if (j < 0) break;
    parts.push(s.slice(start, j));
    start = j + sep.length;
  }
  parts.push(s.slice(start));
  return parts;
}

export function repeat(s: string, count: number): string {
  return s.repeat(count);
}

/** strings.Title (deprecated in Go but what sprig calls): upper-cases letters after separators. */
export function title(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const { ch, r } of goChars(s)) {
    if (isSeparator(prev)) out += String.fromCodePoint(toTitleRune(r));
    else out += ch;
    prev = r;
  }
  return out;
}

function toTitleRune(r: number): number {
  // Title case equals upper case except for a few digraphs.
  const special: Record<number, number> = { 0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5, 0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8, 0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb, 0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2 };
  return special[r] ?? toUpperRune(r);
}

/** strings.Title's isSeparator. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) return false;
    return true;
  }
  if (isLetter(r) || isDigit(r)) return false;
  return isGoSpace(r);
}
