// Gitleaks' keyword prefilter in one pass. Gitleaks runs a rule with keywords only when the
// lower-cased line (strings.ToLower, goToLower here) contains one of them (strings.Contains);
// a rule without keywords always runs. Both tests below give exactly that set of rules:
//
//  * KeywordIndex.rulesToRun works on the lower-cased line, like gitleaks: an automaton over its
//    UTF-16 code units finds every keyword that occurs (code-unit containment is what
//    String.prototype.includes tests, and what detect.ts's plain loop asks).
//  * KeywordByteScreen works on a line's raw UTF-8 bytes, before decoding and lower-casing, for the
//    pass-through screen of `run`. It needs to know where the lower-cased line can hold an ASCII
//    character: an ASCII byte (lowered), and the only two other runes that strings.ToLower turns
//    into ASCII — U+0130 'İ' → 'i' and U+212A KELVIN SIGN → 'k' (checked over every code point in
//    the tests). Every other byte of 0x80 and above belongs to a rune that lowers to a non-ASCII
//    rune, or is an invalid byte that lowers to U+FFFD, so it can never be part of an ASCII
//    keyword. Keywords with non-ASCII characters are not in the byte automaton; the screen reports
//    lines with non-ASCII bytes for the caller to test on the decoded line instead.

import { LiteralAutomaton } from './literal-automaton.ts';
import type { Rule } from './model.ts';

/** Map from a non-ASCII code unit of some pattern to its column; other units share one column. */
function columnsFor(patterns: readonly string[]): { extra: Map<number, number>; other: number } {
  const extra = new Map<number, number>();
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c >= 0x80 && !extra.has(c)) extra.set(c, 0x80 + extra.size);
    }
  }
  return { extra, other: 0x80 + extra.size };
}

/** Which rules of a config gitleaks runs on a line, from its keywords. */
export class KeywordIndex {
  private constructor(
    private readonly automaton: LiteralAutomaton,
    /** automaton.scanTable, states where keywords end marked. */
    private readonly table: Int32Array,
    private readonly extra: Map<number, number>,
    private readonly other: number,
    /** Per rule in config order: the keyword patterns it needs (null: always runs). */
    private readonly needs: readonly (readonly number[] | null)[],
    private readonly rules: readonly Rule[],
    private readonly patternCount: number,
    private readonly alwaysRun: readonly Rule[],
  ) {}

  /** The index of these rules (in config order), or null when the automaton would be too large. */
  static build(rules: readonly Rule[]): KeywordIndex | null {
    const ids = new Map<string, number>();
    const needs = rules.map((r) => {
      // No keyword, or an empty one (every line contains ""): the rule always runs.
      if (r.keywords.length === 0 || r.keywords.includes('')) return null;
      return [...new Set(r.keywords)].map((k) => {
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = ids.size));
        return id;
      });
    });
    const patterns = [...ids.keys()];
    const { extra, other } = columnsFor(patterns);
    const toColumns = (p: string) => Array.from({ length: p.length }, (_, i) => {
      const c = p.charCodeAt(i);
      return c < 0x80 ? c : extra.get(c)!;
    });
    const automaton = LiteralAutomaton.build(patterns.map(toColumns), other + 1);
    if (automaton === null) return null;
    const alwaysRun = rules.filter((_, i) => needs[i] === null);
    const table = automaton.scanTable((state) => automaton.outputs[state] !== undefined);
    return new KeywordIndex(automaton, table, extra, other, needs, rules, patterns.length, alwaysRun);
  }

  /** The rules to run on a line whose lower-cased text is `lower`, in config order. */
  rulesToRun(lower: string): readonly Rule[] {
    const found = this.keywordsIn(lower);
    if (found === null) return this.alwaysRun;
    return this.rules.filter((_, i) => {
      const need = this.needs[i]!;
      return need === null || need.some((p) => found[p] === 1);
    });
  }

  /** Whether a keyword of some rule occurs in the lower-cased line. */
  anyKeyword(lower: string): boolean {
    return this.keywordsIn(lower) !== null;
  }

  /** 1 for each keyword that occurs in `lower`; null when none does. */
  private keywordsIn(lower: string): Uint8Array | null {
    const table = this.table;
    const extra = this.extra;
    let found: Uint8Array | null = null;
    let s = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      s = table[s + (c < 0x80 ? c : (extra.get(c) ?? this.other))]!;
      if (s < 0) {
        s = ~s;
        found ??= new Uint8Array(this.patternCount);
        for (const p of this.automaton.outputs[s / this.automaton.columns]!) found[p] = 1;
      }
    }
    return found;
  }
}

