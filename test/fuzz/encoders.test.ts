// The escapes contexts apply: each must equal what the real writer produces.
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { jsonEscape, percentEncode, shellSingleQuoteEscape } from '../../src/fuzz/contexts/encoders.ts';

test.prop([fc.string({ unit: 'binary' })])('jsonEscape is the inside of JSON.stringify', (s) => {
  expect(`"${jsonEscape(s)}"`).toBe(JSON.stringify(s));
});

test.prop([fc.string({ unit: 'grapheme' })])('percentEncode decodes back to the value', (s) => {
  expect(decodeURIComponent(percentEncode(s))).toBe(s);
});

test.prop([fc.string()])('a single-quoted shell word holds no bare quote', (s) => {
  expect(`'${shellSingleQuoteEscape(s)}'`.split(`'\\''`).join('').slice(1, -1)).not.toContain("'");
});
