// Go string helpers the gitleaks simulation needs, on the project's string spelling (invalid
// UTF-8 bytes are lone surrogates U+DC80..U+DCFF, see src/regex/types.ts).

import { byteLength } from '../stages/go-bytes.ts';

/** strings.ReplaceAll. An empty `old` matches at the start and after every rune, as in Go. */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old !== '') return s.split(old).join(repl);
  let out = repl;
  for (const ch of s) out += ch + repl;
  return out;
}

/** strings.Trim(s, "\n"). */
export function trimNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x0a) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x0a) b--;
  return s.slice(a, b);
}

/** strings.ToLower: rune by rune with unicode.ToLower (no context rules, no expansions). */
export function goToLower(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      out += '\ufffd'; // strings.Map writes RuneError for an invalid byte
      continue;
    }
    if (cp === 0x130) {
      out += 'i'; // unicode.ToLower('İ') is 'i'; JavaScript expands it to "i̇"
      continue;
    }
    const l = ch.toLowerCase();
    out += Array.from(l).length === 1 ? l : ch;
  }
  return out;
}

/**
 * gitleaks' shannonEntropy: the frequency of each rune over the length in BYTES (a quirk: for
 * non-ASCII text the frequencies do not sum to 1, so the score differs from the rune-based
 * entropy, in either direction). Invalid bytes count as U+FFFD.
 */
export function gitleaksEntropy(data: string): number {
  if (data === '') return 0;
  const counts = new Map<number, number>();
  for (const ch of data) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) cp = 0xfffd;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
  }
  const invLength = 1.0 / byteLength(data);
  let entropy = 0;
  for (const count of counts.values()) {
    const freq = count * invLength;
    entropy -= freq * Math.log2(freq);
  }
  return entropy;
}

/** math.RoundToEven. */
export function roundToEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
