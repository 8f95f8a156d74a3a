// A linear scanner for the most common credential shape: a fixed vendor prefix followed by a run
// of characters from one alphabet (`ghp_` + 36 alphanumerics, `AIza` + 35 base64url…).
//
// Why not a RegExp: a pattern such as /ghp_[A-Za-z0-9]{36,}/g is linear on its own, but several
// dozen of them over megabyte lines cost a pass each; indexOf on the literal prefix is what the
// regex engine would do first anyway, and here every body character is read at most once. All
// prefixes of a shape are found in one pass by a RegExp of plain literals (no quantifiers).

import { at, isWord } from './chars.ts';
import type { Span } from './types.ts';

export interface TokenShape {
  /** Literal prefixes (case-sensitive) that start the token. */
  prefixes: readonly string[];
  /** The alphabet of the token body after the prefix. */
  body: (c: number) => boolean;
  /** Bounds on the body length (the prefix not counted). A longer run is not this token. */
  min: number;
  max: number;
  /** Characters that must not touch the token on the left (default `[A-Za-z0-9_]`). */
  glueBefore?: (c: number) => boolean;
  /** Characters that must not follow the body (default: the body alphabet itself, so the run is maximal). */
  glueAfter?: (c: number) => boolean;
  /** Include the prefix in the reported span (default true: `ghp_…` is the secret as a whole). */
  spanIncludesPrefix?: boolean;
  /** Characters stripped from the end of the body (e.g. a sentence's final `.`). */
  trimEnd?: (c: number) => boolean;
  /** Extra validation of the whole token (prefix included). */
  accept?: (token: string) => boolean;
}

const PREFIX_FINDERS = new WeakMap<TokenShape, RegExp>();

/** One pass for all prefixes of a shape: a RegExp of escaped literals, cached per shape. */
function prefixFinder(shape: TokenShape): RegExp {
  let re = PREFIX_FINDERS.get(shape);
  if (!re) {
    re = new RegExp(shape.prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'g');
    PREFIX_FINDERS.set(shape, re);
  }
  return re;
}

export function scanTokens(text: string, shape: TokenShape): Span[] {
  const spans: Span[] = [];
  const glueBefore = shape.glueBefore ?? isWord;
  const glueAfter = shape.glueAfter ?? shape.body;
  const finder = prefixFinder(shape);
  finder.lastIndex = 0;
  for (let m = finder.exec(text); m !== null; m = finder.exec(text)) {
    const p = m.index;
    const bodyStart = p + m[0].length;
    let end = bodyStart;
    while (end < text.length && shape.body(text.charCodeAt(end))) end++;
    // Resume after the run: a prefix inside it is glued to what precedes it (or, for alphabets
    // with separators, part of this token, which wins any overlap anyway).
    finder.lastIndex = Math.max(end, bodyStart);
    if (glueBefore(at(text, p - 1))) continue;
    if (glueAfter(at(text, end)) && end < text.length) continue;
    if (shape.trimEnd) while (end > bodyStart && shape.trimEnd(text.charCodeAt(end - 1))) end--;
    const len = end - bodyStart;
    if (len < shape.min || len > shape.max) continue;
    if (shape.accept && !shape.accept(text.slice(p, end))) continue;
    spans.push({ start: shape.spanIncludesPrefix === false ? bodyStart : p, end });
  }
  return spans;
}
