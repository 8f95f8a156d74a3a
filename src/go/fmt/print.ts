// Go's fmt.Sprint, Sprintln and Sprintf (its print.go) over FmtValue: which verbs apply to which
// kinds, how maps and slices nest, and Go's in-band notes — %!verb(type=value) for a bad verb,
// %!v(MISSING), %!(EXTRA …), %!(NOVERB), %!(BADINDEX), %!(BADWIDTH), %!(BADPREC). The layout of
// each operand (flags, width, precision) is format.ts.
import { compareGo, fromBytes } from '../../template/utf8.ts';
import { Formatter, LDIGITS, UDIGITS } from './format.ts';
import { NO_VALUE, unboxed, type FmtValue } from './value.ts';

/**
 * Go would print a memory address (%p of a map or slice, a func's value): something that exists
 * only at run time, so a simulation cannot know it.
 */
export class AddressUnknown extends Error {
  constructor() {
    super('Go prints a memory address here');
    this.name = 'AddressUnknown';
  }
}

/** Sprintf's output grew past SprintfOptions.maxLength. */
export class OutputTooLarge extends Error {
  constructor(readonly maxLength: number) {
    super(`formatted output longer than ${maxLength} characters`);
    this.name = 'OutputTooLarge';
  }
}

export interface SprintfOptions {
  /** Stop with OutputTooLarge once the output passes this many UTF-16 units. */
  readonly maxLength?: number;
}

class Printer extends Formatter {
  /** The operand being printed, for %!verb(type=value). */
  arg: FmtValue = NO_VALUE;

