// Alloy numbers as Go holds them: an int64, a uint64 or a float64. The kind matters for fidelity:
// `7 / 2` is 3 (integer division) while `7.0 / 2` is 3.5, integers wrap around on overflow, and a
// literal such as `0755` is read as octal because Alloy parses integer literals with Go's
// strconv.ParseInt(lit, 0, 64). Integers are kept as BigInt so that no precision is lost.
import { formatFloat } from '../../go/strconv/format-float.ts';

export type NumberKind = 'uint' | 'int' | 'float';

export class GoNumber {
  private constructor(
    readonly kind: NumberKind,
    /** int and uint kinds: the exact integer (already wrapped to 64 bits). */
    private readonly big: bigint,
    /** float kind: the float64 value. */
    private readonly flt: number,
  ) {}

  static int(v: bigint): GoNumber {
    return new GoNumber('int', BigInt.asIntN(64, v), 0);
  }

  static uint(v: bigint): GoNumber {
    return new GoNumber('uint', BigInt.asUintN(64, v), 0);
  }

  static float(v: number): GoNumber {
    return new GoNumber('float', 0n, v);
  }

  /** Go's int64(x) conversion of this number. */
  asInt(): bigint {
    if (this.kind === 'float') return floatToInt64(this.flt);
    return BigInt.asIntN(64, this.big);
  }

  /** Go's uint64(x) conversion of this number. */
  asUint(): bigint {
    if (this.kind === 'float') return BigInt.asUintN(64, floatToInt64(this.flt));
    return BigInt.asUintN(64, this.big);
  }

  /** Go's float64(x) conversion of this number. */
  asFloat(): number {
    return this.kind === 'float' ? this.flt : Number(this.big);
  }

  /** The closest JavaScript number, for the public model. */
  toJS(): number {
    return this.asFloat();
  }

  /** strconv formatting as Alloy's Number.ToString does (used for number → string conversion). */
  toString(): string {
    if (this.kind !== 'float') return this.big.toString();
    return formatFloatF(this.flt);
  }
}

// Go's float → int64 conversion is implementation-defined out of range; amd64 yields MinInt64.
function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f)) return -(1n << 63n);
  const t = Math.trunc(f);
  if (t >= 2 ** 63 || t < -(2 ** 63)) return -(1n << 63n);
  return BigInt(t);
}

/** strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloatF(f: number): string {
  return formatFloat(f, 'f', -1);
}

function cmpKinds(a: NumberKind, b: NumberKind): NumberKind {
  const prec = { uint: 0, int: 1, float: 2 } as const;
  return prec[a] > prec[b] ? a : b;
}

/** The kind both operands are converted to before a binary operation (Go's fitNumberKinds). */
export function fitKinds(a: GoNumber, b: GoNumber): NumberKind {
  return cmpKinds(a.kind, b.kind);
}

function make(kind: NumberKind, big: bigint): GoNumber {
  return kind === 'int' ? GoNumber.int(big) : GoNumber.uint(big);
}

function operands(a: GoNumber, b: GoNumber, kind: 'int' | 'uint'): [bigint, bigint] {
  return kind === 'int' ? [a.asInt(), b.asInt()] : [a.asUint(), b.asUint()];
}

export function add(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(a.asFloat() + b.asFloat());
  const [x, y] = operands(a, b, k);
  return make(k, x + y);
}

export function sub(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(a.asFloat() - b.asFloat());
  const [x, y] = operands(a, b, k);
  return make(k, x - y);
}

export function mul(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(a.asFloat() * b.asFloat());
  const [x, y] = operands(a, b, k);
  return make(k, x * y);
}

/** True when `b` is zero in its own kind: Alloy checks this before dividing. */
export function isZero(b: GoNumber): boolean {
  return b.kind === 'float' ? b.asFloat() === 0 : b.asInt() === 0n;
}

/** Division; the caller has rejected a zero divisor. Integers truncate toward zero as in Go. */
export function div(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(a.asFloat() / b.asFloat());
  const [x, y] = operands(a, b, k);
  if (y === 0n) return make(k, 0n); // int(0.5) divisor: Go would panic; never reached in Alloy
  return make(k, x / y);
}

/** Remainder with the dividend's sign (Go's % and math.Mod). */
export function mod(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(a.asFloat() % b.asFloat());
  const [x, y] = operands(a, b, k);
  if (y === 0n) return make(k, 0n);
  return make(k, x % y);
}

/**
 * `^`. Integers follow Alloy's intPow exactly: m == 0 or n == 1 → 1; n == 0 and m > 0 → 0;
 * otherwise n multiplied by itself m-1 times with wrap-around (so a negative exponent gives n).
 * Computed by squaring, which wraps to the same 64-bit result.
 */
export function pow(a: GoNumber, b: GoNumber): GoNumber {
  const k = fitKinds(a, b);
  if (k === 'float') return GoNumber.float(goPow(a.asFloat(), b.asFloat()));
  const [n, m] = operands(a, b, k);
  const wrap = (v: bigint) => (k === 'int' ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v));
  if (m === 0n || n === 1n) return make(k, 1n);
  if (n === 0n && m > 0n) return make(k, 0n);
  if (m < 1n) return make(k, n);
  let result = 1n;
  let base = wrap(n);
  let e = m;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * base);
    base = wrap(base * base);
    e >>= 1n;
  }
  return make(k, result);
}

// math.Pow special cases where it differs from JavaScript's `**`.
function goPow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return x ** y;
}

export function compare(a: GoNumber, b: GoNumber): -1 | 0 | 1 {
  const k = fitKinds(a, b);
  if (k === 'float') {
    const x = a.asFloat();
    const y = b.asFloat();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [x, y] = operands(a, b, k);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Go's `==` after fitting kinds (NaN is never equal). */
export function numEqual(a: GoNumber, b: GoNumber): boolean {
  const k = fitKinds(a, b);
  if (k === 'float') return a.asFloat() === b.asFloat();
  const [x, y] = operands(a, b, k);
  return x === y;
}

/** Unary minus: integers (and uints) become int, as Alloy's UnaryOp does. */
export function negate(a: GoNumber): GoNumber {
  return a.kind === 'float' ? GoNumber.float(-a.asFloat()) : GoNumber.int(-a.asInt());
}

/**
 * A NUMBER literal as Alloy reads it: strconv.ParseInt(lit, 0, 64), then ParseUint, then
 * ParseFloat. Base 0 means a leading `0` selects octal, so `0755` is 493 and `08` (not octal) is
 * read as the float 8.
 */
export function parseNumberLiteral(lit: string): GoNumber | undefined {
  const INT_MAX = (1n << 63n) - 1n;
  const UINT_MAX = (1n << 64n) - 1n;
  let v: bigint | undefined;
  if (/^0[0-7]+$/.test(lit)) v = BigInt(`0o${lit.slice(1)}`);
  else if (/^(0|[1-9][0-9]*)$/.test(lit)) v = BigInt(lit);
  if (v !== undefined) {
    if (v <= INT_MAX) return GoNumber.int(v);
    if (v <= UINT_MAX) return GoNumber.uint(v);
  }
  return parseFloatLiteral(lit);
}

/** A FLOAT literal (strconv.ParseFloat): out-of-range values are an error in Go. */
export function parseFloatLiteral(lit: string): GoNumber | undefined {
  if (!/^[0-9]*\.?[0-9]*([eE][+-]?[0-9]+)?$/.test(lit) || !/[0-9]/.test(lit)) return undefined;
  const f = Number(lit);
  if (!Number.isFinite(f)) return undefined;
  return GoNumber.float(f);
}
