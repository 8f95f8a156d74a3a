// sprig's list, dict, path and number helpers that need more than a line: rest/initial/reverse/
// uniq/compact/sortAlpha/slice, keys/get/hasKey, until/untilStep, min/max/floor/ceil/float64,
// regexSplit, and Go's `path` package (base, dir, clean, ext, isAbs).
import { compileRegex } from '../../regex/index.ts';
import { GoCallError, type GoFunc } from '../func-spec.ts';
import { TemplateLimitError } from '../exec.ts';
import { compareGo } from '../utf8.ts';
import { INVALID, MapIface, SliceIface, SliceString, T, indirectInterface, isFloatKind, isIntKind, isUintKind, isValid, rv, sliceOf, sortedKeys, type RV } from '../values.ts';

const S = T.string;
const I = T.iface;
const SliceInt = sliceOf(T.int);

/** Bound on slices built by until/untilStep (Go would build them; we refuse to simulate huge ones). */
const MAX_ELEMENTS = 1_000_000;

function fail(msg: string): never {
  throw new GoCallError(msg);
}

const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

function kindOf(v: RV): string {
  return v.t.kind;
}

/** The elements of a slice argument, or Go's panic/error text for anything else. */
function elements(v: RV, err: (kind: string) => string): RV[] {
  if (!isValid(v)) fail(NIL_DEREF);
  if (v.t.kind !== 'slice') fail(err(kindOf(v)));
  return ((v.v as RV[] | null) ?? []).map(indirectInterface);
}

type Empty = (v: RV) => boolean;
type DeepEqual = (a: RV, b: RV) => boolean;
type StrSlice = (v: RV) => string[];
type StrVal = (v: RV) => string;
type ToInt64 = (v: RV) => bigint;

function fn(params: RV['t'][], ret: RV['t'], call: GoFunc['call'], variadic?: RV['t']): GoFunc {
  return variadic ? { params, ret, call, variadic } : { params, ret, call };
}

/** spf13/cast ToFloat64 as sprig uses it. */
export function castToFloat64(v: RV): number {
  v = indirectInterface(v);
  const k = v.t.kind;
  if (isFloatKind(k)) return v.v as number;
  if (isIntKind(k) || isUintKind(k)) return Number(v.v as bigint);
  if (k === 'bool') return (v.v as boolean) ? 1 : 0;
  if (k === 'string') {
    const s = v.v as string;
    if (!/^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i.test(s)) return 0;
    const n = Number(s.replace(/_/g, ''));
    return Number.isNaN(n) && !/nan/i.test(s) ? 0 : n;
  }
  return 0;
}

/** Go's path.Clean. */
export function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const parts = p.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

export function pathBase(p: string): string {
  if (p === '') return '.';
  while (p.length > 0 && p.endsWith('/')) p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

export function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return pathClean(p.slice(0, i + 1));
}

export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

/** Go's Regexp.Split. */
function regexSplit(pattern: string, s: string, n: bigint, compile: (p: string) => ReturnType<typeof compileRegex>): RV {
  // sprig compiles first (a bad pattern fails even when n is 0), then Split.
  const re = compile(pattern);
  if (n === 0n) return { t: SliceString, v: null };
  if (pattern.length > 0 && s.length === 0) return rv.strings(['']);
  const limit = n < 0n ? -1 : Number(n > 1_000_000_000n ? 1_000_000_000n : n);
  const matches = re.findAllStringIndex(s, limit);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const [a, b] of matches) {
    if (limit > 0 && out.length === limit - 1) break;
    end = a;
    if (b !== 0) out.push(s.slice(beg, end));
    beg = b;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return rv.strings(out);
}

