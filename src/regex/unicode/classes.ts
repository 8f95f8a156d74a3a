// Character-class data as Go's regexp/syntax sees it: Unicode categories and scripts (with the
// extra runes Go adds to them under (?i)), the Perl and POSIX classes, and simple case folding.
// Classes are flat sorted arrays of inclusive ranges [lo0, hi0, lo1, hi1, …].
import { CATEGORIES, FOLD_CATEGORIES, FOLD_ORBITS, FOLD_SCRIPTS, SCRIPTS } from './tables.ts';

export const MAX_RUNE = 0x10ffff;

export type Ranges = number[];

const decoded = new Map<string, Ranges>();

function decode(encoded: string): Ranges {
  const out: Ranges = [];
  if (encoded === '') return out;
  let prev = -1;
  for (const pair of encoded.split(',')) {
    const space = pair.indexOf(' ');
    const lo = prev + parseInt(pair.slice(0, space), 36);
    const hi = lo + parseInt(pair.slice(space + 1), 36);
    out.push(lo, hi);
    prev = hi;
  }
  return out;
}

function cached(key: string, encoded: string | undefined): Ranges | null {
  if (encoded === undefined) return null;
  let r = decoded.get(key);
  if (!r) {
    r = decode(encoded);
    decoded.set(key, r);
  }
  return r;
}

const ANY: Ranges = [0, MAX_RUNE];

/** Go's unicodeTable: the named table and its case-fold companion (null when there is none). */
export function unicodeTable(name: string): { table: Ranges; fold: Ranges | null } | null {
  if (name === 'Any') return { table: ANY, fold: ANY };
  if (Object.hasOwn(CATEGORIES, name)) {
    return { table: cached('c:' + name, CATEGORIES[name])!, fold: cached('fc:' + name, FOLD_CATEGORIES[name]) };
  }
  if (Object.hasOwn(SCRIPTS, name)) {
    return { table: cached('s:' + name, SCRIPTS[name])!, fold: cached('fs:' + name, FOLD_SCRIPTS[name]) };
  }
  return null;
}

/** Perl classes: ASCII only in Go. Negated forms are the complement. */
export const PERL_CLASSES: Record<string, { negated: boolean; ranges: Ranges }> = {
  '\\d': { negated: false, ranges: [0x30, 0x39] },
  '\\D': { negated: true, ranges: [0x30, 0x39] },
  '\\s': { negated: false, ranges: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20] },
  '\\S': { negated: true, ranges: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20] },
  '\\w': { negated: false, ranges: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a] },
  '\\W': { negated: true, ranges: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a] },
};

const POSIX_POSITIVE: Record<string, Ranges> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/** `[:name:]` or `[:^name:]` as written inside a bracket expression. */
export function posixClass(text: string): { negated: boolean; ranges: Ranges } | null {
  const negated = text.startsWith('[:^');
  const name = text.slice(negated ? 3 : 2, -2);
  if (!Object.hasOwn(POSIX_POSITIVE, name)) return null;
  return { negated, ranges: POSIX_POSITIVE[name]! };
}

// --- simple case folding ---------------------------------------------------------------------

let orbitOf: Map<number, number[]> | null = null;

function orbits(): Map<number, number[]> {
  if (orbitOf) return orbitOf;
  orbitOf = new Map();
  for (const group of FOLD_ORBITS.split(',')) {
    const members = group.split(' ').map((m) => parseInt(m, 36));
    for (const m of members) orbitOf.set(m, members);
  }
  return orbitOf;
}

/** Every rune equivalent to r under simple case folding, r included, in increasing order. */
export function foldOrbit(r: number): number[] {
  return orbits().get(r) ?? [r];
}

/** Go's unicode.SimpleFold: the next larger equivalent rune, wrapping to the smallest. */
export function simpleFold(r: number): number {
  const orbit = orbits().get(r);
  if (!orbit) return r;
  const i = orbit.indexOf(r);
  return orbit[(i + 1) % orbit.length]!;
}

/** Smallest rune of r's folding orbit: a canonical key for case-insensitive comparison. */
export function minFoldRune(r: number): number {
  return foldOrbit(r)[0]!;
}

// Go only folds inside this span (the lowest and highest runes that have case variants).
const MIN_FOLD = 0x0041;
const MAX_FOLD = 0x1e943;

// --- range-set building, following the way Go accumulates classes ------------------------------

/** Appends [lo, hi], merging with one of the last two ranges when they touch (as Go does). */
export function appendRange(r: Ranges, lo: number, hi: number): Ranges {
  const n = r.length;
  for (let i = 2; i <= 4; i += 2) {
    if (n >= i) {
      const rlo = r[n - i]!;
      const rhi = r[n - i + 1]!;
      if (lo <= rhi + 1 && rlo <= hi + 1) {
        if (lo < rlo) r[n - i] = lo;
        if (hi > rhi) r[n - i + 1] = hi;
        return r;
      }
    }
  }
  r.push(lo, hi);
  return r;
}

export function appendFoldedRange(r: Ranges, lo: number, hi: number): Ranges {
  if ((lo <= MIN_FOLD && hi >= MAX_FOLD) || hi < MIN_FOLD || lo > MAX_FOLD) return appendRange(r, lo, hi);
  if (lo < MIN_FOLD) {
    appendRange(r, lo, MIN_FOLD - 1);
    lo = MIN_FOLD;
  }
  if (hi > MAX_FOLD) {
    appendRange(r, MAX_FOLD + 1, hi);
    hi = MAX_FOLD;
  }
  const table = orbits();
  for (let c = lo; c <= hi; c++) {
    appendRange(r, c, c);
    const orbit = table.get(c);
    if (orbit) for (const f of orbit) if (f !== c) appendRange(r, f, f);
  }
  return r;
}

export function appendClass(r: Ranges, x: Ranges): Ranges {
  for (let i = 0; i < x.length; i += 2) appendRange(r, x[i]!, x[i + 1]!);
  return r;
}

export function appendFoldedClass(r: Ranges, x: Ranges): Ranges {
  for (let i = 0; i < x.length; i += 2) appendFoldedRange(r, x[i]!, x[i + 1]!);
  return r;
}

/** Appends the complement of the sorted, merged class x. */
export function appendNegatedClass(r: Ranges, x: Ranges): Ranges {
  let nextLo = 0;
  for (let i = 0; i < x.length; i += 2) {
    if (nextLo <= x[i]! - 1) appendRange(r, nextLo, x[i]! - 1);
    nextLo = x[i + 1]! + 1;
  }
  if (nextLo <= MAX_RUNE) appendRange(r, nextLo, MAX_RUNE);
  return r;
}

/** Sorts and merges ranges (Go's cleanClass). */
export function cleanClass(r: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i]!, r[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) {
      if (hi > out[n - 1]!) out[n - 1] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

export function negateClass(r: Ranges): Ranges {
  return appendNegatedClass([], r);
}

export function classContains(r: Ranges, c: number): boolean {
  // Binary search over range pairs.
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < r[2 * mid]!) hi = mid - 1;
    else if (c > r[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Number of runes in a class. */
export function classSize(r: Ranges): number {
  let n = 0;
  for (let i = 0; i < r.length; i += 2) n += r[i + 1]! - r[i]! + 1;
  return n;
}
