// Passwords and generic API keys: values that only their key names. Passwords draw from printable
// ASCII (quotes, spaces, `=`, `:`, `@`, `}` and backslashes included: the characters that end a
// scrub rule's `[^"\s,}]+` too early) and from a few Unicode letters and an emoji.
import fc, { type Arbitrary } from 'fast-check';
import { isPlaceholder } from '../../detect/placeholders.ts';
import { ALNUM, body } from './chars.ts';
import type { SecretSample } from './types.ts';

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const UNICODE = ['é', 'ß', 'ü', 'ø', 'ñ', 'ж', 'П', 'λ', '中', '密', '码', '🔑'];
/** Weighted: mostly ASCII letters and digits, as real passwords are. */
const PASSWORD_CHAR: Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALNUM) },
  { weight: 3, arbitrary: fc.constantFrom(...PRINTABLE_ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
);

/**
 * What the project's password detector needs to call a value a password: not a placeholder or
 * mask, not a bare lower-case word, and no run of characters a mask is made of.
 */
function looksLikePassword(p: string): boolean {
  return p.trim() === p && /[^a-z]/.test(p) && !/[*•#]{2}|\.\.\.|\$\{|\{\{|%[sdvqx]/.test(p) && !isPlaceholder(p) && !/^[{[<$%(]/.test(p);
}

export function password(): Arbitrary<SecretSample> {
  // Three fixed characters of different classes lead, so that even a fully shrunk password is
  // varied ("Aa0" + shrunk tail) and never a filler.
  return fc
    .tuple(fc.constantFrom('Aa0', 'Zq9', 'Mx7', 'Pw1'), fc.string({ unit: PASSWORD_CHAR, minLength: 5, maxLength: 29 }))
    .map(([head, tail]) => head + tail)
    .filter(looksLikePassword)
    .map((p) => ({ type: 'password', value: p, secret: p }));
}

/** Generic API keys: 32 alphanumerics, sometimes with a short vendor-neutral prefix. */
export function apiKey(): Arbitrary<SecretSample> {
  return fc.tuple(fc.constantFrom('', 'key-', 'ak_', 'sk-'), body(ALNUM, 32)).map(([prefix, b]) => {
    const v = prefix + b;
    return { type: 'api-key', value: v, secret: b };
  });
}
