// The layout half of Go's fmt (its format.go): the flags, width and precision of one directive
// and how they shape a string, an integer, a float or a byte string. Widths and precisions of text
// count runes, as Go's do; what operand to print and with which verb is decided in print.ts.
import { runeCount, toBytes } from '../../template/utf8.ts';
import { formatFloat, formatFloatB, formatFloatHex } from '../strconv/format-float.ts';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from '../strconv/quote.ts';

export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';

/** Hard cap on one operand's padding, so `%999999d` cannot exhaust memory. */
const MAX_PAD = 1_000_000;

export class Formatter {
  buf = '';
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  /** %+v: kept for Go's parity; no value printed here has fields to name. */
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
    this.widPresent = this.precPresent = false;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? '0' : ' ').repeat(Math.min(n, MAX_PAD));
  }

  /** Pads s to the width (counted in runes), on the left unless '-'. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  /** Pads with spaces even when the zero flag is set (numbers' own zeros come from precision). */
  padWithSpaces(s: string): void {
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** The first `prec` runes of s, when a precision is set. */
  truncate(s: string): string {
    if (this.precPresent) {
      let n = 0;
      let i = 0;
      for (const ch of s) {
        if (n === this.prec) return s.slice(0, i);
        n++;
        i += ch.length;
      }
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  /** %q of a string: backquoted under '#' when it can be, ASCII-only under '+'. */
  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** %x / %X of bytes: two digits a byte, ' ' between bytes and '#' for 0x prefixes. */
  fmtSbx(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = b[i]!;
      out += digits[c >> 4]! + digits[c & 0xf]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtSx(s: string, digits: string): void {
    this.fmtSbx(toBytes(s), digits);
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** fmt.fmtInteger: u is the value, negative only when isSigned. */
  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // leave room for the sign
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(Math.min(prec - s.length, MAX_PAD)) + s;
    if (this.sharp) {
      switch (base) {
        case 2:
          s = '0b' + s;
          break;
        case 8:
          if (s[0] !== '0') s = '0' + s;
          break;
        case 16:
          s = '0' + digits[16] + s;
          break;
      }
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    this.padWithSpaces(s);
  }

  /** %c: the integer as a character; anything that is not a valid rune prints U+FFFD. */
  fmtC(c: bigint): void {
    let r = c > 0x10ffffn || c < 0n ? 0xfffd : Number(c);
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    this.pad(String.fromCodePoint(r));
  }

  /** %q of an integer: a quoted rune literal. */
  fmtQc(c: bigint): void {
    const r = c > 0x10ffffn || c < 0n ? 0xfffd : Number(c);
    this.pad(this.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  /** %U: U+hex; '#' adds the character when it is printable. */
  fmtUnicode(u: bigint): void {
    // Go formats the operand as a uint64: negative ints show their two's complement.
    u = BigInt.asUintN(64, u);
    let s = 'U+' + u.toString(16).toUpperCase().padStart(4, '0');
    if (this.precPresent && this.prec > 4) {
      s = 'U+' + u.toString(16).toUpperCase().padStart(Math.min(this.prec, MAX_PAD), '0');
    }
    if (this.sharp && u <= 0x10ffffn && !(u >= 0xd800n && u <= 0xdfffn)) {
      const r = Number(u);
      if (isPrint(r)) s += " '" + String.fromCodePoint(r) + "'";
    }
    this.padWithSpaces(s);
  }

  /** fmt.fmtFloat: strconv's digits, then the sign, '#' and zero-padding rules of fmt. */
  fmtFloat(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num: string;
    if (verb === 'b') num = formatFloatB(v);
    else if (verb === 'x' || verb === 'X') num = formatFloatHex(v, verb, prec);
    else num = formatFloat(v, verb as 'e' | 'E' | 'f' | 'g' | 'G', prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      // Infinities and NaN are never zero padded; NaN has no sign unless asked for.
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.padWithSpaces(num);
      return;
    }
    if (this.sharp && verb !== 'b') num = withSharpFloat(num, verb, prec);
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}

/** The '#' flag on a float: always a decimal point, and %g keeps its trailing zeros. */
function withSharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'g' || verb === 'G' || verb === 'x') {
    digits = prec;
    if (digits === -1) digits = 6;
  }
  let tail = '';
  let body = num;
  let hasDecimalPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    if (c === '.') {
      hasDecimalPoint = true;
    } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasDecimalPoint) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  while (digits > 0) {
    body += '0';
    digits--;
  }
  return body + tail;
}
