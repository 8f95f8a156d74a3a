// Differential test against Go: the byte-level helpers of the secretfilter simulation must give
// the answers Go's standard library gives (oracle/main.go), including on invalid UTF-8.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { fromBytes, toBytes } from '../../../src/loki/stages/go-bytes.ts';
import { gitleaksEntropy, goReplaceAll, goToLower } from '../../../src/loki/secretfilter/go-strings.ts';
import { percentMask, secretHash } from '../../../src/loki/secretfilter/redact.ts';
import { askGoProgramSync, buildGoProgram } from '../../oracle/go.ts';

interface Req {
  s: string;
  old: string;
  new: string;
  percent: number;
}
interface Res {
  replaceAll: string;
  toLower: string;
  mask: string;
  sha1: string;
  entropy: number;
}

const hex = (s: string): string => Buffer.from(toBytes(s)).toString('hex');
const unhex = (h: string): string => fromBytes(Uint8Array.from(Buffer.from(h, 'hex')));

function askGo(requests: Req[]): Res[] {
  return askGoProgramSync<Res>(buildGoProgram(join(import.meta.dirname, 'oracle', 'main.go'), 'secretfilter'), requests);
}

/**
 * Strings with ASCII, multi-byte characters, case pairs, and invalid bytes (lone U+DC80..U+DCFF),
 * in the project's canonical spelling (escaped bytes that happen to form valid UTF-8 are decoded,
 * as they would be when read from a file).
 */
const goString = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'B', 'é', 'É', 'İ', 'Σ', 'ß', '😀', '\n', ' ', 'ǅ', 'ﬀ'),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => String.fromCharCode(0xdc00 + b)),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => fromBytes(toBytes(parts.join(''))));

describe('secretfilter helpers against Go', () => {
  const cases: Req[] = fc.sample(
    fc.record({ s: goString, old: fc.oneof(fc.constant(''), goString.filter((x) => x.length <= 2)), new: fc.constantFrom('', '-', '<x>'), percent: fc.integer({ min: 1, max: 100 }) }),
    { numRuns: 600, seed: 4242 },
  );
  const answers = askGo(cases.map((c) => ({ s: hex(c.s), old: hex(c.old), new: hex(c.new), percent: c.percent })));

  it('answers every request', () => {
    expect(answers).toHaveLength(cases.length);
  });

  it('replaces like strings.ReplaceAll, empty pattern included', () => {
    const diffs = cases.filter((c, i) => hex(goReplaceAll(c.s, c.old, c.new)) !== answers[i]!.replaceAll);
    expect(diffs).toEqual([]);
  });

  it('lower-cases like strings.ToLower where a keyword prefilter could see it', () => {
    // Compared as text: Go writes U+FFFD for an invalid byte, as goToLower does.
    const diffs = cases.filter((c, i) => goToLower(c.s) !== unhex(answers[i]!.toLower));
    expect(diffs).toEqual([]);
  });

  it('masks like gitleaks’ byte-based percentage redaction', () => {
    const diffs = cases.filter((c, i) => hex(percentMask(c.s, c.percent)) !== answers[i]!.mask);
    expect(diffs).toEqual([]);
  });

  it('hashes the secret’s bytes with sha1', () => {
    const diffs = cases.filter((c, i) => secretHash(c.s) !== answers[i]!.sha1);
    expect(diffs).toEqual([]);
  });

  it('computes the same entropy up to float summation order', () => {
    const diffs = cases.filter((c, i) => Math.abs(gitleaksEntropy(c.s) - answers[i]!.entropy) > 1e-12);
    expect(diffs).toEqual([]);
  });
});
