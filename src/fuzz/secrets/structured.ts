// Secrets with an internal structure: JSON Web Tokens (a real JSON header, so that decoding it
// says "JWT") and PEM private-key blocks (header, 64-column base64 lines, footer).
import fc, { type Arbitrary } from 'fast-check';
import { ALNUM, BASE64, BASE64URL, body, digits } from './chars.ts';
import { base64Url } from './chars.ts';
import type { SecretSample } from './types.ts';

const JWT_HEADERS = ['{"alg":"HS256","typ":"JWT"}', '{"alg":"RS256","typ":"JWT","kid":"k1"}', '{"typ":"JWT","alg":"ES256"}'];

export function jwt(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom(...JWT_HEADERS), body(ALNUM, 8), digits(10), body(BASE64URL, 43))
    .map(([header, sub, iat, sig]) => {
      const payload = base64Url(`{"sub":"${sub}","iat":${iat}}`);
      // The header is a public constant; the claims and the signature are what must not leak.
      const secret = `${payload}.${sig}`;
      return { type: 'jwt', value: `${base64Url(header)}.${secret}`, secret };
    });
}

const PEM_LABELS = ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY'];

export function pemPrivateKey(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom(...PEM_LABELS), fc.integer({ min: 1, max: 3 }), body(BASE64, 64 * 3), body(BASE64, 40))
    .map(([label, full, lines, last]) => {
      const rows: string[] = [];
      for (let i = 0; i < full; i++) rows.push(lines.slice(i * 64, i * 64 + 64));
      rows.push(last + '==');
      const secret = rows.join('\n');
      return { type: 'pem-private-key', value: `-----BEGIN ${label}-----\n${secret}\n-----END ${label}-----`, secret };
    });
}
