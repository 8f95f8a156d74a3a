// Email addresses. Found from each `@` outwards with bounded runs (local part ≤ 64, domain ≤ 253),
// then the domain is checked label by label and must end in an alphabetic TLD.

import { isAlnum } from '../chars.ts';
import { isRedactionMarker } from '../placeholders.ts';
import type { Detector, Span } from '../types.ts';

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x2d;
}

/** TLD-shaped file extensions: `icon@2x.png` is an asset, not an address. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'js', 'mjs', 'css', 'ts', 'go', 'py', 'rb', 'java', 'json', 'yaml', 'yml', 'txt', 'log', 'html', 'md', 'tar', 'gz', 'zip']);

function domainValid(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) {
    if (l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1]!;
  return /^[A-Za-z]{2,24}$/.test(tld) && !FILE_EXTENSIONS.has(tld.toLowerCase());
}

export function scanEmails(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const p = text.indexOf('@', from);
    if (p < 0) break;
    from = p + 1;
    let s = p;
    while (s > 0 && p - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    if (s > 0 && isLocalChar(text.charCodeAt(s - 1))) continue; // local part longer than 64
    while (s < p && text.charCodeAt(s) === 0x2e) s++;
    let e = p + 1;
    while (e < text.length && e - p <= 253 && isDomainChar(text.charCodeAt(e))) e++;
    while (e > p + 1 && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
    const local = text.slice(s, p);
    const domain = text.slice(p + 1, e);
    if (local.length === 0 || local.endsWith('.') || local.includes('..')) continue;
    // `https://user@host` is a URL's user name, not a mailbox.
    if (text.startsWith('//', s - 2)) continue;
    if (!domainValid(domain) || isRedactionMarker(local)) continue;
    spans.push({ start: s, end: e });
  }
  return spans;
}

export const email: Detector = {
  info: {
    id: 'email',
    title: 'Email address',
    severity: 'medium',
    kind: 'pii',
    examples: ['user=ada.lovelace+logs@example.org logged in', '{"email":"j_doe-42@mail.co.uk"}'],
    nearMisses: ['icon@2x.png', 'user@localhost', 'image@sha256:abcdef', '***@example.com', 'a@b', 'REDACTED@example.com'],
  },
  scan: scanEmails,
};
