// Payment card numbers (PANs): 13-19 digits, written solid or in groups separated by one space
// or dash, with an issuer prefix a card network actually uses and a valid Luhn check digit.
// The issuer prefix check removes most Luhn-valid ids, timestamps and order numbers.

import { at, isAlnum, isDigit } from '../chars.ts';
import { luhnValid } from '../checksums.ts';
import type { Detector, Span } from '../types.ts';

/** Issuer identification: the networks' public prefix ranges and card lengths. */
function issuerKnown(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners Club
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 67 || p4 === 6304) return n >= 12 && n <= 19; // Maestro
  return false;
}

export function scanPaymentCards(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const prev = at(text, start - 1);
    // Collect digit groups separated by a single space or dash (the same one throughout).
    const groupEnds: number[] = [];
    let sep = -1;
    let j = i;
    let digits = 0;
    for (;;) {
      const g = j;
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      digits += j - g;
      groupEnds.push(j);
      const c = at(text, j);
      if (digits > 19 || !(c === 0x20 || c === 0x2d) || (sep >= 0 && c !== sep) || !isDigit(at(text, j + 1))) break;
      sep = c;
      j++;
    }
    i = groupEnds[0]!;
    // A card number is one solid run of 12-19 digits or starts with a group of four.
    const firstLen = groupEnds[0]! - start;
    if (firstLen !== 4 && (firstLen < 12 || firstLen > 19)) continue;
    if (isAlnum(prev) || prev === 0x2e || prev === 0x2d || prev === 0x2f || prev === 0x5f || prev === 0x2b) continue;
    // Try the longest run of whole groups that forms a valid card number.
    for (let k = groupEnds.length - 1; k >= 0; k--) {
      const end = groupEnds[k]!;
      const raw = text.slice(start, end);
      const d = raw.replace(/[ -]/g, '');
      if (d.length < 12 || d.length > 19) continue;
      const next = at(text, end);
      if (isAlnum(next) || next === 0x5f || ((next === 0x2e || next === 0x2d) && isDigit(at(text, end + 1)))) continue;
      if (k > 0) {
        // Grouped numbers start with a group of four and use groups of 3-6 digits.
        const sizes = raw.split(/[ -]/).map((x) => x.length);
        if (sizes[0] !== 4 || sizes.some((s) => s < 3 || s > 6)) continue;
      }
      if (!issuerKnown(d) || !luhnValid(d)) continue;
      spans.push({ start, end });
      i = end;
      break;
    }
  }
  return spans;
}

export const paymentCard: Detector = {
  info: {
    id: 'payment-card',
    title: 'Payment card number (Luhn-valid)',
    severity: 'high',
    kind: 'pii',
    examples: ['card=4111111111111111 exp=12/29', 'paid with 5555 5555 5555 4444', 'amex 3782-822463-10005'],
    nearMisses: ['card=4111111111111112', 'order 1234567812345670', 'ts=1700000000000', 'card=4111 **** **** 1111', 'id 41111111111111110000'],
  },
  scan: scanPaymentCards,
};
