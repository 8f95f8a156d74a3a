// Personal data: email addresses, IP addresses, phone numbers, US SSNs, payment card numbers
// (Luhn-valid, issuer prefixes that exist, with and without separators) and IBANs (mod-97 valid).
import fc, { type Arbitrary } from 'fast-check';
import { HEX, LOWER, body, digits } from './chars.ts';
import type { SecretSample } from './types.ts';

const pii = (type: string, value: string, alternates?: string[]): SecretSample => (alternates ? { type, value, secret: value, alternates } : { type, value, secret: value });

export function email(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('ada', 'j.doe', 'maria_garcia', 'wei-chen', 'o.connor'), fc.constantFrom('', '+logs', '42', '.work'), body(LOWER, 3), fc.constantFrom('example.org', 'mail.co.uk', 'corp.example.com', 'gmail.com'))
    .map(([name, tag, salt, domain]) => pii('email', `${name}${tag}${salt}@${domain}`));
}

export function ipv4(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
    .map(([a, b, c, d]) => pii('ipv4', `${a === 127 ? 128 : a}.${b}.${c}.${d}`));
}

export function ipv6(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('2001:db8', '2a02:1810', 'fe80:0'), body(HEX, 24), fc.boolean())
    .map(([prefix, h, compressed]) => {
      const g = [0, 4, 8, 12, 16, 20].map((i) => h.slice(i, i + 4).replace(/^0+(?=.)/, ''));
      const value = compressed ? `${prefix}::${g.slice(3).join(':')}` : `${prefix}:${g.join(':')}`;
      return pii('ipv6', value);
    });
}

export function phoneNumber(): Arbitrary<SecretSample> {
  const e164 = fc
    .tuple(fc.constantFrom('+1 ', '+44 ', '+49 ', '+33 ', '+61 '), fc.integer({ min: 2, max: 9 }), digits(9), fc.constantFrom(' ', '', '-'))
    .map(([cc, first, rest, sep]) => pii('phone', `${cc}${first}${rest.slice(0, 2)}${sep}${rest.slice(2, 5)}${sep}${rest.slice(5)}`));
  const nanp = fc
    .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), digits(4), fc.constantFrom('paren', '-', '.'))
    .map(([area, ex, line, style]) => pii('phone', style === 'paren' ? `(${area}) ${ex}-${line}` : `${area}${style}${ex}${style}${line}`));
  return fc.oneof(e164, nanp);
}

export function usSsn(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.integer({ min: 1, max: 898 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
    .map(([a, g, s]) => {
      const area = a === 666 ? 667 : a === 78 || a === 219 ? a + 1 : a;
      return pii('us-ssn', `${String(area).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`);
    });
}

/** The digit that makes `partial` + digit pass the Luhn check. */
export function luhnCheckDigit(partial: string): string {
  let sum = 0;
  let double = true;
  for (let i = partial.length - 1; i >= 0; i--) {
    let d = partial.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Issuer prefixes and lengths: Visa, Mastercard (both ranges), American Express, Discover. */
const ISSUERS: { prefix: string; length: number }[] = [
  { prefix: '4', length: 16 },
  { prefix: '51', length: 16 },
  { prefix: '55', length: 16 },
  { prefix: '2221', length: 16 },
  { prefix: '37', length: 15 },
  { prefix: '6011', length: 16 },
];

export function paymentCard(): Arbitrary<SecretSample> {
  return fc.tuple(fc.constantFrom(...ISSUERS), digits(18), fc.constantFrom('', ' ', '-')).map(([issuer, d, sep]) => {
    const partial = issuer.prefix + d.slice(0, issuer.length - issuer.prefix.length - 1);
    const pan = partial + luhnCheckDigit(partial);
    const groups = issuer.length === 15 ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)] : [0, 4, 8, 12].map((i) => pan.slice(i, i + 4));
    const value = sep === '' ? pan : groups.join(sep);
    return pii('payment-card', value, sep === '' ? undefined : [pan]);
  });
}

/** ISO 13616 check digits for a country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  let rem = 0;
  for (const ch of bban + country + '00') {
    const c = ch.charCodeAt(0);
    const n = c >= 0x41 ? c - 0x41 + 10 : c - 0x30;
    rem = n >= 10 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}

/** Countries with an all-digit BBAN of the given length (IBAN length minus four). */
const IBAN_COUNTRIES: [string, number][] = [['DE', 18], ['FR', 23], ['ES', 20], ['NL', 14], ['AT', 16], ['BE', 12], ['PL', 24]];

export function iban(): Arbitrary<SecretSample> {
  return fc.tuple(fc.constantFrom(...IBAN_COUNTRIES), digits(24), fc.boolean()).map(([[cc, len], d, grouped]) => {
    // The Dutch BBAN starts with a four-letter bank code.
    const bban = cc === 'NL' ? 'ABNA' + d.slice(0, len - 4) : d.slice(0, len);
    const compact = cc + ibanCheckDigits(cc, bban) + bban;
    const value = grouped ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
    return pii('iban', value, grouped ? [compact] : undefined);
  });
}
