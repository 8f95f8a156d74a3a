// Masking for reports: a leaked secret is shown as a few leading characters and a short hash,
// enough for a user to recognise which value leaked and to compare two reports, never enough to
// use it. At most 4 characters and at most a quarter of the value are revealed.
//
// The hash is sha256 truncated to 32 bits: it identifies, it does not protect a short secret
// against guessing (nothing that identifies a 4-digit PIN can), so reports still need care.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Finding } from './types.ts';

export function maskSecret(value: string): string {
  const chars = Array.from(value);
  const shown = Math.min(4, Math.floor(chars.length / 4));
  const hash = bytesToHex(sha256(utf8ToBytes(value))).slice(0, 8);
  return chars.slice(0, shown).join('') + '…[sha256:' + hash + ']';
}

/** Replaces every finding's span with its mask; overlapping spans are merged and masked once. */
export function maskText(text: string, findings: readonly Pick<Finding, 'start' | 'end'>[]): string {
  const spans = findings
    .filter((f) => f.start < f.end && f.start >= 0 && f.end <= text.length)
    .map((f) => ({ start: f.start, end: f.end }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < spans.length) {
    const start = spans[i]!.start;
    let end = spans[i]!.end;
    i++;
    while (i < spans.length && spans[i]!.start < end) {
      end = Math.max(end, spans[i]!.end);
      i++;
    }
    out += text.slice(pos, start) + maskSecret(text.slice(start, end));
    pos = end;
  }
  return out + text.slice(pos);
}
