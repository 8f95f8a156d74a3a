// Decoding of Alloy string literals to their values, as Alloy does with Go's strconv.Unquote:
// double-quoted strings with Go escapes, backtick strings verbatim (minus carriage returns).
//
// Go strings are byte strings: "\xff" is one byte that is not UTF-8. `decodeStringLiteralBytes`
// keeps such bytes exactly; `decodeStringLiteral` returns a JavaScript string in which bytes that are
// not valid UTF-8 become U+FFFD.

const SIMPLE_ESCAPES = new Map<string, number>([
  ['a', 0x07],
  ['b', 0x08],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
  ['v', 0x0b],
  ['\\', 0x5c],
  ['"', 0x22],
  // No \' : strconv.Unquote rejects it in a double-quoted string, and so does Alloy's scanner
  // (whatever its doc comment says).
]);

export class StringLiteralError extends Error {
  constructor(
    message: string,
    /** Index into the raw literal where the problem is. */
    readonly index: number,
  ) {
    super(message);
    this.name = 'StringLiteralError';
  }
}

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF written at the start of a string literal is text, not a byte-order mark.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function hexDigit(c: string | undefined): number {
  if (c === undefined) return -1;
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const l = code | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/** The bytes a literal stands for. Throws StringLiteralError on a malformed literal. */
export function decodeStringLiteralBytes(raw: string): Uint8Array {
  if (raw.length < 2) throw new StringLiteralError('string literal too short', 0);
  const quote = raw[0];
  if (quote === '`') {
    if (!raw.endsWith('`')) throw new StringLiteralError('raw string not terminated', raw.length);
    const body = raw.slice(1, -1);
    if (body.includes('`')) throw new StringLiteralError('backtick inside raw string', body.indexOf('`') + 1);
    // Carriage returns inside raw strings are discarded from the value (strconv.Unquote).
    return encoder.encode(body.replaceAll('\r', ''));
  }
  if (quote !== '"' || !raw.endsWith('"')) throw new StringLiteralError('not a quoted string', 0);

  const out: number[] = [];
  const end = raw.length - 1;
  let i = 1;
  while (i < end) {
    const c = raw[i];
    if (c === '"') throw new StringLiteralError('unescaped quote inside string', i);
    if (c === '\n') throw new StringLiteralError('newline inside string', i);
    if (c !== '\\') {
      // Copy a run of plain characters at once.
      let j = i + 1;
      while (j < end && raw[j] !== '\\' && raw[j] !== '"' && raw[j] !== '\n') j++;
      for (const b of encoder.encode(raw.slice(i, j))) out.push(b);
      i = j;
      continue;
    }
    const e = raw[i + 1];
    if (i + 1 >= end || e === undefined) throw new StringLiteralError('escape sequence not terminated', i + 1);
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) {
      out.push(simple);
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let v = 0;
      for (let k = 1; k <= 3; k++) {
        const d = raw[i + k];
        if (d === undefined || d < '0' || d > '7' || i + k >= end) throw new StringLiteralError('invalid octal escape', i + 1);
        v = v * 8 + (d.charCodeAt(0) - 0x30);
      }
      if (v > 255) throw new StringLiteralError('octal escape value > 255', i + 1);
      out.push(v);
      i += 4;
      continue;
    }
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (digits === 0) throw new StringLiteralError('unknown escape sequence', i + 1);
    let v = 0;
    for (let k = 0; k < digits; k++) {
      const at = i + 2 + k;
      const d = at < end ? hexDigit(raw[at]) : -1;
      if (d < 0) throw new StringLiteralError('invalid hexadecimal escape', i + 1);
      v = v * 16 + d;
    }
    i += 2 + digits;
    if (e === 'x') {
      out.push(v);
      continue;
    }
    if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) {
      throw new StringLiteralError('escape sequence is invalid Unicode code point', i - digits - 1);
    }
    for (const b of encoder.encode(String.fromCodePoint(v))) out.push(b);
  }
  return Uint8Array.from(out);
}

/**
 * The value of a string literal (`"…"` with Go escapes, or a backtick raw string). Byte sequences
 * that are not UTF-8 (from \x or octal escapes) become U+FFFD; use decodeStringLiteralBytes to keep
 * them. Throws StringLiteralError on a malformed literal.
 */
export function decodeStringLiteral(raw: string): string {
  // Fast path: no escapes and no carriage returns, the value is the text between the quotes.
  if (raw.length >= 2 && raw[0] === '"' && raw.endsWith('"') && !/[\\\n]/.test(raw) && raw.indexOf('"', 1) === raw.length - 1) {
    return raw.slice(1, -1);
  }
  return decoder.decode(decodeStringLiteralBytes(raw));
}
