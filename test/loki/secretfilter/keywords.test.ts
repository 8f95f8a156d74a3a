// The one-pass keyword screens: they must pick exactly the rules gitleaks' per-keyword
// strings.Contains test on the lower-cased line picks (detect.ts rulesByKeyword), on the decoded
// line and on its raw bytes.

import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { decodeLine } from '../../../src/loki/line-codec.ts';
import { rulesByKeyword } from '../../../src/loki/secretfilter/detect.ts';
import { DEFAULT_RULES } from '../../../src/loki/secretfilter/default-rules.ts';
import { goToLower } from '../../../src/loki/secretfilter/go-strings.ts';
import { BYTE_HIT, KeywordByteScreen, KeywordIndex } from '../../../src/loki/secretfilter/keywords.ts';
import { LiteralAutomaton } from '../../../src/loki/secretfilter/literal-automaton.ts';
import type { GitleaksConfig, Rule } from '../../../src/loki/secretfilter/model.ts';

const DEFAULT_KEYWORDS = [...new Set(DEFAULT_RULES().flatMap((r) => r.keywords))];
/** Keywords a user's TOML could hold (lower-cased as gitleaks does), traps included. */
const USER_KEYWORDS = ['sk', 'sk_live', 'key', 'key-', 'ey', 'straße', 'é', 'i\u0307', '\ufffd', '😀x', 'kelvin', 'ii', ''];
const KEYWORD_POOL = [...DEFAULT_KEYWORDS, ...USER_KEYWORDS];

function rule(id: string, keywords: string[]): Rule {
  return { id, description: '', secretGroup: 0, entropy: 0, keywords, allowlists: [], required: [], skipReport: false, origin: 'user' };
}

function config(rules: Rule[]): GitleaksConfig {
  return { title: '', rules: new Map(rules.map((r) => [r.id, r])), allowlists: [], usesDefaultSet: false, unresolvedDefaultRules: [] };
}

const rulesArb = fc
  .array(fc.array(fc.constantFrom(...KEYWORD_POOL), { maxLength: 3 }), { minLength: 1, maxLength: 12 })
  .map((kws) => kws.map((k, i) => rule(`r${i}`, k)));

/** Case variants of a keyword, with the runes strings.ToLower folds onto 'i' and 'k'. */
function variants(k: string): string[] {
  return [k, k.toUpperCase(), k.replace(/i/g, '\u0130'), k.replace(/k/g, '\u212A'), k.replace(/s/g, '\u017F'), k.slice(0, -1)];
}

const TRAPS = ['\u0130', '\u212A', '\u017F', 'ẞ', 'İ̇', '\udc80', '\udcff', '\ud83d', '\ufffd', 'ǅ', 'Σ'];
const linePiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYWORD_POOL).chain((k) => fc.constantFrom(...variants(k))) },
  { weight: 2, arbitrary: fc.constantFrom(...TRAPS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const lineArb = fc.array(linePiece, { maxLength: 10 }).map((ps) => ps.join(''));

/** Raw line bytes: UTF-8 of the pieces, invalid bytes, and cut or doubled lead bytes. */
const bytePiece = fc.oneof(
  { weight: 5, arbitrary: linePiece.map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: fc.constantFrom([0xc4], [0xb0], [0xc4, 0xc4, 0xb0], [0xe2, 0x84], [0xe2, 0xe2, 0x84, 0xaa], [0x84, 0xaa], [0xff], [0xc0, 0xa9]).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3 }).map((a) => Buffer.from(a)) },
);
const bytesArb = fc.array(bytePiece, { maxLength: 10 }).map((ps) => Buffer.concat(ps).filter((b) => b !== 0x0a && b !== 0x0d));

const lowerAscii = (k: string) => k !== '' && !/[^\x00-\x40\x5b-\x7f]/.test(k);

describe('goToLower', () => {
  it('turns only U+0130 and U+212A from outside ASCII into ASCII (what the byte screen relies on)', () => {
    const intoAscii: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (goToLower(String.fromCodePoint(cp)).charCodeAt(0) < 0x80) intoAscii.push(cp);
    }
    expect(intoAscii).toEqual([0x130, 0x212a]);
  });
});

