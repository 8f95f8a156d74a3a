// HTTP authorization credentials: `Bearer <token>` anywhere (headers, curl commands, logged
// requests) and `Basic <base64 of user:password>`. A Basic credential is recognised by decoding
// it: the decoded text must be printable and contain the `:` that separates user and password.

import { at, isAlnum, isSpace, isWord } from '../chars.ts';
import { asciiLower } from '../ascii.ts';
import { isPlaceholder } from '../placeholders.ts';
import type { Detector, Span } from '../types.ts';

/** RFC 7235 token68: `[A-Za-z0-9-._~+/]+=*`. */
function isToken68(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x2f;
}

/** Finds `<scheme> <credential>` (scheme matched case-insensitively) and returns the credential spans. */
function scanScheme(text: string, lower: string, scheme: string, accept: (cred: string) => boolean): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const p = lower.indexOf(scheme, from);
    if (p < 0) break;
    from = p + scheme.length;
    if (isWord(at(text, p - 1))) continue;
    let i = from;
    while (i < text.length && i - from < 8 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (i === from) continue;
    const start = i;
    while (i < text.length && isToken68(text.charCodeAt(i))) i++;
    while (i < text.length && text.charCodeAt(i) === 0x3d) i++;
    let end = i;
    // A sentence's full stop is not part of the token; `tok...` is a percentage mask's prefix.
    if (text.startsWith('...', i - 3) && i - 3 > start) {
      from = Math.max(from, i);
      continue;
    }
    while (end > start && text.charCodeAt(end - 1) === 0x2e) end--;
    from = Math.max(from, i);
    const cred = text.slice(start, end);
    if (cred.length === 0 || isPlaceholder(cred) || !accept(cred)) continue;
    const next = at(text, i);
    if (next !== -1 && !isSpace(next) && !/[",;'\\)\]}&<>|]/.test(String.fromCharCode(next))) continue;
    spans.push({ start, end });
  }
  return spans;
}

function looksLikeBearerToken(cred: string): boolean {
  if (cred.length < 8) return false;
  // Prose such as "Bearer authentication required" is all letters; real tokens rarely are.
  if (/^[A-Za-z]+$/.test(cred) && cred.length < 24) return false;
  return true;
}

function isBasicCredential(cred: string): boolean {
  if (cred.length < 8 || cred.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(cred)) return false;
  let decoded: string;
  try {
    decoded = atob(cred);
  } catch {
    return false;
  }
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded) && !isPlaceholder(decoded.slice(colon + 1));
}

export const bearerToken: Detector = {
  info: {
    id: 'bearer-token',
    title: 'Bearer token',
    severity: 'high',
    kind: 'credential',
    examples: ['Authorization: Bearer 9f8e7d6c5b4a3f2e1d0c.Zq_x-42', 'curl -H "authorization: bearer Tk_93hf82hf92hf02hf0"'],
    nearMisses: ['Authorization: Bearer REDACTED', 'Bearer authentication is required', 'Authorization: Bearer <token>', 'Authorization: Bearer $API_TOKEN'],
  },
  scan: (text) => scanScheme(text, asciiLower(text), 'bearer', looksLikeBearerToken),
};

export const basicAuthHeader: Detector = {
  info: {
    id: 'basic-auth-header',
    title: 'HTTP Basic credentials',
    severity: 'high',
    kind: 'credential',
    examples: ['Authorization: Basic ' + btoa('deploy:W1nter-2024!')],
    nearMisses: ['Authorization: Basic ' + btoa('no colon here'), 'Authorization: Basic REDACTED', 'basic plan selected'],
  },
  scan: (text) => scanScheme(text, asciiLower(text), 'basic', isBasicCredential),
};
