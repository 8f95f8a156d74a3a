// How log writers escape a value for the place it is written to. Each escape maps a string
// character by character, so the escaped secret is a substring of the escaped value that holds
// it: the leak check looks for every escaped spelling a line carries.

/** The inside of a JSON string literal (what encoding/json and JSON.stringify write). */
export function jsonEscape(s: string): string {
  // Most values need no escape; skipping JSON.stringify for them is a large share of generation.
  if (!/["\\\x00-\x1f\ud800-\udfff]/.test(s)) return s;
  return JSON.stringify(s).slice(1, -1);
}

/** go-logfmt quotes a value that holds a space or control character, `=` or `"`. */
export function logfmtNeedsQuotes(s: string): boolean {
  return s === '' || /[\x00-\x20="\x7f]/.test(s);
}

/** Percent-encoding of a query value or of userinfo (encodeURIComponent's set). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s);
}

/** A word a POSIX shell reads back unchanged without quotes. */
export function shellSafe(s: string): boolean {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s);
}

/** The inside of a single-quoted shell word: each `'` becomes `'\''`. */
export function shellSingleQuoteEscape(s: string): string {
  return s.replace(/'/g, `'\\''`);
}
