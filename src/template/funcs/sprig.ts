// sprig v3.3.0's TxtFuncMap as Alloy links it (every name is defined, so parse-time checks pass for
// all of them). Functions people use in scrub templates are simulated with sprig's semantics;
// non-deterministic ones (clock, randomness, environment, DNS) return a placeholder and mark the
// execution non-deterministic; the rest (certificates, dates, semver, …) refuse to run with
// TemplateUnsupportedError so a caller reports "unknown" instead of guessing.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { compileRegex, quoteMeta } from '../../regex/index.ts';
import { sprintf } from '../fmt/print.ts';
import { GoCallError, stringFunc, type GoFunc } from '../func-spec.ts';
import { fromBytes, toBytes, byteLength } from '../utf8.ts';
import {
  INVALID,
  MapIface,
  MapString,
  SliceIface,
  SliceString,
  T,
  indirectInterface,
  isFloatKind,
  isIntKind,
  isUintKind,
  isValid,
  rv,
  type GoType,
  type RV,
} from '../values.ts';
import { hex, mustCompile } from './alloy.ts';
import * as gs from './gostrings.ts';
import { toJSON } from './json.ts';
import { listFuncs } from './sprig-lists.ts';

/** A function alloy-scrub does not simulate: the caller must report an unknown verdict. */
export class TemplateUnsupportedError extends Error {
  constructor(readonly functionName: string) {
    super(`template function ${functionName} is not simulated by alloy-scrub`);
    this.name = 'TemplateUnsupportedError';
  }
}

const S = T.string;
const I = T.iface;

function panicMsg(msg: string): never {
  throw new GoCallError(msg);
}

