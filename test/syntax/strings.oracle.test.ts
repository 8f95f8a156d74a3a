// Differential test of string literal decoding against Go's strconv.Unquote (the function Alloy
// uses), through the stdlib-only oracle test/oracle/unquote.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { askOracle } from '../oracle/go.ts';
import { decodeStringLiteralBytes } from '../../src/syntax/strings.ts';

const piece = fc.oneof(
  fc.constantFrom('a', ' ', 'é', '😀', '\t', '"', '\\', '\n', '\r', "'", '`', '\u0000'),
  fc.constantFrom('\\a', '\\b', '\\f', '\\n', '\\r', '\\t', '\\v', '\\\\', '\\"', "\\'", '\\q', '\\'),
  fc.constantFrom('\\101', '\\377', '\\400', '\\0', '\\12', '\\x41', '\\xff', '\\xg1', '\\x4'),
  fc.constantFrom('\\u00e9', '\\ud800', '\\u12', '\\U0001F600', '\\U00110000', '\\UFFFFFFFF'),
);

const literal = fc.tuple(fc.constantFrom('"', '`'), fc.array(piece, { maxLength: 8 })).map(([q, parts]) => `${q}${parts.join('')}${q}`);

function ours(raw: string): { ok: boolean; value: string } {
  try {
    return { ok: true, value: Buffer.from(decodeStringLiteralBytes(raw)).toString('base64') };
  } catch {
    return { ok: false, value: '' };
  }
}

describe('decodeStringLiteralBytes agrees with strconv.Unquote', () => {
  test.prop([fc.array(literal, { minLength: 50, maxLength: 50 })], { numRuns: 20 })('on literals built from escapes and odd characters', async (raws) => {
    const answers = await askOracle<{ raw: string }, { ok: boolean; value: string | null }>('unquote', raws.map((raw) => ({ raw })));
    raws.forEach((raw, i) => {
      const theirs = answers[i]!;
      const mine = ours(raw);
      expect({ raw, ok: mine.ok, value: mine.ok ? mine.value : '' }).toEqual({ raw, ok: theirs.ok, value: theirs.ok ? (theirs.value ?? '') : '' });
    });
  });
});
