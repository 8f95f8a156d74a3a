// Go's fmt.Sprint / Sprintln / Sprintf over reflect-like values (RV). Follows fmt/print.go and
// fmt/format.go: flags, width and precision (counted in runes), %!verb(type=value) for bad
// verbs, %!v(MISSING), %!(EXTRA …), %!(NOVERB), %!(BADINDEX), %!(BADWIDTH), %!(BADPREC).
import { INVALID, indirectInterface, isFloatKind, isIntKind, isUintKind, isValid, sortedKeys, type RV } from '../values.ts';
import { fromBytes, toBytes } from '../utf8.ts';
import { formatFloat, formatFloatB, formatFloatHex } from './float.ts';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from './quote.ts';

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';

/** Hard cap on one formatted operand's width, so `%999999d` cannot exhaust memory. */
const MAX_PAD = 1_000_000;

class Printer {
  buf = '';
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  /** The operand being printed, for %!verb(type=value). */
  arg: RV = INVALID;

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

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

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

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** fmt.fmtInteger: u is the value (signed when isSigned). */
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
      if (negative || this.plus || this.space) prec--;
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
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtC(c: bigint): void {
    let r = c > 0x10ffffn || c < 0n ? 0xfffd : Number(c);
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd;
    this.pad(String.fromCodePoint(r));
  }

  fmtQc(c: bigint): void {
    const r = c > 0x10ffffn || c < 0n ? 0xfffd : Number(c);
    this.pad(quoteRune(r, this.plus));
  }

  fmtUnicode(u: bigint): void {
    // Go formats the operand as a uint64: negative ints show their two's complement.
    u = BigInt.asUintN(64, u);
    let s = 'U+' + u.toString(16).toUpperCase().padStart(4, '0');
    if (this.precPresent && this.prec > 4) {
      s = 'U+' + u.toString(16).toUpperCase().padStart(Math.min(this.prec, MAX_PAD), '0');
    }
    if (this.sharp && u <= 0x10ffffn && !(u >= 0xd800n && u <= 0xdfffn)) {
      const r = Number(u);
      if (isPrintRune(r)) s += " '" + String.fromCodePoint(r) + "'";
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtFloat(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num: string;
    if (verb === 'b') num = formatFloatB(v);
    else if (verb === 'x' || verb === 'X') num = formatFloatHex(v, verb, prec);
    else num = formatFloat(v, verb as 'e' | 'E' | 'f' | 'g' | 'G', prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
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
      num = body + tail;
    }
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

  badVerb(verb: string): void {
    this.buf += '%!' + verb + '(';
    if (isValid(this.arg)) {
      this.buf += this.arg.t.name + '=';
      this.printArg(this.arg, 'v');
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
  }

  /** printArg for an operand in an interface{} slot; nil interfaces arrive as INVALID. */
  printArg(a: RV, verb: string): void {
    a = indirectInterface(a);
    this.arg = a;
    if (!isValid(a)) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(a.t.name);
      return;
    }
    if (verb === 'p') {
      this.badVerb(verb);
      return;
    }
    this.printValue(a, verb, 0);
  }

  fmtIntegerVerb(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !isSigned) {
          this.sharp = true;
          this.fmtInteger(v, 16, false, 'v', LDIGITS);
          this.sharp = false;
        } else this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        return this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
      case 'b':
        return this.fmtInteger(v, 2, isSigned, verb, LDIGITS);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, isSigned, verb, LDIGITS);
      case 'x':
        return this.fmtInteger(v, 16, isSigned, verb, LDIGITS);
      case 'X':
        return this.fmtInteger(v, 16, isSigned, verb, UDIGITS);
      case 'c':
        return this.fmtC(v);
      case 'q':
        return this.fmtQc(v);
      case 'U':
        return this.fmtUnicode(v);
      default:
        return this.badVerb(verb);
    }
  }

