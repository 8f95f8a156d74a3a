// Phone numbers, tuned for precision: international E.164 (`+` country code, 8-15 digits, with
// optional single separators) and North American numbers with their usual punctuation
// (`(415) 555-2671`, `415-555-2671`, `415.555.2671`). Bare digit runs are never phones here.

import { at, isAlnum, isDigit } from '../chars.ts';
import type { Detector, Span } from '../types.ts';

function isPhoneSep(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29;
}

/** Two separators in a row are only `(` after a space or a space after `)`: `+1 (415) 555…`. */
function sepPairOk(prev: number, c: number): boolean {
  return (prev === 0x20 && c === 0x28) || (prev === 0x29 && c === 0x20);
}

function scanE164(text: string, spans: Span[]): void {
  let from = 0;
  for (;;) {
    const p = text.indexOf('+', from);
    if (p < 0) return;
    from = p + 1;
    const prev = at(text, p - 1);
    if (isAlnum(prev) || prev === 0x2b) continue;
    let j = p + 1;
    if (!isDigit(at(text, j)) || at(text, j) === 0x30) continue;
    let digits = 0;
    let seps = '';
    let lastDigitEnd = j;
    while (j < text.length && j - p < 32) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        digits++;
        j++;
        lastDigitEnd = j;
      } else if (isPhoneSep(c) && (!isPhoneSep(at(text, j - 1)) || sepPairOk(at(text, j - 1), c))) {
        seps += String.fromCharCode(c);
        j++;
      } else break;
    }
    from = Math.max(from, lastDigitEnd);
    const next = at(text, lastDigitEnd);
    if (digits < 8 || digits > 15) continue;
    if (isAlnum(next) || next === 0x5f || next === 0x3a || ((next === 0x2e || next === 0x2d) && isDigit(at(text, lastDigitEnd + 1)))) continue;
    const raw = text.slice(p, lastDigitEnd);
    // `+2024-01-15`-style dates and `+1.5e10`-style numbers are not phones.
    if (/^\+\d{4}-\d{2}-\d{2}$/.test(raw) || /^\+\d+\.\d+$/.test(raw)) continue;
    if (seps.includes('.') && seps.includes('-')) continue;
    spans.push({ start: p, end: lastDigitEnd });
  }
}

// Linear: every quantifier is bounded and the lookarounds look at most two characters away.
const NANP = /(?<![\w.+\/-])(?:1[-. ])?(?:\(([2-9]\d{2})\) ?|([2-9]\d{2})([-. ]))([2-9]\d{2})([-. ])(\d{4})(?![\w]|[-.]\d)/g;

function scanNanp(text: string, spans: Span[]): void {
  for (const m of text.matchAll(NANP)) {
    // `415-555.2671` mixes separators: a version or an id more often than a phone.
    if (m[3] !== undefined && m[3] !== m[5]) continue;
    if (m[1] !== undefined && m[5] === '.') continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
}

export function scanPhones(text: string): Span[] {
  const spans: Span[] = [];
  scanE164(text, spans);
  scanNanp(text, spans);
  return spans;
}

export const phone: Detector = {
  info: {
    id: 'phone',
    title: 'Phone number',
    severity: 'medium',
    kind: 'pii',
    examples: ['call +1 415 555 2671', 'tel=+4930901820', 'contact (415) 555-2671', 'phone: 415-555-2671', 'uk +44 20 7946 0958'],
    nearMisses: ['tz +05:30', 'date 2024-01-15', 'call 555-1234', 'id 123-456-7890', 'ver 10.0.0.1', 'x=1e+10', 'score +100', '415-555.2671'],
  },
  scan: scanPhones,
};
