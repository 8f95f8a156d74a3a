// Go's strconv.Quote / QuoteToASCII / QuoteRune / CanBackquote and unicode.IsPrint, used by %q,
// %#v, sprig's quote-adjacent helpers and error texts that quote template names.

import { isPrint } from '../unicode.ts';

export { isPrint };

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCodePoint(r);
  } else if (isPrint(r)) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) {
      // An invalid UTF-8 byte (surrogate escape): Go writes \x followed by the byte.
      out += '\\x' + hex(c - 0xdc00, 2);
      continue;
    }
    out += escapeRune(c, quote, asciiOnly);
  }
  return out + String.fromCharCode(quote);
}

export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) return false;
    if (c === 0xfeff) return false;
    if (c === 0x60) return false;
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return false;
  }
  return true;
}