describe('LiteralAutomaton', () => {
  it('finds overlapping patterns and patterns inside others', () => {
    const words = ['he', 'she', 'his', 'hers'];
    const a = LiteralAutomaton.build(words.map((w) => [...w].map((c) => c.charCodeAt(0))), 128)!;
    const found = new Set<string>();
    let s = 0;
    for (const c of 'ushers') {
      s = a.delta[s * a.columns + c.charCodeAt(0)]!;
      for (const p of a.outputs[s] ?? []) found.add(words[p]!);
    }
    expect([...found].sort()).toEqual(['he', 'hers', 'she']);
  });

  it('is not built when its table would be too large', () => {
    expect(LiteralAutomaton.build([Array.from({ length: 40_000 }, () => 1)], 128)).toBeNull();
  });
});

describe('KeywordIndex', () => {
  test.prop([rulesArb, lineArb], { numRuns: 2000 })('picks the rules one includes() per keyword picks', (rules, line) => {
    const lower = goToLower(line);
    const index = KeywordIndex.build(rules)!;
    expect(index.rulesToRun(lower).map((r) => r.id)).toEqual(rulesByKeyword(lower, config(rules)).map((r) => r.id));
  });

  test.prop([lineArb], { numRuns: 1000 })('picks the default set’s rules as includes() does', (line) => {
    const rules = DEFAULT_RULES();
    const lower = goToLower(line);
    expect(KeywordIndex.build(rules)!.rulesToRun(lower).map((r) => r.id)).toEqual(rulesByKeyword(lower, config(rules)).map((r) => r.id));
  });

  it('runs a rule without keywords, or with an empty one, on every line', () => {
    const index = KeywordIndex.build([rule('none', []), rule('empty', ['']), rule('kw', ['zzz'])])!;
    expect(index.rulesToRun('abc').map((r) => r.id)).toEqual(['none', 'empty']);
  });

  it('finds a keyword written with the Kelvin sign once the line is lower-cased', () => {
    const index = KeywordIndex.build([rule('kw', ['key'])])!;
    expect(index.rulesToRun(goToLower('\u212Aey=1')).map((r) => r.id)).toEqual(['kw']);
  });
});

describe('KeywordByteScreen', () => {
  const keywordsArb = fc.array(fc.constantFrom(...KEYWORD_POOL.filter(lowerAscii)), { maxLength: 8 });
  const othersArb = fc.array(fc.constantFrom('://', 'value', ' -p', 'bearer', 'eyj', 'pass'), { maxLength: 4 });

  test.prop([keywordsArb, othersArb, bytesArb], { numRuns: 3000 })('reports keywords as they occur in the decoded, lower-cased line', (keywords, others, bytes) => {
    const screen = KeywordByteScreen.build(keywords, others)!;
    const lower = goToLower(decodeLine(bytes));
    const hit = screen.scan(bytes);
    expect((hit & BYTE_HIT.keyword) !== 0).toBe(keywords.some((k) => lower.includes(k)));
    if ((hit & BYTE_HIT.keyword) === 0) {
      expect((hit & BYTE_HIT.other) !== 0).toBe(others.some((k) => lower.includes(k)));
      expect((hit & BYTE_HIT.nonAscii) !== 0).toBe(bytes.some((b) => b >= 0x80));
    }
  });

  it('reads U+0130 and U+212A as the i and k they lower to', () => {
    const screen = KeywordByteScreen.build(['ki'], [])!;
    expect(screen.scan(Buffer.from('\u212A\u0130', 'utf8')) & BYTE_HIT.keyword).toBe(BYTE_HIT.keyword);
  });

  it('does not read an invalid byte as part of a keyword', () => {
    const screen = KeywordByteScreen.build(['ki'], [])!;
    expect(screen.scan(Buffer.from([0x6b, 0xc4, 0x69])) & BYTE_HIT.keyword).toBe(0);
  });

  it('is not built for a keyword it cannot look for in bytes', () => {
    expect(KeywordByteScreen.build(['straße'], [])).toBeNull();
    expect(KeywordByteScreen.build(['Key'], [])).toBeNull();
    expect(KeywordByteScreen.build([''], [])).toBeNull();
  });
});