/** The Go text of a runtime slice-bounds panic on strings. */
function sliceBounds(s: string, start: number | null, end: number | null): string {
  const len = byteLength(s);
  if (start === null) {
    if (end! < 0) panicMsg(`runtime error: slice bounds out of range [:${end}]`);
    if (end! > len) panicMsg(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
    return fromBytes(toBytes(s).subarray(0, end!));
  }
  if (end === null) {
    if (start < 0 || start > len) panicMsg(`runtime error: slice bounds out of range [${start}:${len}]`);
    return fromBytes(toBytes(s).subarray(start));
  }
  if (end < 0 || end > len) panicMsg(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
  if (start < 0 || start > end) panicMsg(`runtime error: slice bounds out of range [${start}:${end}]`);
  return fromBytes(toBytes(s).subarray(start, end));
}

/** sprig's strval: strings as is, everything else through %v. */
export function strval(v: RV): string {
  v = indirectInterface(v);
  if (v.t.kind === 'string') return v.v as string;
  if (v.t.kind === 'slice' && v.t.elem === T.uint8) return fromBytes(Uint8Array.from(((v.v as RV[] | null) ?? []).map((x) => Number(x.v))));
  return sprintf('%v', [v]);
}

/** sprig's empty. */
export function empty(v: RV): boolean {
  v = indirectInterface(v);
  if (!isValid(v)) return true;
  const k = v.t.kind;
  switch (k) {
    case 'string':
      return (v.v as string).length === 0;
    case 'slice':
      return ((v.v as RV[] | null) ?? []).length === 0;
    case 'map':
      return ((v.v as Map<string, RV> | null) ?? new Map()).size === 0;
    case 'bool':
      return !(v.v as boolean);
    case 'struct':
      return false;
    default:
      if (isIntKind(k) || isUintKind(k)) return (v.v as bigint) === 0n;
      if (isFloatKind(k)) return (v.v as number) === 0;
      return v.v === null;
  }
}

/** sprig's strslice (toStrings, join). */
function strslice(v: RV): string[] {
  v = indirectInterface(v);
  if (v.t.kind === 'slice') {
    const xs = (v.v as RV[] | null) ?? [];
    const out: string[] = [];
    for (const x of xs) {
      const d = indirectInterface(x);
      if (v.t.elem!.kind === 'interface' && !isValid(d)) continue;
      out.push(strval(d));
    }
    return out;
  }
  if (!isValid(v)) return [];
  return [strval(v)];
}

/** spf13/cast ToInt64 as sprig uses it: numbers truncate, strings parse (base 0), errors give 0. */
export function castToInt64(v: RV): bigint {
  v = indirectInterface(v);
  const k = v.t.kind;
  if (isIntKind(k) || isUintKind(k)) return BigInt.asIntN(64, v.v as bigint);
  if (isFloatKind(k)) {
    const f = v.v as number;
    return Number.isFinite(f) ? BigInt.asIntN(64, BigInt(Math.trunc(f))) : -(2n ** 63n);
  }
  if (k === 'bool') return (v.v as boolean) ? 1n : 0n;
  if (k === 'string') {
    let s = v.v as string;
    const m = /^(.*\d)\.0*$/.exec(s);
    if (m && s.includes('.')) s = m[1]!;
    return parseGoIntBase0(s) ?? 0n;
  }
  return 0n;
}

function parseGoIntBase0(s: string): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return null;
  let body = m[2]!.replace(/_/g, '');
  if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
  try {
    const v = BigInt(body) * (m[1] === '-' ? -1n : 1n);
    return v >= -(2n ** 63n) && v < 2n ** 63n ? v : null;
  } catch {
    return null;
  }
}

function fn(params: GoType[], ret: GoType, call: (args: RV[]) => RV, variadic?: GoType): GoFunc {
  return variadic ? { params, ret, call, variadic } : { params, ret, call };
}

function unsupported(name: string, params: GoType[], ret: GoType, variadic?: GoType): GoFunc {
  const call = (): RV => {
    throw new TemplateUnsupportedError(name);
  };
  return { ...fn(params, ret, call, variadic), unsupported: true };
}

function nondeterministic(params: GoType[], ret: GoType, placeholder: (args: RV[]) => RV, variadic?: GoType): GoFunc {
  return { ...fn(params, ret, placeholder, variadic), nondeterministic: true };
}

function splitMap(parts: string[]): RV {
  const m = new Map<string, RV>();
  parts.forEach((p, i) => m.set('_' + i, rv.str(p)));
  return { t: MapString, v: m };
}

function kindName(v: RV): string {
  const k = v.t.kind;
  return k === 'interface' ? 'interface' : k;
}

function listArg(v: RV, what: string): RV[] {
  if (!isValid(v)) panicMsg('runtime error: invalid memory address or nil pointer dereference');
  if (v.t.kind !== 'slice') panicMsg(`Cannot find ${what} on type ${kindName(v)}`);
  return (v.v as RV[] | null) ?? [];
}

/** sprig's abbrev via goutils.Abbreviate (offset 0): keep width-3 bytes then "...". */
function abbrev(width: bigint, s: string): string {
  if (width < 4n) return s;
  const w = Number(width);
  const len = byteLength(s);
  if (len <= w) return s;
  return fromBytes(toBytes(s).subarray(0, w - 3)) + '...';
}

/** goutils.Initials: first rune of each whitespace-separated word. */
function initials(s: string): string {
  let out = '';
  let lastWasGap = true;
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    const gap = gs.isGoSpace(r);
    if (lastWasGap && !gap) out += ch;
    lastWasGap = gap;
  }
  return out;
}

/** goutils.DeleteWhiteSpace. */
function nospace(s: string): string {
  let out = '';
  for (const ch of s) if (!gs.isGoSpace(ch.codePointAt(0)!)) out += ch;
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * sprig's b64dec: Go's base64.StdEncoding.DecodeString, returning the error text on failure
 * ("illegal base64 data at input byte N", offsets as Go's decoder computes them).
 */
export function b64dec(s: string): string {
  const src = toBytes(s);
  const out: number[] = [];
  const err = (off: number): string => `illegal base64 data at input byte ${off}`;
  const isNL = (c: number | undefined): boolean => c === 10 || c === 13;
  let si = 0;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | null = null;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return fromBytes(Uint8Array.from(out));
        return err(si - j);
      }
      const c = src[si]!;
      si++;
      const v = c < 128 ? B64.indexOf(String.fromCharCode(c)) : -1;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== 61) return err(si - 1);
      if (j === 0 || j === 1) return err(si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return err(src.length);
        if (src[si] !== 61) return err(si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing !== null) return err(trailing);
    if (dlen < 4) return fromBytes(Uint8Array.from(out));
  }
}

