// Passwords in the userinfo of a URL or connection string: `scheme://user:PASSWORD@host`.
// Like Go's url.Parse, the userinfo ends at the last `@` of the authority, so a password that
// itself contains `@` is reported whole. JSON-escaped slashes (`:\/\/`) are read too.

import { isAlnum, isAlpha, isSpace } from '../chars.ts';
import { isPlaceholder } from '../placeholders.ts';
import type { Detector, Span } from '../types.ts';

const MAX_AUTHORITY = 1024;

function isSchemeChar(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** Characters that end a URL's authority part as it appears in a log line. */
function endsAuthority(c: number): boolean {
  return c === 0x2f || c === 0x3f || c === 0x23 || isSpace(c) || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x5c || c === 0x60;
}

function scanFrom(text: string, marker: string, spans: Span[]): void {
  let from = 0;
  for (;;) {
    const p = text.indexOf(marker, from);
    if (p < 0) return;
    from = p + marker.length;
    let s = p;
    while (s > 0 && p - s < 32 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    if (s === p || !isAlpha(text.charCodeAt(s))) continue;
    const authStart = p + marker.length;
    let authEnd = authStart;
    const stop = Math.min(text.length, authStart + MAX_AUTHORITY);
    while (authEnd < stop && !endsAuthority(text.charCodeAt(authEnd))) authEnd++;
    from = Math.max(from, authEnd);
    const authority = text.slice(authStart, authEnd);
    const atSign = authority.lastIndexOf('@');
    if (atSign <= 0 || atSign === authority.length - 1) continue;
    const colon = authority.indexOf(':');
    if (colon < 0 || colon >= atSign - 1) continue;
    const start = authStart + colon + 1;
    const end = authStart + atSign;
    if (isPlaceholder(text.slice(start, end))) continue;
    spans.push({ start, end });
  }
}

export function scanUrlCredentials(text: string): Span[] {
  const spans: Span[] = [];
  scanFrom(text, '://', spans);
  scanFrom(text, ':\\/\\/', spans);
  return spans;
}

export const urlCredentials: Detector = {
  info: {
    id: 'url-credentials',
    title: 'Password in a URL or connection string',
    severity: 'high',
    kind: 'credential',
    examples: ['connecting to postgresql://admin:Sup3rS3cret@db:5432/prod', 'REDIS_URL=redis://:p4ssw0rdX@cache:6379/0', '{"url":"https:\\/\\/bot:t0k3n-9x@git.example.org\\/repo"}'],
    nearMisses: ['postgresql://admin:REDACTED@db:5432/prod', 'https://user@example.com/path', 'http://example.com:8080/a@b', 'mysql://root:${DB_PASSWORD}@db/app', 'amqp://guest:****@mq:5672/'],
  },
  scan: scanUrlCredentials,
};