  fmtFloatVerb(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloat(v, verb, 6);
      case 'F':
        return this.fmtFloat(v, 'f', 6);
      default:
        return this.badVerb(verb);
    }
  }

  fmtStringVerb(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        return this.fmtS(v);
      case 'x':
        return this.fmtSbx(toBytes(v), LDIGITS);
      case 'X':
        return this.fmtSbx(toBytes(v), UDIGITS);
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb);
    }
  }

  printValue(value: RV, verb: string, depth: number): void {
    if (depth > 0 && isValid(value) && value.t.kind !== 'interface') this.arg = value;
    const k = value.t.kind;
    switch (k) {
      case 'invalid':
        if (depth === 0) this.fmtS('<invalid reflect.Value>');
        else if (verb === 'v') this.fmtS('<nil>');
        else this.badVerb(verb);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.fmtBoolean(value.v as boolean);
        else this.badVerb(verb);
        return;
      case 'string':
        return this.fmtStringVerb(value.v as string, verb);
      case 'interface': {
        if (value.v === null) {
          if (this.sharpV) this.buf += value.t.name + '(nil)';
          else this.buf += '<nil>';
        } else this.printValue(value.v as RV, verb, depth + 1);
        return;
      }
      case 'map': {
        const m = value.v as Map<string, RV> | null;
        if (this.sharpV) {
          this.buf += value.t.name;
          if (m === null) {
            this.buf += '(nil)';
            return;
          }
          this.buf += '{';
        } else this.buf += 'map[';
        if (m !== null) {
          const keys = sortedKeys(m);
          keys.forEach((key, i) => {
            if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
            this.printValue({ t: value.t.key!, v: key }, verb, depth + 1);
            this.buf += ':';
            this.printValue(m.get(key)!, verb, depth + 1);
          });
        }
        this.buf += this.sharpV ? '}' : ']';
        return;
      }
      case 'slice': {
        const xs = value.v as RV[] | null;
        if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && value.t.elem!.kind === 'uint8') {
          const bytes = Uint8Array.from((xs ?? []).map((x) => Number(x.v as bigint)));
          this.fmtBytes(bytes, verb, value.t.name);
          return;
        }
        if (this.sharpV) {
          this.buf += value.t.name;
          if (xs === null) {
            this.buf += '(nil)';
            return;
          }
          this.buf += '{';
          xs.forEach((x, i) => {
            if (i > 0) this.buf += ', ';
            this.printValue(x, verb, depth + 1);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          (xs ?? []).forEach((x, i) => {
            if (i > 0) this.buf += ' ';
            this.printValue(x, verb, depth + 1);
          });
          this.buf += ']';
        }
        return;
      }
      case 'func':
        if (verb === 'v' || verb === 'p' || verb === 's') {
          // Go prints a func's address (0x…); nothing stable exists to mimic.
          this.buf += value.v === null ? '<nil>' : '0xfunc';
          return;
        }
        this.badVerb(verb);
        return;
      default:
        if (isIntKind(k)) return this.fmtIntegerVerb(value.v as bigint, true, verb);
        if (isUintKind(k)) return this.fmtIntegerVerb(value.v as bigint, false, verb);
        if (isFloatKind(k)) return this.fmtFloatVerb(value.v as number, verb);
        this.badVerb(verb);
    }
  }

  fmtBytes(b: Uint8Array, verb: string, typeString: string): void {
    switch (verb) {
      case 's':
        this.fmtS(fromBytes(b));
        return;
      case 'x':
        this.fmtSbx(b, LDIGITS);
        return;
      case 'X':
        this.fmtSbx(b, UDIGITS);
        return;
      case 'q':
        this.fmtQ(fromBytes(b));
        return;
      default:
        this.buf += typeString;
    }
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isPrintRune(r: number): boolean {
  return isPrint(r);
}

function isStringArg(a: RV): boolean {
  return indirectInterface(a).t.kind === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: RV[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((a, i) => {
    const isString = isStringArg(a);
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.clearFlags();
    p.printArg(a, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: RV[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.buf += ' ';
    p.clearFlags();
    p.printArg(a, 'v');
  });
  return p.buf + '\n';
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  if (start >= end) return { num: 0, isnum: false, newi: end };
  let num = 0;
  let isnum = false;
  let newi = start;
  for (; newi < end && s[newi]! >= '0' && s[newi]! <= '9'; newi++) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end };
    num = num * 10 + (s.charCodeAt(newi) - 48);
    isnum = true;
  }
  return { num, isnum, newi };
}

function intFromArg(a: RV[], argNum: number): { num: number; isInt: boolean; newArgNum: number } {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = indirectInterface(a[argNum]!);
    if (isIntKind(v.t.kind) || isUintKind(v.t.kind)) {
      const n = v.v as bigint;
      if (n >= -(2n ** 63n) && n < 2n ** 63n) {
        num = Number(n);
        isInt = true;
      }
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return { num, isInt, newArgNum };
}

/** fmt.Sprintf. */
export function sprintf(format: string, a: RV[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (argNum: number, i: number): { argNum: number; i: number; found: boolean } => {
    if (format.length <= i || format[i] !== '[') return { argNum, i, found: false };
    reordered = true;
    // parseArgNumber
    const sub = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (sub.length >= 3) {
      for (let j = 1; j < sub.length; j++) {
        if (sub[j] === ']') {
          const r = parsenum(sub, 1, j);
          if (!r.isnum || r.newi !== j) {
            index = 0;
            wid = j + 1;
            ok = false;
          } else {
            index = r.num - 1;
            wid = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < a.length) return { argNum: index, i: i + wid, found: true };
    goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  };

  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.clearFlags();
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#':
          p.sharp = true;
          break;
        case '0':
          p.zero = !p.minus;
          break;
        case '+':
          p.plus = true;
          break;
        case '-':
          p.minus = true;
          p.zero = false;
          break;
        case ' ':
          p.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < a.length) {
            if (c === 'v') {
              p.sharpV = p.sharp;
              p.sharp = false;
              p.plusV = p.plus;
              p.plus = false;
            }
            p.printArg(a[argNum]!, c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }

    let r = argNumber(argNum, i);
    argNum = r.argNum;
    i = r.i;
    afterIndex = r.found;

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(a, argNum);
      p.wid = w.num;
      p.widPresent = w.isInt;
      argNum = w.newArgNum;
      if (!p.widPresent) p.buf += '%!(BADWIDTH)';
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parsenum(format, i, end);
      p.wid = n.num;
      p.widPresent = n.isnum;
      i = n.newi;
      if (afterIndex && p.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(argNum, i);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg(a, argNum);
        p.prec = w.num;
        p.precPresent = w.isInt;
        argNum = w.newArgNum;
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const n = parsenum(format, i, end);
        p.prec = n.num;
        p.precPresent = n.isnum;
        i = n.newi;
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }

    if (!afterIndex) {
      r = argNumber(argNum, i);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
    }

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === '%') {
      p.buf += '%';
    } else if (!goodArgNum) {
      p.buf += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= a.length) {
      p.buf += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(a[argNum]!, verb);
      argNum++;
    }
  }

  if (!reordered && argNum < a.length) {
    p.clearFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, j) => {
      if (j > 0) p.buf += ', ';
      const d = indirectInterface(arg);
      if (!isValid(d)) p.buf += '<nil>';
      else {
        p.buf += d.t.name + '=';
        p.printArg(d, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