/** The whole sprig map: name → Go function. */
export function sprigFuncs(): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  const set = (name: string, f: GoFunc): void => {
    m.set(name, f);
  };

  set('hello', fn([], S, () => rv.str('Hello!')));

  // Strings.
  set('abbrev', fn([T.int, S], S, ([w, s]) => rv.str(abbrev(w!.v as bigint, s!.v as string))));
  set('abbrevboth', unsupported('abbrevboth', [T.int, T.int, S], S));
  set('trunc', fn([T.int, S], S, ([c, s]) => {
    const n = Number(c!.v as bigint);
    const str = s!.v as string;
    const len = byteLength(str);
    if (n < 0 && len + n > 0) return rv.str(fromBytes(toBytes(str).subarray(len + n)));
    if (n >= 0 && len > n) return rv.str(fromBytes(toBytes(str).subarray(0, n)));
    return rv.str(str);
  }));
  set('trim', stringFunc(1, gs.trimSpace));
  set('upper', stringFunc(1, gs.toUpper));
  set('lower', stringFunc(1, gs.toLower));
  set('title', stringFunc(1, gs.title));
  set('untitle', unsupported('untitle', [S], S));
  set('substr', fn([T.int, T.int, S], S, ([a, b, s]) => {
    const start = Number(a!.v as bigint);
    const end = Number(b!.v as bigint);
    const str = s!.v as string;
    if (start < 0) return rv.str(sliceBounds(str, null, end));
    if (end < 0 || end > byteLength(str)) return rv.str(sliceBounds(str, start, null));
    return rv.str(sliceBounds(str, start, end));
  }));
  set('repeat', fn([T.int, S], S, ([c, s]) => {
    const n = c!.v as bigint;
    if (n < 0n) panicMsg('strings: negative Repeat count');
    const str = s!.v as string;
    if (BigInt(str.length) * n > 16n * 1024n * 1024n) throw new TemplateUnsupportedError('repeat (result too large to simulate)');
    return rv.str(str.repeat(Number(n)));
  }));
  set('trimall', stringFunc(2, (a, b) => gs.trim(b, a)));
  set('trimAll', stringFunc(2, (a, b) => gs.trim(b, a)));
  set('trimSuffix', stringFunc(2, (a, b) => gs.trimSuffix(b, a)));
  set('trimPrefix', stringFunc(2, (a, b) => gs.trimPrefix(b, a)));
  set('nospace', stringFunc(1, nospace));
  set('initials', stringFunc(1, initials));
  set('randAlphaNum', nondeterministic([T.int], S, ([c]) => rv.str('a'.repeat(Math.max(0, Math.min(Number(c!.v), 1 << 20))))));
  set('randAlpha', nondeterministic([T.int], S, ([c]) => rv.str('a'.repeat(Math.max(0, Math.min(Number(c!.v), 1 << 20))))));
  set('randAscii', nondeterministic([T.int], S, ([c]) => rv.str('a'.repeat(Math.max(0, Math.min(Number(c!.v), 1 << 20))))));
  set('randNumeric', nondeterministic([T.int], S, ([c]) => rv.str('0'.repeat(Math.max(0, Math.min(Number(c!.v), 1 << 20))))));
  set('swapcase', unsupported('swapcase', [S], S));
  set('shuffle', nondeterministic([S], S, ([s]) => s!));
  set('snakecase', unsupported('snakecase', [S], S));
  set('camelcase', unsupported('camelcase', [S], S));
  set('kebabcase', unsupported('kebabcase', [S], S));
  set('wrap', unsupported('wrap', [T.int, S], S));
  set('wrapWith', unsupported('wrapWith', [T.int, S, S], S));
  set('contains', fn([S, S], T.bool, ([a, b]) => rv.bool((b!.v as string).includes(a!.v as string))));
  set('hasPrefix', fn([S, S], T.bool, ([a, b]) => rv.bool((b!.v as string).startsWith(a!.v as string))));
  set('hasSuffix', fn([S, S], T.bool, ([a, b]) => rv.bool((b!.v as string).endsWith(a!.v as string))));
  set('quote', fn([], S, (args) => rv.str(args.filter(isValid).map((a) => sprintf('%q', [rv.str(strval(a))])).join(' ')), I));
  set('squote', fn([], S, (args) => rv.str(args.filter(isValid).map((a) => "'" + sprintf('%v', [a]) + "'").join(' ')), I));
  set('cat', fn([], S, (args) => {
    const vs = args.filter(isValid);
    return rv.str(sprintf(Array.from({ length: vs.length }, () => '%v').join(' '), vs));
  }, I));
  set('indent', fn([T.int, S], S, ([n, s]) => {
    const pad = ' '.repeat(Math.max(0, Math.min(Number(n!.v as bigint), 1 << 20)));
    if ((n!.v as bigint) < 0n) panicMsg('strings: negative Repeat count');
    return rv.str(pad + gs.replace(s!.v as string, '\n', '\n' + pad, -1));
  }));
  set('nindent', fn([T.int, S], S, ([n, s]) => {
    if ((n!.v as bigint) < 0n) panicMsg('strings: negative Repeat count');
    const pad = ' '.repeat(Math.min(Number(n!.v as bigint), 1 << 20));
    return rv.str('\n' + pad + gs.replace(s!.v as string, '\n', '\n' + pad, -1));
  }));
  set('replace', stringFunc(3, (o, n, s) => gs.replace(s, o, n, -1)));
  set('plural', fn([S, S, T.int], S, ([one, many, c]) => ((c!.v as bigint) === 1n ? one! : many!)));
  set('sha1sum', stringFunc(1, (s) => hex(sha1(toBytes(s)))));
  set('sha256sum', stringFunc(1, (s) => hex(sha256(toBytes(s)))));
  set('sha512sum', stringFunc(1, (s) => hex(sha512(toBytes(s)))));
  set('adler32sum', stringFunc(1, (s) => {
    let a = 1;
    let b = 0;
    for (const byte of toBytes(s)) {
      a = (a + byte) % 65521;
      b = (b + a) % 65521;
    }
    return String(((b << 16) | a) >>> 0);
  }));
  set('toString', fn([I], S, ([v]) => rv.str(strval(v!))));

  // Numbers.
  set('atoi', fn([S], T.int, ([s]) => {
    const m = /^[+-]?\d+$/.exec(s!.v as string);
    if (!m) return rv.int(0);
    const v = BigInt(s!.v as string);
    return rv.int(v >= -(2n ** 63n) && v < 2n ** 63n ? v : 0n);
  }));
  set('int64', fn([I], T.int64, ([v]) => rv.int64(castToInt64(v!))));
  set('int', fn([I], T.int, ([v]) => rv.int(castToInt64(v!))));
  set('float64', unsupported('float64', [I], T.float64));
  set('seq', unsupported('seq', [], S, T.int));
  set('toDecimal', unsupported('toDecimal', [I], T.int64));
  set('add1', fn([I], T.int64, ([v]) => rv.int64(BigInt.asIntN(64, castToInt64(v!) + 1n))));
  set('add', fn([], T.int64, (args) => rv.int64(BigInt.asIntN(64, args.reduce((a, b) => a + castToInt64(b), 0n))), I));
  set('sub', fn([I, I], T.int64, ([a, b]) => rv.int64(BigInt.asIntN(64, castToInt64(a!) - castToInt64(b!)))));
  set('div', fn([I, I], T.int64, ([a, b]) => {
    const d = castToInt64(b!);
    if (d === 0n) panicMsg('runtime error: integer divide by zero');
    return rv.int64(BigInt.asIntN(64, castToInt64(a!) / d));
  }));
  set('mod', fn([I, I], T.int64, ([a, b]) => {
    const d = castToInt64(b!);
    if (d === 0n) panicMsg('runtime error: integer divide by zero');
    return rv.int64(castToInt64(a!) % d);
  }));
  set('mul', fn([I], T.int64, ([a, ...rest]) => rv.int64(rest.reduce((x, y) => BigInt.asIntN(64, x * castToInt64(y)), castToInt64(a!))), I));
  set('randInt', nondeterministic([T.int, T.int], T.int, ([a]) => rv.int(a!.v as bigint)));
  for (const name of ['add1f', 'addf', 'subf', 'divf', 'mulf', 'maxf', 'minf']) set(name, unsupported(name, [], T.float64, I));
  for (const name of ['biggest', 'max', 'min']) set(name, unsupported(name, [I], T.int64, I));
  for (const name of ['ceil', 'floor']) set(name, unsupported(name, [I], T.float64));
  set('round', unsupported('round', [I, T.int], T.float64, T.float64));

  // Lists and strings-as-lists.
  set('split', fn([S, S], MapString, ([sep, s]) => splitMap(gs.split(s!.v as string, sep!.v as string))));
  set('splitList', fn([S, S], SliceString, ([sep, s]) => rv.strings(gs.split(s!.v as string, sep!.v as string))));
  set('splitn', fn([S, T.int, S], MapString, ([sep, n, s]) => splitMap(gs.split(s!.v as string, sep!.v as string, Number(n!.v as bigint)))));
  set('toStrings', fn([I], SliceString, ([v]) => rv.strings(strslice(v!))));
  set('until', unsupported('until', [T.int], SliceString));
  set('untilStep', unsupported('untilStep', [T.int, T.int, T.int], SliceString));
  set('join', fn([S, I], S, ([sep, v]) => rv.str(strslice(v!).join(sep!.v as string))));
  set('sortAlpha', unsupported('sortAlpha', [I], SliceString));
  set('tuple', fn([], SliceIface, (args) => rv.list(args), I));
  set('list', fn([], SliceIface, (args) => rv.list(args), I));
  set('first', fn([I], I, ([l]) => {
    const xs = listArg(l!, 'first');
    return xs.length === 0 ? INVALID : indirectInterface(xs[0]!);
  }));
  set('mustFirst', unsupported('mustFirst', [I], I));
  set('last', fn([I], I, ([l]) => {
    const xs = listArg(l!, 'last');
    return xs.length === 0 ? INVALID : indirectInterface(xs[xs.length - 1]!);
  }));
  set('mustLast', unsupported('mustLast', [I], I));
  set('has', fn([I, I], T.bool, ([needle, hay]) => {
    if (!isValid(hay!)) return rv.bool(false);
    if (hay!.t.kind !== 'slice') panicMsg(`Cannot find has on type ${kindName(hay!)}`);
    const xs = (hay!.v as RV[] | null) ?? [];
    return rv.bool(xs.some((x) => deepEqual(needle!, indirectInterface(x))));
  }));
  for (const name of ['rest', 'initial', 'reverse', 'uniq', 'compact', 'mustRest', 'mustInitial', 'mustReverse', 'mustUniq', 'mustCompact']) {
    set(name, unsupported(name, [I], I));
  }
  for (const name of ['without', 'mustWithout', 'append', 'push', 'mustAppend', 'mustPush', 'prepend', 'mustPrepend']) {
    set(name, unsupported(name, [I], I, I));
  }
  set('mustHas', unsupported('mustHas', [I, I], T.bool));
  // sprig's `slice` replaces text/template's builtin of the same name in Alloy.
  set('slice', unsupported('slice', [I], I, I));
  set('mustSlice', unsupported('mustSlice', [I], I, I));
  set('concat', unsupported('concat', [], I, I));
  set('chunk', unsupported('chunk', [T.int, I], I));
  set('mustChunk', unsupported('mustChunk', [T.int, I], I));

  // Defaults and flow.
  set('default', fn([I], I, ([d, ...given]) => (given.length === 0 || empty(given[0]!) ? d! : given[0]!), I));
  set('empty', fn([I], T.bool, ([v]) => rv.bool(empty(v!))));
  set('coalesce', fn([], I, (args) => args.find((a) => !empty(a)) ?? INVALID, I));
  set('all', fn([], T.bool, (args) => rv.bool(args.every((a) => !empty(a))), I));
  set('any', fn([], T.bool, (args) => rv.bool(args.some((a) => !empty(a))), I));
  set('ternary', fn([I, I, T.bool], I, ([a, b, c]) => ((c!.v as boolean) ? a! : b!)));
  set('fail', fn([S], S, ([msg]) => panicMsg(msg!.v as string)));
  set('toJson', fn([I], S, ([v]) => rv.str(toJSON(v!, false) ?? '')));
  set('mustToJson', fn([I], S, ([v]) => rv.str(toJSON(v!, false) ?? '')));
  set('toRawJson', fn([I], S, ([v]) => rv.str(toJSON(v!, true) ?? '')));
  set('mustToRawJson', fn([I], S, ([v]) => rv.str(toJSON(v!, true) ?? '')));
  for (const name of ['fromJson', 'mustFromJson', 'toPrettyJson', 'mustToPrettyJson', 'deepCopy', 'mustDeepCopy']) {
    set(name, unsupported(name, name.includes('From') || name === 'fromJson' ? [S] : [I], name.includes('Pretty') ? S : I));
  }
  set('typeOf', fn([I], S, ([v]) => rv.str(isValid(v!) ? v!.t.name : '<nil>')));
  set('typeIs', fn([S, I], T.bool, ([t, v]) => rv.bool((isValid(v!) ? v!.t.name : '<nil>') === t!.v)));
  set('typeIsLike', unsupported('typeIsLike', [S, I], T.bool));
  set('kindOf', fn([I], S, ([v]) => rv.str(isValid(v!) ? kindName(v!) : 'invalid')));
  set('kindIs', fn([S, I], T.bool, ([t, v]) => rv.bool((isValid(v!) ? kindName(v!) : 'invalid') === t!.v)));
  set('deepEqual', fn([I, I], T.bool, ([a, b]) => rv.bool(deepEqual(a!, b!))));

  // OS, network, time, crypto randomness: values differ from run to run (or host to host).
  set('env', nondeterministic([S], S, () => rv.str('')));
  set('expandenv', nondeterministic([S], S, ([s]) => s!));
  set('getHostByName', nondeterministic([S], S, () => rv.str('')));
  for (const name of ['ago', 'date', 'date_in_zone', 'dateInZone', 'date_modify', 'dateModify', 'must_date_modify', 'mustDateModify', 'mustToDate', 'now', 'toDate', 'unixEpoch', 'htmlDate', 'htmlDateInZone', 'duration', 'durationRound']) {
    set(name, { ...unsupported(name, [], I, I), nondeterministic: true });
  }
  set('uuidv4', nondeterministic([], S, () => rv.str('00000000-0000-4000-8000-000000000000')));
  set('randBytes', nondeterministic([T.int], S, () => rv.str('')));

  // Paths.
  for (const name of ['base', 'dir', 'clean', 'ext', 'osBase', 'osClean', 'osDir', 'osExt']) set(name, unsupported(name, [S], S));
  for (const name of ['isAbs', 'osIsAbs']) set(name, unsupported(name, [S], T.bool));

  // Encodings.
  set('b64enc', stringFunc(1, (s) => Buffer.from(toBytes(s)).toString('base64')));
  set('b64dec', stringFunc(1, b64dec));
  set('b32enc', unsupported('b32enc', [S], S));
  set('b32dec', unsupported('b32dec', [S], S));

  // Dictionaries.
  set('dict', fn([], MapIface, (args) => {
    const d = new Map<string, RV>();
    for (let i = 0; i < args.length; i += 2) {
      const key = strval(args[i]!);
      d.set(key, i + 1 >= args.length ? rv.box(rv.str('')) : rv.box(args[i + 1]!));
    }
    return { t: MapIface, v: d };
  }, I));
  for (const name of ['get', 'set', 'unset', 'hasKey', 'pluck', 'keys', 'pick', 'omit', 'merge', 'mergeOverwrite', 'mustMerge', 'mustMergeOverwrite', 'values', 'dig']) {
    set(name, unsupported(name, [], I, I));
  }

  // Crypto and certificates.
  for (const name of ['bcrypt', 'htpasswd', 'genPrivateKey', 'derivePassword', 'buildCustomCert', 'genCA', 'genCAWithKey', 'genSelfSignedCert', 'genSelfSignedCertWithKey', 'genSignedCert', 'genSignedCertWithKey', 'encryptAES', 'decryptAES']) {
    set(name, { ...unsupported(name, [], I, I), nondeterministic: name !== 'derivePassword' && name !== 'decryptAES' });
  }
  set('semver', unsupported('semver', [S], I));
  set('semverCompare', unsupported('semverCompare', [S, S], T.bool));

  // Regular expressions (Go regexp semantics through the project's regex layer).
  set('regexMatch', fn([S, S], T.bool, ([re, s]) => {
    try {
      return rv.bool(compileRegex(re!.v as string).matchString(s!.v as string));
    } catch (e) {
      if (e instanceof GoCallError || (e instanceof Error && e.name === 'RegexSyntaxError')) return rv.bool(false);
      throw e;
    }
  }));
  set('mustRegexMatch', fn([S, S], T.bool, ([re, s]) => rv.bool(compileOrError(re!.v as string).matchString(s!.v as string))));
  set('regexFindAll', fn([S, S, T.int], SliceString, ([re, s, n]) => rv.strings(findAll(mustCompile(re!.v as string), s!.v as string, n!.v as bigint))));
  set('mustRegexFindAll', fn([S, S, T.int], SliceString, ([re, s, n]) => rv.strings(findAll(compileOrError(re!.v as string), s!.v as string, n!.v as bigint))));
  set('regexFind', fn([S, S], S, ([re, s]) => rv.str(findString(mustCompile(re!.v as string), s!.v as string))));
  set('mustRegexFind', fn([S, S], S, ([re, s]) => rv.str(findString(compileOrError(re!.v as string), s!.v as string))));
  set('regexReplaceAll', fn([S, S, S], S, ([re, s, r]) => rv.str(mustCompile(re!.v as string).replaceAllString(s!.v as string, r!.v as string))));
  set('mustRegexReplaceAll', fn([S, S, S], S, ([re, s, r]) => rv.str(compileOrError(re!.v as string).replaceAllString(s!.v as string, r!.v as string))));
  set('regexReplaceAllLiteral', fn([S, S, S], S, ([re, s, r]) => rv.str(mustCompile(re!.v as string).replaceAllLiteralString(s!.v as string, r!.v as string))));
  set('mustRegexReplaceAllLiteral', fn([S, S, S], S, ([re, s, r]) => rv.str(compileOrError(re!.v as string).replaceAllLiteralString(s!.v as string, r!.v as string))));
  set('regexSplit', unsupported('regexSplit', [S, S, T.int], SliceString));
  set('mustRegexSplit', unsupported('mustRegexSplit', [S, S, T.int], SliceString));
  set('regexQuoteMeta', stringFunc(1, quoteMeta));

  // URLs.
  set('urlParse', unsupported('urlParse', [S], MapIface));
  set('urlJoin', unsupported('urlJoin', [MapIface], S));

  // Helpers written out in sprig-lists.ts override the placeholders above.
  for (const [name, f] of listFuncs({ empty, deepEqual, strslice, strval, toInt64: castToInt64, mustCompile, compileOrError })) m.set(name, f);
  return m;
}

