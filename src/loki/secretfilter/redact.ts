// How loki.secretfilter rewrites a line from gitleaks' findings (Alloy's redactLine): for each
// finding in turn, every occurrence of the secret in the CURRENT line is replaced
// (strings.ReplaceAll) by
//   * `redact_with` with `$SECRET_NAME` → rule id, then `$SECRET_HASH` → sha1 hex of the secret, or
//   * gitleaks' percentage mask: the first round-to-even((100-p)% of the secret's BYTES) bytes
//     followed by "...", or "REDACTED" at 100%.
// Consequences reproduced here: other occurrences of the same text are redacted too, a later
// finding whose secret was already rewritten by an earlier one no longer matches, an empty
// secret inserts the replacement between every character, and a byte-cut can split a UTF-8
// character.

import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { byteLength, sliceBytes, toBytes } from '../stages/go-bytes.ts';
import type { SecretFinding } from './detect.ts';
import { goReplaceAll, roundToEven } from './go-strings.ts';

export interface RedactionSettings {
  /** `redact_with`; '' selects percentage masking. */
  redactWith: string;
  /** Effective percentage 1..100 (0 or out of range already mapped to 80). */
  redactPercent: number;
}

/** sha1 hex of the secret's Go bytes ($SECRET_HASH). */
export function secretHash(secret: string): string {
  return bytesToHex(sha1(toBytes(secret)));
}

/** gitleaks' Finding.Redact(percent) applied to a secret. */
export function percentMask(secret: string, percent: number): string {
  const p = Math.min(percent, 100);
  let masked: string;
  const len = byteLength(secret);
  if (len <= 0) masked = secret;
  else {
    const keep = roundToEven((len * (100 - p)) / 100);
    masked = sliceBytes(secret, keep) + '...';
  }
  return p >= 100 ? 'REDACTED' : masked;
}

export function replacementFor(f: SecretFinding, s: RedactionSettings): string {
  if (s.redactWith !== '') {
    return goReplaceAll(goReplaceAll(s.redactWith, '$SECRET_NAME', f.ruleId), '$SECRET_HASH', secretHash(f.secret));
  }
  return percentMask(f.secret, s.redactPercent);
}

/** The line after redacting the findings in the given order. */
export function redactInOrder(line: string, ordered: readonly SecretFinding[], s: RedactionSettings): string {
  let out = line;
  for (const f of ordered) out = goReplaceAll(out, f.secret, replacementFor(f, s));
  return out;
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}

export interface RedactionOutcome {
  /** The line Alloy forwards (the leakiest candidate when the rule order matters). */
  line: string;
  /** Distinct lines Alloy may produce depending on its random rule order (1 when order does not matter). */
  candidates: string[];
}

const MAX_EXHAUSTIVE_GROUPS = 6;
/** Secrets are compared by their first 256 characters: enough to rank candidates, bounded work. */
const MAX_SECRET_COMPARED = 256;

/** Length of the longest common substring (dynamic programming, O(|a|·|b|) time, O(|a|) memory). */
function longestCommonSubstring(a: string, b: string): number {
  let prev = new Int32Array(a.length + 1);
  let cur = new Int32Array(a.length + 1);
  let best = 0;
  for (let j = 1; j <= b.length; j++) {
    const cb = b.charCodeAt(j - 1);
    for (let i = 1; i <= a.length; i++) {
      const v = a.charCodeAt(i - 1) === cb ? prev[i - 1]! + 1 : 0;
      cur[i] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/**
 * Redacts with every order of the rule groups Alloy may use (all orders up to 6 rules with
 * findings, otherwise the given order, its reverse and its rotations). When the orders disagree,
 * the candidate that keeps the most of the original secrets (longest surviving piece of each) is
 * returned, so a leak that happens in some runs is not hidden.
 */
export function redactLine(line: string, groups: readonly SecretFinding[][], s: RedactionSettings): RedactionOutcome {
  if (groups.length === 0) return { line, candidates: [line] };
  const orders: SecretFinding[][][] = [];
  if (groups.length <= MAX_EXHAUSTIVE_GROUPS) for (const p of permutations(groups)) orders.push(p);
  else {
    for (let r = 0; r < groups.length; r++) orders.push([...groups.slice(r), ...groups.slice(0, r)]);
    orders.push([...groups].reverse());
  }
  const candidates: string[] = [];
  for (const o of orders) {
    const out = redactInOrder(line, o.flat(), s);
    if (!candidates.includes(out)) candidates.push(out);
  }
  if (candidates.length === 1) return { line: candidates[0]!, candidates };
  const secrets = [...new Set(groups.flat().map((f) => f.secret).filter((x) => x !== ''))];
  const leaked = (c: string): number => secrets.reduce((n, sec) => n + longestCommonSubstring(sec.slice(0, MAX_SECRET_COMPARED), c), 0);
  let worst = candidates[0]!;
  for (const c of candidates) if (leaked(c) > leaked(worst)) worst = c;
  return { line: worst, candidates };
}