  badVerb(verb: string): void {
    this.buf += '%!' + verb + '(';
    if (this.arg.kind !== 'invalid') {
      this.buf += this.arg.type + '=';
      this.printArg(this.arg, 'v');
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
  }

  /** printArg for an operand in an interface{} slot; a nil interface arrives as NO_VALUE. */
  printArg(a: FmtValue, verb: string): void {
    a = unboxed(a);
    this.arg = a;
    if (a.kind === 'invalid') {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(a.type);
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(a, verb);
      return;
    }
    this.printValue(a, verb, 0);
  }

  /** Go prints a map's, slice's or func's address; only a nil one's (zero) is knowable. */
  fmtPointer(value: FmtValue, verb: string): void {
    let isNil: boolean;
    switch (value.kind) {
      case 'map':
      case 'slice':
        isNil = value.v === null;
        break;
      case 'func':
        isNil = value.isNil;
        break;
      default:
        this.badVerb(verb);
        return;
    }
    if (!isNil) throw new AddressUnknown();
    switch (verb) {
      case 'v':
        if (this.sharpV) this.buf += '(' + value.type + ')(nil)';
        else this.pad('<nil>');
        return;
      case 'p': {
        const oldSharp = this.sharp;
        this.sharp = !oldSharp; // %p prints 0x0, %#p drops the 0x
        this.fmtInteger(0n, 16, false, 'v', LDIGITS);
        this.sharp = oldSharp;
        return;
      }
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtIntegerVerb(0n, false, verb);
        return;
      default:
        this.badVerb(verb);
    }
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
        return this.fmtSx(v, LDIGITS);
      case 'X':
        return this.fmtSx(v, UDIGITS);
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb);
    }
  }

  fmtBytes(b: Uint8Array, verb: string, typeString: string): void {
    switch (verb) {
      case 's':
        return this.fmtS(fromBytes(b));
      case 'x':
        return this.fmtSbx(b, LDIGITS);
      case 'X':
        return this.fmtSbx(b, UDIGITS);
      case 'q':
        return this.fmtQ(fromBytes(b));
      default:
        this.buf += typeString;
    }
  }

  printValue(value: FmtValue, verb: string, depth: number): void {
    if (depth > 0 && value.kind !== 'invalid' && value.kind !== 'interface') this.arg = value;
    switch (value.kind) {
      case 'invalid':
        if (depth === 0) this.fmtS('<invalid reflect.Value>');
        else if (verb === 'v') this.fmtS('<nil>');
        else this.badVerb(verb);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.fmtBoolean(value.v);
        else this.badVerb(verb);
        return;
      case 'int':
      case 'uint':
        return this.fmtIntegerVerb(value.v, value.kind === 'int', verb);
      case 'float':
        return this.fmtFloatVerb(value.v, verb);
      case 'string':
        return this.fmtStringVerb(value.v, verb);
      case 'interface':
        if (value.v === null) {
          if (this.sharpV) this.buf += value.type + '(nil)';
          else this.buf += '<nil>';
        } else this.printValue(value.v, verb, depth + 1);
        return;
      case 'map':
        return this.printMap(value, verb, depth);
      case 'slice':
        return this.printSlice(value, verb, depth);
      case 'func':
        return this.fmtPointer(value, verb);
    }
  }

  printMap(value: Extract<FmtValue, { kind: 'map' }>, verb: string, depth: number): void {
    const m = value.v;
    if (this.sharpV) {
      this.buf += value.type;
      if (m === null) {
        this.buf += '(nil)';
        return;
      }
      this.buf += '{';
    } else this.buf += 'map[';
    if (m !== null) {
      // fmt sorts the keys; Go compares strings bytewise.
      const keys = [...m.keys()].sort(compareGo);
      keys.forEach((key, i) => {
        if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
        this.printValue({ kind: 'string', type: 'string', v: key }, verb, depth + 1);
        this.buf += ':';
        this.printValue(m.get(key)!, verb, depth + 1);
      });
    }
    this.buf += this.sharpV ? '}' : ']';
  }

  printSlice(value: Extract<FmtValue, { kind: 'slice' }>, verb: string, depth: number): void {
    const xs = value.v;
    if (value.bytes && (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X')) {
      const bytes = Uint8Array.from((xs ?? []).map((x) => Number((x as { v: bigint }).v)));
      this.fmtBytes(bytes, verb, value.type);
      return;
    }
    if (this.sharpV) {
      this.buf += value.type;
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
  }
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly FmtValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((a, i) => {
    const isString = unboxed(a).kind === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.clearFlags();
    p.printArg(a, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: readonly FmtValue[]): string {
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

/** A decimal number at s[start:end]: its value, whether there was one, and where it stopped. */
function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  if (start >= end) return { num: 0, isnum: false, newi: end };
  let num = 0;
  let isnum = false;
  let newi = start;
  for (; newi < end && s[newi]! >= '0' && s[newi]! <= '9'; newi++) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end }; // overflow: a crazy long number
    num = num * 10 + (s.charCodeAt(newi) - 48);
    isnum = true;
  }
  return { num, isnum, newi };
}

/** The operand a `*` width or precision takes: an integer of sane size, or not an int at all. */
function intFromArg(a: readonly FmtValue[], argNum: number): { num: number; isInt: boolean; newArgNum: number } {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = unboxed(a[argNum]!);
    if ((v.kind === 'int' || v.kind === 'uint') && v.v >= -(2n ** 63n) && v.v < 2n ** 63n) {
      num = Number(v.v);
      isInt = true;
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
export function sprintf(format: string, a: readonly FmtValue[], options: SprintfOptions = {}): string {
  const maxLength = options.maxLength ?? Infinity;
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const printOperand = (verb: string): void => {
    p.printArg(a[argNum]!, verb);
    argNum++;
    if (p.buf.length > maxLength) throw new OutputTooLarge(maxLength);
  };

  let i = 0;

  /** An explicit argument index `[n]` at format[i]: steps past it and makes n-1 the next operand. */
  const takeArgIndex = (): void => {
    afterIndex = false;
    if (i >= end || format[i] !== '[') return;
    reordered = true;
    let index = 0;
    let wid = 1;
    let ok = false;
    if (end - i >= 3) {
      const close = format.indexOf(']', i + 1);
      if (close >= 0) {
        const r = parsenum(format, i + 1, close);
        wid = close - i + 1;
        ok = r.isnum && r.newi === close;
        index = ok ? r.num - 1 : 0;
      }
    }
    i += wid;
    if (ok && index >= 0 && index < a.length) {
      argNum = index;
      afterIndex = true;
      return;
    }
    goodArgNum = false;
    afterIndex = ok;
  };

  /** The operand a `*` at format[i] names as a width or precision. */
  const takeStar = (): { num: number; isInt: boolean } => {
    i++;
    const w = intFromArg(a, argNum);
    argNum = w.newArgNum;
    return w;
  };

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
          p.zero = !p.minus; // only allow zero padding to the left
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
          // Go's fast path: a lower-case verb right after the flags.
          if (c >= 'a' && c <= 'z' && argNum < a.length) {
            if (c === 'v') {
              p.sharpV = p.sharp;
              p.sharp = false;
              p.plusV = p.plus;
              p.plus = false;
            }
            printOperand(c);
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }

    takeArgIndex();

    if (i < end && format[i] === '*') {
      const w = takeStar();
      p.wid = w.num;
      p.widPresent = w.isInt;
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
      takeArgIndex();
      if (i < end && format[i] === '*') {
        const w = takeStar();
        p.prec = w.num;
        p.precPresent = w.isInt;
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

    if (!afterIndex) takeArgIndex();

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === '%') {
      p.buf += '%'; // a percent takes no operand and ignores width and precision
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
      printOperand(verb);
    }
  }

  if (!reordered && argNum < a.length) {
    p.clearFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, j) => {
      if (j > 0) p.buf += ', ';
      const d = unboxed(arg);
      if (d.kind === 'invalid') p.buf += '<nil>';
      else {
        p.buf += d.type + '=';
        p.printArg(d, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
