// JSON Web Tokens: three base64url parts whose first part decodes to a JSON object with `alg`.
// Decoding the header (JSON.parse, never eval) is what separates a JWT from any dotted id that
// happens to start with `eyJ`.

import { at, isBase64Url } from '../chars.ts';
import type { Detector, Span } from '../types.ts';

function decodeBase64Url(part: string): string | undefined {
  try {
    return atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

function hasJsonHeader(part: string): boolean {
  if (part.length > 4096) return false;
  const json = decodeBase64Url(part);
  if (json === undefined) return false;
  try {
    const header: unknown = JSON.parse(json);
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

export function scanJwts(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const p = text.indexOf('eyJ', from);
    if (p < 0) break;
    let i = p;
    const partEnds: number[] = [];
    // Up to three dot-separated base64url runs; each character is read once.
    for (let part = 0; part < 3; part++) {
      let j = i;
      while (j < text.length && isBase64Url(text.charCodeAt(j))) j++;
      partEnds.push(j);
      if (part < 2 && at(text, j) === 0x2e) i = j + 1;
      else {
        i = j;
        break;
      }
    }
    from = Math.max(i, p + 3);
    if (isBase64Url(at(text, p - 1))) continue;
    if (partEnds.length < 3) continue;
    const header = text.slice(p, partEnds[0]);
    const payloadLen = partEnds[1]! - partEnds[0]! - 1;
    if (header.length < 10 || payloadLen < 2) continue;
    if (!hasJsonHeader(header)) continue;
    spans.push({ start: p, end: partEnds[2]! });
  }
  return spans;
}

export const jwt: Detector = {
  info: {
    id: 'jwt',
    title: 'JSON Web Token',
    severity: 'high',
    kind: 'credential',
    examples: [
      'id_token=' + 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.eyJzdWIiOiJ1LTQyIiwibmFtZSI6IkFkYSJ9' + '.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA',
    ],
    nearMisses: ['eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiJ1LTQyIn0.c2ln', 'eyJhbGciOiJIUzI1NiJ9', 'eyJhbGciOiJIUzI1NiJ9.REDACTED'],
  },
  scan: scanJwts,
};