/** regexp.Compile for the must* variants: the error is returned, not panicked. */
function compileOrError(pattern: string) {
  try {
    return compileRegex(pattern);
  } catch (e) {
    if (e instanceof Error && e.name === 'RegexSyntaxError') throw new GoCallError(e.message);
    throw e;
  }
}

function findAll(re: ReturnType<typeof compileRegex>, s: string, n: bigint): string[] {
  const limit = n < 0n ? -1 : Number(n > 1_000_000_000n ? 1_000_000_000n : n);
  return re.findAllStringIndex(s, limit).map(([a, b]) => s.slice(a, b));
}

function findString(re: ReturnType<typeof compileRegex>, s: string): string {
  const m = re.findStringIndex(s);
  return m ? s.slice(m[0], m[1]) : '';
}

/** reflect.DeepEqual over template values. */
export function deepEqual(a: RV, b: RV): boolean {
  a = indirectInterface(a);
  b = indirectInterface(b);
  if (!isValid(a) || !isValid(b)) return !isValid(a) && !isValid(b);
  if (a.t.name !== b.t.name) return false;
  switch (a.t.kind) {
    case 'slice': {
      const x = a.v as RV[] | null;
      const y = b.v as RV[] | null;
      if ((x === null) !== (y === null)) return false;
      if (x === null || y === null) return true;
      return x.length === y.length && x.every((e, i) => deepEqual(e, y[i]!));
    }
    case 'map': {
      const x = a.v as Map<string, RV> | null;
      const y = b.v as Map<string, RV> | null;
      if ((x === null) !== (y === null)) return false;
      if (x === null || y === null) return true;
      if (x.size !== y.size) return false;
      for (const [k, v] of x) {
        const w = y.get(k);
        if (w === undefined || !deepEqual(v, w)) return false;
      }
      return true;
    }
    case 'float32':
    case 'float64':
      return (a.v as number) === (b.v as number);
    default:
      return a.v === b.v;
  }
}
