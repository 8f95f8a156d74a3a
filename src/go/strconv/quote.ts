// Go's strconv quoting: Quote, QuoteToASCII, QuoteRune, QuoteRuneToASCII, CanBackquote and IsPrint,
// for every place that prints a Go-quoted string (fmt's %q and %#v, template and config error
// texts, the formatter's block labels).
//
// Go strings are bytes. A byte that is not part of valid UTF-8 reaches these functions as its
// surrogate escape U+DC80+byte (see src/regex/types.ts) and is quoted as Go quotes the raw byte:
// `\xNN`. Text that never held such bytes has no lone surrogates, so this reading is safe for
// every caller. Any other lone surrogate stands for U+FFFD, as src/template/utf8.ts spells it.

// unicode.IsPrint over the Go Unicode tables the regex engine and the template package share.
import { isPrint } from '../../template/unicode.ts';

export { isPrint };

const RUNE_ERROR = 0xfffd;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapedByte(c: number): number | undefined {
  return c >= 0xdc80 && c <= 0xdcff ? c - 0xdc00 : undefined;
}

/** utf8.ValidRune: a Unicode scalar value. */
function isValidRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);
}

/** One rune inside quotes: kept when printable (and ASCII if asked), otherwise a Go escape. */
function escapeRune(r: number, quoteChar: number, asciiOnly: boolean): string {
  if (r === quoteChar || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
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
  if (!isValidRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: string, quoteChar: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quoteChar);
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const byte = escapedByte(c);
    out += byte === undefined ? escapeRune(c, quoteChar, asciiOnly) : '\\x' + hex(byte, 2);
  }
  return out + String.fromCharCode(quoteChar);
}

function quoteRuneWith(r: number, asciiOnly: boolean): string {
  return "'" + escapeRune(isValidRune(r) ? r : RUNE_ERROR, 0x27, asciiOnly) + "'";
}

/** strconv.Quote: a double-quoted Go literal; non-printable runes and invalid bytes escaped. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII: like quote, with every non-ASCII rune escaped too. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune: a single-quoted Go rune literal (an invalid rune is quoted as U+FFFD). */
export function quoteRune(r: number): string {
  return quoteRuneWith(r, false);
}

/** strconv.QuoteRuneToASCII: like quoteRune, with a non-ASCII rune escaped. */
export function quoteRuneToASCII(r: number): string {
  return quoteRuneWith(r, true);
}

/**
 * strconv.CanBackquote: the text fits in a raw string literal — no backquote, no control
 * character other than tab, no byte order mark and no invalid byte.
 */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (escapedByte(c) !== undefined) return false;
    if (c === 0xfeff || c === 0x60) return false;
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return false;
  }
  return true;
}
