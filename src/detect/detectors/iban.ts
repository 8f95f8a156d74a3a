// International Bank Account Numbers: country code, two check digits, a country-specific number
// of alphanumerics, solid or in groups of four; the ISO 13616 mod-97 check must hold.

import { at, isAlnum, isDigit, isUpper } from '../chars.ts';
import { ibanValid } from '../checksums.ts';
import type { Detector, Span } from '../types.ts';

/** IBAN lengths by country (the registry's published lengths for the countries listed). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

function isIbanChar(c: number): boolean {
  return isUpper(c) || isDigit(c);
}

export function scanIbans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i + 4 <= text.length) {
    const c0 = text.charCodeAt(i);
    if (!isUpper(c0) || isAlnum(at(text, i - 1)) || !isUpper(at(text, i + 1)) || !isDigit(at(text, i + 2)) || !isDigit(at(text, i + 3))) {
      i++;
      continue;
    }
    const want = IBAN_LENGTH[text.slice(i, i + 2)];
    if (want === undefined) {
      i++;
      continue;
    }
    // Read characters (skipping single spaces between groups of four) until `want` are collected.
    let j = i + 4;
    let n = 4;
    let grouped = false;
    while (n < want && j < text.length) {
      const c = text.charCodeAt(j);
      if (isIbanChar(c)) {
        n++;
        j++;
      } else if (c === 0x20 && n % 4 === 0 && isIbanChar(at(text, j + 1)) && (grouped || n === 4)) {
        grouped = true;
        j++;
      } else break;
    }
    const next = at(text, j);
    const compact = text.slice(i, j).replace(/ /g, '');
    if (n === want && !isAlnum(next) && ibanValid(compact)) {
      spans.push({ start: i, end: j });
      i = j;
    } else i += 2;
  }
  return spans;
}

export const iban: Detector = {
  info: {
    id: 'iban',
    title: 'IBAN (mod-97 valid)',
    severity: 'high',
    kind: 'pii',
    examples: ['iban=DE89370400440532013000', 'pay to GB82 WEST 1234 5698 7654 32', '{"iban":"FR1420041010050500013M02606"}'],
    nearMisses: ['iban=DE89370400440532013001', 'DE8937040044053201300', 'GB82 WEST 1234 5698 7654 3', 'iban=DE89 **** **** 3000'],
  },
  scan: scanIbans,
};
