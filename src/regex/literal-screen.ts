// A fast, sound "can this line contain a match?" test built from the analyser's required literals
// (analyse.ts): it answers exactly like mayMatch(required, text), but with one JavaScript RegExp
// instead of folding the text, and it can also look at a line's raw bytes before decoding.
//
// Why a RegExp is allowed here: it is a screen, never a matcher. It is an alternation of fixed
// strings (no quantifiers, no lookaround), so it runs in time linear in the text for a fixed
// pattern, and its answer only decides whether the real Go-semantics regexp is asked at all.
//
// Case folding: with (?i) the analyser gives fold keys (the smallest rune of each simple-folding
// orbit). Every character of such a literal becomes the class of its whole orbit, so `s` also
// matches U+017F LONG S and `k` the KELVIN SIGN U+212A, as in Go.
//
// Invalid UTF-8: Go reads an invalid byte as U+FFFD; a literal containing U+FFFD (or a surrogate)
// could meet such a byte, so no screen is built for it (null: always ask the regexp).
import type { RequiredLiterals } from './analyse.ts';
import { foldOrbit } from './unicode/classes.ts';

export interface LiteralScreen {
  /** False only when the decoded line (surrogate escapes allowed) provably has no match. */
  mayMatchString(s: string): boolean;
  /** False only when the line's bytes (UTF-8, invalid bytes as they are) provably have no match. */
  mayMatchBytes(b: Buffer): boolean;
  /** The byte-level pattern (over latin1 strings), for combining several screens into one. */
  readonly bytePattern: string;
}

export function literalScreen(required: RequiredLiterals | null): LiteralScreen | null {
  if (required === null || required.alternatives.length === 0) return null;
  const stringAlts: string[] = [];
  const byteAlts: string[] = [];
  for (const lit of required.alternatives) {
    const chars = [...lit].map((c) => c.codePointAt(0)!);
    if (chars.length === 0 || chars.some((c) => c === 0xfffd || (c >= 0xd800 && c <= 0xdfff))) return null;
    const members = chars.map((c) => (required.caseFolded ? foldOrbit(c) : [c]));
    stringAlts.push(members.map(stringClass).join(''));
    byteAlts.push(members.map(byteClass).join(''));
  }
  const stringRe = new RegExp(stringAlts.join('|'), 'u');
  const bytePattern = byteAlts.join('|');
  const byteRe = new RegExp(bytePattern);
  return {
    bytePattern,
    mayMatchString: (s) => stringRe.test(s),
    mayMatchBytes: (b) => byteRe.test(b.toString('latin1')),
  };
}

/** One screen for several: true when any of them may match. */
export function combinedByteScreen(screens: readonly LiteralScreen[]): (b: Buffer) => boolean {
  const re = new RegExp(screens.map((s) => s.bytePattern).join('|'));
  return (b) => re.test(b.toString('latin1'));
}

/**
 * The combined screen over a region of many lines at once: reports the offset of the first
 * possible literal at or after `from`, and `onHit` says where to look next. Scanning a region
 * instead of each line costs one conversion and one search call per region.
 */
export function combinedByteScanner(screens: readonly LiteralScreen[]): (region: Buffer, onHit: (offset: number) => number) => void {
  const re = new RegExp(screens.map((s) => s.bytePattern).join('|'), 'g');
  return (region, onHit) => {
    const text = region.toString('latin1');
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (m === null) return;
      const next = onHit(m.index);
      if (next >= text.length) return;
      // Literals are never empty, so the search always moves on.
      re.lastIndex = Math.max(next, m.index + 1);
    }
  };
}

function stringClass(runes: number[]): string {
  const escaped = runes.map((r) => `\\u{${r.toString(16)}}`);
  return escaped.length === 1 ? escaped[0]! : `[${escaped.join('')}]`;
}

/** A rune's orbit as alternatives of UTF-8 byte sequences, each byte a latin1 character. */
function byteClass(runes: number[]): string {
  const seqs = runes.map((r) => [...Buffer.from(String.fromCodePoint(r), 'utf8')].map((x) => `\\x${x.toString(16).padStart(2, '0')}`).join(''));
  return seqs.length === 1 ? seqs[0]! : `(?:${seqs.join('|')})`;
}
