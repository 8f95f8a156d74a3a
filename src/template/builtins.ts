// Go text/template's predefined functions (and, or, not, len, index, slice, print, printf,
// println, html, js, urlquery, call, eq, ne, lt, le, gt, ge) with Go's semantics and error texts.
// `and`/`or` short-circuit inside the executor; their entries here only carry the signature.
import { GoCallError, type GoFunc } from './func-spec.ts';
import { sprint, sprintf, sprintln } from './fmt/print.ts';
import { fromBytes, toBytes, byteLength, isAscii } from './utf8.ts';
import { isPrint } from './unicode.ts';
import {
  INVALID,
  T,
  indirect,
  indirectInterface,
  isFloatKind,
  isIntKind,
  isTrue,
  isUintKind,
  isValid,
  rv,
  type RV,
} from './values.ts';

const V = T.reflectValue;

function fail(msg: string): never {
  throw new GoCallError(msg);
}

function truth(x: RV): boolean {
  return isTrue(indirectInterface(x), byteLength).truth;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'complex';

function basicKind(x: RV): BasicKind {
  const k = x.t.kind;
  if (k === 'bool') return 'bool';
  if (isIntKind(k)) return 'int';
  if (isUintKind(k)) return 'uint';
  if (isFloatKind(k)) return 'float';
  if (k === 'string') return 'string';
  return 'invalid';
}

function isNilValue(x: RV): boolean {
  if (!isValid(x)) return true;
  switch (x.t.kind) {
    case 'func':
    case 'interface':
    case 'map':
    case 'slice':
      return x.v === null;
  }
  return false;
}

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';
const errNoComparison = 'missing argument for comparison';

function eq(arg1: RV, ...arg2: RV[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) fail(errNoComparison);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') t = (arg1.v as bigint) >= 0n && (arg1.v as bigint) === (arg.v as bigint);
      else if (k1 === 'uint' && k2 === 'int') t = (arg.v as bigint) >= 0n && (arg1.v as bigint) === (arg.v as bigint);
      else if (isValid(arg1) && isValid(arg)) fail(errBadComparison);
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
        case 'int':
        case 'uint':
          t = arg1.v === arg.v;
          break;
        case 'float':
          t = (arg1.v as number) === (arg.v as number);
          break;
        default: {
          // Non-basic kinds: only nil-ness or identical comparable values compare.
          const sameKind = arg1.t.kind === arg.t.kind || !isValid(arg1) || !isValid(arg);
          if (!sameKind) {
            fail(`non-comparable types ${fmtS(arg1)}: ${arg1.t.name}, ${arg.t.name}: ${fmtV(arg)}`);
          }
          if (isNilValue(arg1) || isNilValue(arg)) {
            t = isNilValue(arg) === isNilValue(arg1);
          } else {
            // Slices, maps and funcs are not comparable in Go.
            fail(`non-comparable type ${fmtS(arg)}: ${arg.t.name}`);
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

function fmtS(x: RV): string {
  if (!isValid(x)) return '<invalid reflect.Value>';
  return sprintf('%s', [x]);
}

function fmtV(x: RV): string {
  if (!isValid(x)) return '<invalid reflect.Value>';
  return sprintf('%v', [x]);
}

function lt(arg1: RV, arg2: RV): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') fail(errBadComparisonType);
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') fail(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (arg1.v as bigint) < 0n || (arg1.v as bigint) < (arg2.v as bigint);
    if (k1 === 'uint' && k2 === 'int') return (arg2.v as bigint) >= 0n && (arg1.v as bigint) < (arg2.v as bigint);
    fail(errBadComparison);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      fail(errBadComparisonType);
    case 'string':
      return compareStrings(arg1.v as string, arg2.v as string) < 0;
    default:
      return (arg1.v as number | bigint) < (arg2.v as number | bigint);
  }
}

function compareStrings(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = toBytes(a);
  const y = toBytes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function le(a: RV, b: RV): boolean {
  return lt(a, b) || eq(a, b);
}

/** Go's indexArg: an integer index within [0, cap]. */
function indexArg(index: RV, cap: number): number {
  const k = index.t.kind;
  let x: bigint;
  if (isIntKind(k) || isUintKind(k)) x = index.v as bigint;
  else if (k === 'invalid') fail('cannot index slice/array with nil');
  else fail(`cannot index slice/array with type ${index.t.name}`);
  if (x < 0n || x > BigInt(cap)) fail(`index out of range: ${x}`);
  return Number(x);
}

function index(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (!isValid(item)) fail('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    const ind = indirect(item);
    if (ind.isNil) fail('index of nil pointer');
    item = ind.v;
    switch (item.t.kind) {
      case 'string': {
        const bytes = toBytes(item.v as string);
        const x = indexArg(idx, bytes.length);
        if (x === bytes.length) fail(`reflect: string index out of range`);
        item = { t: T.uint8, v: BigInt(bytes[x]!) };
        break;
      }
      case 'slice': {
        const xs = (item.v as RV[] | null) ?? [];
        const x = indexArg(idx, xs.length);
        if (x === xs.length) fail(`reflect: slice index out of range`);
        item = xs[x]!;
        break;
      }
      case 'map': {
        // prepareArg: the key must be assignable (or int-convertible) to string.
        if (!isValid(idx)) fail(`value is nil; should be of type ${item.t.key!.name}`);
        if (idx.t.kind !== 'string') fail(`value has type ${idx.t.name}; should be ${item.t.key!.name}`);
        const m = item.v as Map<string, RV> | null;
        const got = m?.get(idx.v as string);
        item = got ?? zeroValue(item.t.elem!);
        break;
      }
      default:
        fail(`can't index item of type ${item.t.name}`);
    }
  }
  return item;
}

function zeroValue(t: RV['t']): RV {
  switch (t.kind) {
    case 'string':
      return rv.str('');
    case 'bool':
      return rv.bool(false);
    case 'interface':
      return { t, v: null };
    case 'float32':
    case 'float64':
      return { t, v: 0 };
    case 'slice':
    case 'map':
      return { t, v: null };
    default:
      if (isIntKind(t.kind) || isUintKind(t.kind)) return { t, v: 0n };
      return INVALID;
  }
}

function slice(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (!isValid(item)) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  const k = item.t.kind;
  if (k === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    len = cap = byteLength(item.v as string);
  } else if (k === 'slice') {
    len = cap = ((item.v as RV[] | null) ?? []).length;
  } else {
    fail(`can't slice item of type ${item.t.name}`);
  }
  const idx = [0, len, 0];
  // Unlike index, Go's slice does not look inside interface values of its indexes.
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  if (idx[0]! > idx[1]!) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') {
    return { t: item.t, v: fromBytes(toBytes(item.v as string).subarray(idx[0], idx[1])) };
  }
  const xs = (item.v as RV[] | null) ?? [];
  return { t: item.t, v: xs.slice(idx[0], idx[1]) };
}

function length(item: RV): RV {
  // Go's error path calls item.Type() on the zero Value, which panics with this text.
  if (!isValid(item)) fail('reflect: call of reflect.Value.Type on zero Value');
  const ind = indirect(item);
  if (ind.isNil) fail('len of nil pointer');
  const x = ind.v;
  switch (x.t.kind) {
    case 'string':
      return rv.int(byteLength(x.v as string));
    case 'slice':
      return rv.int(((x.v as RV[] | null) ?? []).length);
    case 'map':
      return rv.int(((x.v as Map<string, RV> | null) ?? new Map()).size);
  }
  fail(`len of type ${x.t.name}`);
}

/** text/template's evalArgs for html/js/urlquery: one string as is, else fmt.Sprint. */
function evalArgs(args: RV[]): string {
  if (args.length === 1 && args[0]!.t.kind === 'string') return args[0]!.v as string;
  // printableValue turns a nil operand into the string "<no value>" before fmt.Sprint sees it.
  return sprint(args.map((a) => (isValid(a) ? a : rv.str('<no value>'))));
}

export function htmlEscapeString(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '\0':
        out += '\uFFFD';
        break;
      case '"':
        out += '&#34;';
        break;
      case "'":
        out += '&#39;';
        break;
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}


export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      switch (ch) {
        case '\\':
          out += '\\\\';
          continue;
        case "'":
          out += "\\'";
          continue;
        case '"':
          out += '\\"';
          continue;
        case '<':
          out += '\\u003C';
          continue;
        case '>':
          out += '\\u003E';
          continue;
        case '&':
          out += '\\u0026';
          continue;
        case '=':
          out += '\\u003D';
          continue;
      }
      if (c < 0x20) {
        out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
        continue;
      }
      out += ch;
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      // Invalid byte: Go decodes RuneError (not printable? U+FFFD is printable) and copies the byte.
      out += ch;
      continue;
    }
    if (isPrint(c)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of toBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function call(fn: RV, ..._args: RV[]): RV {
  fn = indirectInterface(fn);
  if (!isValid(fn)) fail('call of nil');
  if (fn.t.kind !== 'func') fail(`non-function of type ${fn.t.name}`);
  // Template data from Alloy never contains Go functions, so nothing reaches this point.
  fail('calling function values is not simulated');
}

function sig(params: RV['t'][], ret: RV['t'], callFn: (args: RV[]) => RV, variadic?: RV['t']): GoFunc {
  return variadic ? { params, variadic, ret, call: callFn } : { params, ret, call: callFn };
}

/** Go's builtins() map. */
export function builtinFuncs(): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  m.set('and', sig([V], V, () => INVALID, V));
  m.set('or', sig([V], V, () => INVALID, V));
  m.set('not', sig([V], T.bool, ([a]) => rv.bool(!truth(a!))));
  m.set('len', sig([V], T.int, ([a]) => length(a!)));
  m.set('index', sig([V], V, ([a, ...rest]) => index(a!, ...rest), V));
  m.set('slice', sig([V], V, ([a, ...rest]) => slice(a!, ...rest), V));
  m.set('print', sig([], T.string, (args) => rv.str(sprint(args)), T.iface));
  m.set('printf', sig([T.string], T.string, ([f, ...rest]) => rv.str(sprintf(f!.v as string, rest)), T.iface));
  m.set('println', sig([], T.string, (args) => rv.str(sprintln(args)), T.iface));
  m.set('html', sig([], T.string, (args) => rv.str(htmlEscapeString(evalArgs(args))), T.iface));
  m.set('js', sig([], T.string, (args) => rv.str(jsEscapeString(evalArgs(args))), T.iface));
  m.set('urlquery', sig([], T.string, (args) => rv.str(queryEscape(evalArgs(args))), T.iface));
  m.set('call', sig([V], V, ([f, ...rest]) => call(f!, ...rest), V));
  m.set('eq', sig([V], T.bool, ([a, ...rest]) => rv.bool(eq(a!, ...rest)), V));
  m.set('ne', sig([V, V], T.bool, ([a, b]) => rv.bool(!eq(a!, b!))));
  m.set('lt', sig([V, V], T.bool, ([a, b]) => rv.bool(lt(a!, b!))));
  m.set('le', sig([V, V], T.bool, ([a, b]) => rv.bool(le(a!, b!))));
  m.set('gt', sig([V, V], T.bool, ([a, b]) => rv.bool(!le(a!, b!))));
  m.set('ge', sig([V, V], T.bool, ([a, b]) => rv.bool(!lt(a!, b!))));
  return m;
}
