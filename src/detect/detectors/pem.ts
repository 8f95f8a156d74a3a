// PEM private-key blocks (`-----BEGIN … PRIVATE KEY-----`). The whole block is the secret. Log
// lines often carry it JSON-escaped (`\n` as two characters) or cut short, so the body is
// whatever key material follows the header, up to the matching footer when there is one.

import { isBase64Std, isSpace } from '../chars.ts';
import { isPlaceholder } from '../placeholders.ts';
import type { Detector, Span } from '../types.ts';

const BEGIN = '-----BEGIN ';
const MAX_BLOCK = 16 * 1024;

/** Characters of a PEM body as it appears raw or escaped inside a log line. */
function isBodyChar(c: number): boolean {
  return isBase64Std(c) || c === 0x3d || isSpace(c) || c === 0x5c /* \ of an escaped \n */;
}

export function scanPemPrivateKeys(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const p = text.indexOf(BEGIN, from);
    if (p < 0) break;
    from = p + BEGIN.length;
    const close = text.indexOf('-----', from);
    if (close < 0 || close - from > 48) continue;
    const label = text.slice(from, close);
    if (!/^(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?$/.test(label)) continue;
    const bodyStart = close + 5;
    const footer = '-----END ' + label + '-----';
    const f = text.indexOf(footer, bodyStart);
    let end: number;
    let body: string;
    if (f >= 0 && f - bodyStart <= MAX_BLOCK) {
      end = f + footer.length;
      body = text.slice(bodyStart, f);
    } else {
      // Truncated block: the header plus the key material that follows it.
      let j = bodyStart;
      const stop = Math.min(text.length, bodyStart + MAX_BLOCK);
      while (j < stop && isBodyChar(text.charCodeAt(j))) j++;
      end = j;
      body = text.slice(bodyStart, j);
    }
    from = end;
    // Encrypted keys carry `Proc-Type:`/`DEK-Info:` headers; only the base64 lines count.
    const material = body.replace(/\\[nrt]/g, '').replace(/[^A-Za-z0-9+/=]/g, '');
    if (material.length < 32 || isPlaceholder(material)) continue;
    spans.push({ start: p, end });
  }
  return spans;
}

export const pemPrivateKey: Detector = {
  info: {
    id: 'pem-private-key',
    title: 'PEM private key block',
    severity: 'critical',
    kind: 'credential',
    examples: [
      '-----BEGIN ' + 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAq7Bz9Xk3Lm5Np8Qr1St4Uv7Wx0Yz3AbCd6Ef9Gh2Ij5Kl8Mn\n-----END RSA PRIVATE KEY-----',
      '{"key":"-----BEGIN ' + 'PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----"}',
    ],
    nearMisses: [
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq7Bz9Xk3Lm5Np8Qr1St4Uv7W\n-----END PUBLIC KEY-----',
      '-----BEGIN ' + 'PRIVATE KEY-----\nREDACTED\n-----END PRIVATE KEY-----',
      '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----',
    ],
  },
  scan: scanPemPrivateKeys,
};