export function listFuncs(h: { empty: Empty; deepEqual: DeepEqual; strslice: StrSlice; strval: StrVal; toInt64: ToInt64; mustCompile: (p: string) => ReturnType<typeof compileRegex>; compileOrError: (p: string) => ReturnType<typeof compileRegex> }): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  const listOp = (name: string, what: string, op: (xs: RV[]) => RV[] | null, emptyResult: 'nil' | 'list' = 'nil') => {
    const call = ([l]: RV[]): RV => {
      const xs = elements(l!, (k) => (what === 'compact' ? `Cannot compact on type ${k}` : `Cannot find ${what} on type ${k}`));
      if (xs.length === 0 && emptyResult === 'nil') return INVALID;
      const r = op(xs);
      return r === null ? INVALID : rv.list(r);
    };
    m.set(name, fn([I], I, call));
    m.set('must' + name[0]!.toUpperCase() + name.slice(1), fn([I], SliceIface, (args) => {
      const r = call(args);
      return isValid(r) ? r : { t: SliceIface, v: null };
    }));
  };
  listOp('rest', 'rest', (xs) => xs.slice(1));
  listOp('initial', 'initial', (xs) => xs.slice(0, -1));
  listOp('reverse', 'reverse', (xs) => [...xs].reverse(), 'list');
  listOp('compact', 'compact', (xs) => xs.filter((x) => !h.empty(x)), 'list');
  listOp('uniq', 'uniq', (xs) => {
    const out: RV[] = [];
    for (const x of xs) if (!out.some((y) => h.deepEqual(x, y))) out.push(x);
    return out;
  }, 'list');

  m.set('sortAlpha', fn([I], SliceString, ([l]) => {
    const v = indirectInterface(l!);
    if (v.t.kind !== 'slice') return rv.strings([h.strval(v)]);
    return rv.strings(h.strslice(v).sort(compareGo));
  }));

  const sliceCall = ([l, ...idx]: RV[]): RV => {
    const v = indirectInterface(l!);
    if (!isValid(v)) fail(NIL_DEREF);
    if (v.t.kind !== 'slice') fail(`list should be type of slice or array but ${kindOf(v)}`);
    const xs = (v.v as RV[] | null) ?? [];
    if (xs.length === 0) return INVALID;
    const start = idx.length > 0 ? Number(BigInt.asIntN(64, h.toInt64(idx[0]!))) : 0;
    const end = idx.length < 2 ? xs.length : Number(BigInt.asIntN(64, h.toInt64(idx[1]!)));
    if (start < 0 || end < start || end > xs.length) fail('reflect.Value.Slice: slice index out of bounds');
    return { t: v.t, v: xs.slice(start, end) };
  };
  m.set('slice', fn([I], I, sliceCall, I));
  m.set('mustSlice', fn([I], I, sliceCall, I));

  // Dictionaries. keys returns Go map iteration order, which is random: report it.
  m.set('keys', fn([], SliceString, (dicts, env) => {
    const out: string[] = [];
    for (const d of dicts) out.push(...sortedKeys((d.v as Map<string, RV> | null) ?? new Map()));
    if (out.length > 1) env.markNondeterministic('keys');
    return rv.strings(out);
  }, MapIface));
  m.set('get', fn([MapIface, S], I, ([d, k]) => ((d!.v as Map<string, RV> | null)?.get(k!.v as string) ?? rv.str(''))));
  m.set('hasKey', fn([MapIface, S], T.bool, ([d, k]) => rv.bool((d!.v as Map<string, RV> | null)?.has(k!.v as string) ?? false)));

  // Numbers.
  const untilStep = (start: bigint, stop: bigint, step: bigint): RV => {
    const out: RV[] = [];
    const push = (i: bigint) => {
      if (out.length >= MAX_ELEMENTS) throw new TemplateLimitError('until/untilStep result too large to simulate');
      out.push(rv.int(i));
    };
    if (stop < start) {
      if (step >= 0n) return { t: SliceInt, v: out };
      for (let i = start; i > stop; i += step) push(i);
      return { t: SliceInt, v: out };
    }
    if (step <= 0n) return { t: SliceInt, v: out };
    for (let i = start; i < stop; i += step) push(i);
    return { t: SliceInt, v: out };
  };
  m.set('until', fn([T.int], SliceInt, ([c]) => untilStep(0n, c!.v as bigint, (c!.v as bigint) < 0n ? -1n : 1n)));
  m.set('untilStep', fn([T.int, T.int, T.int], SliceInt, ([a, b, c]) => untilStep(a!.v as bigint, b!.v as bigint, c!.v as bigint)));
  const extreme = (pickBigger: boolean) =>
    fn([I], T.int64, ([a, ...rest]) => {
      let best = h.toInt64(a!);
      for (const b of rest) {
        const x = h.toInt64(b);
        if (pickBigger ? x > best : x < best) best = x;
      }
      return rv.int64(best);
    }, I);
  m.set('max', extreme(true));
  m.set('biggest', extreme(true));
  m.set('min', extreme(false));
  m.set('float64', fn([I], T.float64, ([v]) => rv.float(castToFloat64(v!))));
  m.set('floor', fn([I], T.float64, ([v]) => rv.float(Math.floor(castToFloat64(v!)))));
  m.set('ceil', fn([I], T.float64, ([v]) => rv.float(Math.ceil(castToFloat64(v!)))));

  // Regular expressions.
  m.set('regexSplit', fn([S, S, T.int], SliceString, ([re, s, n]) => regexSplit(re!.v as string, s!.v as string, n!.v as bigint, h.mustCompile)));
  m.set('mustRegexSplit', fn([S, S, T.int], SliceString, ([re, s, n]) => regexSplit(re!.v as string, s!.v as string, n!.v as bigint, h.compileOrError)));

  // Paths (Go's path package; Alloy on Linux makes the os* variants identical).
  for (const [name, f] of [['base', pathBase], ['dir', pathDir], ['clean', pathClean], ['ext', pathExt]] as const) {
    m.set(name, fn([S], S, ([p]) => rv.str(f(p!.v as string))));
    m.set('os' + name[0]!.toUpperCase() + name.slice(1), fn([S], S, ([p]) => rv.str(f(p!.v as string))));
  }
  m.set('isAbs', fn([S], T.bool, ([p]) => rv.bool((p!.v as string).startsWith('/'))));
  m.set('osIsAbs', fn([S], T.bool, ([p]) => rv.bool((p!.v as string).startsWith('/'))));

  return m;
}
