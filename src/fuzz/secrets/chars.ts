// Alphabets and a cheap generator of fixed-length bodies over them. A body is drawn five
// characters per integer (fewer fast-check values per entry than one per character), and each
// position is offset by a fixed stride so that a body shrunk to all zeros is still a varied
// string such as `AHOV29…`: shrinking keeps tokens valid-looking (never `AAAA…`, which every
// detector rightly treats as a placeholder).
import fc, { type Arbitrary } from 'fast-check';

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER_DIGITS = UPPER + DIGITS;
export const ALNUM = UPPER + LOWER + DIGITS;
export const BASE64URL = ALNUM + '-_';
export const BASE64 = ALNUM + '+/';
export const HEX = '0123456789abcdef';

const PER_INT = 5;
const STRIDE = 7;

/** Exactly `length` characters of `alphabet` (at most 64 symbols). */
export function body(alphabet: string, length: number): Arbitrary<string> {
  const n = alphabet.length;
  const chunks = Math.ceil(length / PER_INT);
  const max = n ** PER_INT - 1;
  return fc.array(fc.nat({ max }), { minLength: chunks, maxLength: chunks }).map((ints) => {
    let out = '';
    for (let c = 0; c < chunks; c++) {
      let v = ints[c]!;
      for (let k = 0; k < PER_INT && out.length < length; k++) {
        const i = out.length;
        out += alphabet[(v % n + i * STRIDE + 3) % n];
        v = Math.floor(v / n);
      }
    }
    return out;
  });
}

/** Decimal digits, exactly `length` of them. */
export function digits(length: number): Arbitrary<string> {
  return body(DIGITS, length);
}

/** base64url without padding, as JWTs write their parts. */
export function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
