// Go's strings.ToLower / strings.ToUpper, for the lowercase and uppercase relabel actions.
//
// Go maps rune by rune with unicode.ToLower/ToUpper: the *simple* case mapping of UnicodeData, never
// SpecialCasing (so `ß` stays `ß`, `İ` lowercases to plain `i`, `ﬀ` is unchanged), and no context
// (a final `Σ` becomes `σ`, not `ς`). JavaScript's toLowerCase/toUpperCase do the opposite on every
// one of those points, so they are not used. An invalid UTF-8 byte (a lone surrogate here, see
// regex/types.ts) becomes U+FFFD, as strings.Map writes utf8.RuneError for it.
import { GO_CASE_RANGES, UPPER_LOWER } from './go-case-table.ts';

type CaseRow = readonly [number, number, number, number];

// The table is generated from Go 1.19 (Unicode 13). Alloy is built with a Go on Unicode 15, whose
// tables add these Unicode 14 pairs (15 added no case pairs).
const UNICODE_14_ROWS: CaseRow[] = [
  [0x2c2f, 0x2c2f, 0, 48],
  [0x2c5f, 0x2c5f, -48, 0],
  [0xa7c0, 0xa7c1, UPPER_LOWER, UPPER_LOWER],
  [0xa7d0, 0xa7d1, UPPER_LOWER, UPPER_LOWER],
  [0xa7d6, 0xa7d9, UPPER_LOWER, UPPER_LOWER],
  [0x10570, 0x1057a, 0, 39],
  [0x1057c, 0x1058a, 0, 39],
  [0x1058c, 0x10592, 0, 39],
  [0x10594, 0x10595, 0, 39],
  [0x10597, 0x105a1, -39, 0],
  [0x105a3, 0x105b1, -39, 0],
  [0x105b3, 0x105b9, -39, 0],
  [0x105bb, 0x105bc, -39, 0],
];

const ROWS: CaseRow[] = [...GO_CASE_RANGES, ...UNICODE_14_ROWS].sort((a, b) => a[0] - b[0]);

const UPPER = 0;
const LOWER = 1;

/** unicode.ToUpper (which = 0) or unicode.ToLower (which = 1) for one code point. */
function mapRune(which: 0 | 1, r: number): number {
  let lo = 0;
  let hi = ROWS.length;
  while (lo < hi) {
    const m = lo + ((hi - lo) >> 1);
    const row = ROWS[m]!;
    if (row[0] <= r && r <= row[1]) {
      const delta = row[2 + which]!;
      // Alternating Upper/Lower sequences: even offsets are upper case, odd ones lower case.
      if (delta === UPPER_LOWER) return row[0] + (((r - row[0]) & ~1) | which);
      return r + delta;
    }
    if (r < row[0]) hi = m;
    else lo = m + 1;
  }
  return r;
}

function mapString(which: 0 | 1, s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path, identical to Go's.
      out += String.fromCharCode(which === UPPER ? (c >= 0x61 && c <= 0x7a ? c - 32 : c) : c >= 0x41 && c <= 0x5a ? c + 32 : c);
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate is an invalid byte: Go's strings.Map writes U+FFFD for it.
      out += '\ufffd';
    } else {
      out += String.fromCodePoint(mapRune(which, cp));
    }
    i += width;
  }
  return out;
}

export function goToLower(s: string): string {
  return mapString(LOWER, s);
}

export function goToUpper(s: string): string {
  return mapString(UPPER, s);
}