/** Bits of a KeywordByteScreen answer. */
export const BYTE_HIT = {
  /** A pattern of the first set (rule keywords) occurs. */
  keyword: 1,
  /** A pattern of the second set (other literals) occurs. */
  other: 2,
  /** The line has a byte of 0x80 or above (patterns with non-ASCII characters are not looked for). */
  nonAscii: 4,
} as const;

const ASCII_COLUMNS = 0x81;
const OTHER_COLUMN = 0x80;
const ASCII_LOWER = Uint8Array.from({ length: 0x80 }, (_, b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b));

/**
 * One pass over a line's bytes for two sets of ASCII patterns, compared with the line as
 * strings.ToLower would lower it (see the top of this file). Patterns must be lower case.
 */
export class KeywordByteScreen {
  private constructor(
    /** LiteralAutomaton.scanTable, states with patterns marked. */
    private readonly table: Int32Array,
    /** Per state offset / ASCII_COLUMNS: the BYTE_HIT bits of the patterns ending there. */
    private readonly bits: Uint8Array,
  ) {}

  /** Null when a pattern is empty, not lower-case ASCII, or the automaton would be too large. */
  static build(keywords: readonly string[], others: readonly string[]): KeywordByteScreen | null {
    const all = [...keywords, ...others];
    if (all.some((p) => p === '' || /[^\x00-\x40\x5b-\x7f]/.test(p))) return null;
    const automaton = LiteralAutomaton.build(
      all.map((p) => Array.from({ length: p.length }, (_, i) => p.charCodeAt(i))),
      ASCII_COLUMNS,
    );
    if (automaton === null) return null;
    const bits = new Uint8Array(automaton.outputs.length);
    automaton.outputs.forEach((out, s) => {
      for (const p of out ?? []) bits[s]! |= p < keywords.length ? BYTE_HIT.keyword : BYTE_HIT.other;
    });
    return new KeywordByteScreen(automaton.scanTable((s) => bits[s] !== 0), bits);
  }

  /**
   * BYTE_HIT bits for the line's bytes. Stops at the first keyword: with `keyword` set, the
   * other bits may be incomplete.
   */
  scan(bytes: Uint8Array): number {
    const table = this.table;
    const n = bytes.length;
    let acc = 0;
    let s = 0;
    let i = 0;
    while (i < n) {
      const b = bytes[i]!;
      let c: number;
      if (b < 0x80) {
        c = ASCII_LOWER[b]!;
        i++;
      } else {
        acc |= BYTE_HIT.nonAscii;
        if (b === 0xc4 && bytes[i + 1] === 0xb0) {
          c = 0x69; // U+0130 lowers to 'i'
          i += 2;
        } else if (b === 0xe2 && bytes[i + 1] === 0x84 && bytes[i + 2] === 0xaa) {
          c = 0x6b; // U+212A lowers to 'k'
          i += 3;
        } else {
          c = OTHER_COLUMN;
          i++;
        }
      }
      s = table[s + c]!;
      if (s < 0) {
        s = ~s;
        const hit = this.bits[s / ASCII_COLUMNS]!;
        acc |= hit;
        if ((hit & BYTE_HIT.keyword) !== 0) return acc;
      }
    }
    return acc;
  }
}
