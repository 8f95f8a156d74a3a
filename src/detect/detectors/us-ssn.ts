// US Social Security numbers, written AAA-GG-SSSS (the dashed form; nine bare digits are far
// more often something else). Issuance rules exclude impossible areas, groups and serials.

import { ssnValid } from '../checksums.ts';
import type { Detector, Span } from '../types.ts';

// Linear: fixed-length groups, no nested or unbounded quantifiers; the lookarounds look one or
// two characters away.
const SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w]|-\d)/g;

/** Numbers published as examples that were never issued to anyone. */
const NEVER_ISSUED = new Set(['078-05-1120', '219-09-9999']);

export function scanSsns(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SSN)) {
    if (!ssnValid(Number(m[1]), Number(m[2]), Number(m[3])) || NEVER_ISSUED.has(m[0])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export const usSsn: Detector = {
  info: {
    id: 'us-ssn',
    title: 'US Social Security number',
    severity: 'high',
    kind: 'pii',
    examples: ['ssn=536-22-8814', '{"ssn":"123-45-6789"}'],
    nearMisses: ['ssn=000-12-3456', 'ssn=666-12-3456', 'ssn=912-12-3456', 'ssn=536-00-8814', 'ssn=536-22-0000', 'date 2024-01-15', 'ref 1536-22-8814', 'ssn=***-**-8814'],
  },
  scan: scanSsns,
};
