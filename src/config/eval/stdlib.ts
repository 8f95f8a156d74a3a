// Alloy's standard library (syntax/internal/stdlib), as far as static evaluation can go.
// Arguments are converted the way Alloy's decoder converts them into Go parameters: null becomes
// the zero value, a number given for a string becomes its decimal text, a secret is never a
// string. Functions that exist in Alloy but are not simulated here (json_path, array.combine_maps,
// array.group_by) return an unknown value, as do functions that read machine state
// (constants.hostname unless supplied).

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { GoNumber } from './number.ts';
import { type GoArg, UnsupportedFormat, goSprintf } from './gofmt.ts';
import { fromJSON, toJSON } from './json.ts';
import { MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, TOO_LARGE } from './limits.ts';
import {
  type CallSite,
  type FnVal,
  type ObjVal,
  type Val,
  isObjVal,
  isSecretVal,
  isUnknownVal,
  objVal,
  typeOf,
  unknown,
} from './values.ts';

export interface StdlibOptions {
  /** Environment variable lookup; a missing variable reads as "" as in Go's os.Getenv. */
  env: (name: string) => string | undefined;
  /** Values for `constants.*`; any constant not given is unknown (it differs per machine). */
  constants: ReadonlyMap<string, string>;
}

/** True when `v` is unknown or holds an unknown anywhere inside. */
export function containsUnknown(v: Val): boolean {
  if (isUnknownVal(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isObjVal(v)) return [...v.fields.values()].some(containsUnknown);
  if (isSecretVal(v)) return typeof v.value !== 'string';
  return false;
}

function firstUnknownDeep(v: Val): Val | undefined {
  if (isUnknownVal(v)) return v;
  if (isSecretVal(v) && typeof v.value !== 'string') return v.value;
  if (Array.isArray(v)) {
    for (const e of v) {
      const u = firstUnknownDeep(e);
      if (u) return u;
    }
  }
  if (isObjVal(v)) {
    for (const e of v.fields.values()) {
      const u = firstUnknownDeep(e);
      if (u) return u;
    }
  }
  return undefined;
}

/** Objects that are stdlib namespaces: a missing member is an unknown function, not an error. */
export const STDLIB_NAMESPACES = new WeakSet<ObjVal>();

type Impl = (args: Val[], site: CallSite) => Val;

interface FnOpts {
  /** Exact argument count, or the minimum for a variadic function. */
  arity: number;
  variadic?: boolean;
  /** Raw functions see unknown arguments themselves (array.concat keeps partial arrays). */
  raw?: boolean;
}

function fn(name: string, opts: FnOpts, impl: Impl): FnVal {
  return {
    kind: 'function',
    name,
    call(args: Val[], site: CallSite): Val {
      if (!opts.raw) {
        for (const a of args) {
          const u = firstUnknownDeep(a);
          if (u) return u;
        }
        if (opts.variadic && args.length < opts.arity) site.fail(`expected at least ${opts.arity} args, got ${args.length}`);
        if (!opts.variadic && args.length !== opts.arity) site.fail(`expected ${opts.arity} args, got ${args.length}`);
      }
      return bounded(impl(args, site), site);
    },
  };
}

/** A result past the evaluator's bounds becomes unknown rather than a huge allocation. */
function bounded(v: Val, site: CallSite): Val {
  if (typeof v === 'string' && v.length > MAX_STRING_LENGTH) return unknown(TOO_LARGE, site.range);
  if (Array.isArray(v) && v.length > MAX_ARRAY_LENGTH) return unknown(TOO_LARGE, site.range);
  return v;
}

function notSimulated(name: string): FnVal {
  return {
    kind: 'function',
    name,
    call: (_args, site) => unknown(`${name} is not simulated by alloy-scrub`, site.range),
  };
}

/** Decodes an argument into a Go string parameter. */
function str(args: Val[], i: number, site: CallSite): string {
  const v = args[i]!;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof GoNumber) return v.toString();
  if (isSecretVal(v)) site.fail('secrets may not be converted into strings', i);
  site.fail(`should be string, got ${typeOf(v)}`, i);
}

/** Decodes an argument into a Go []string parameter. */
function strList(args: Val[], i: number, site: CallSite): string[] {
  const v = args[i]!;
  if (v === null) return [];
  if (!Array.isArray(v)) site.fail(`should be array, got ${typeOf(v)}`, i);
  return v.map((e, j) => {
    if (e === null) return '';
    if (typeof e === 'string') return e;
    if (e instanceof GoNumber) return e.toString();
    return site.fail(`should be string, got ${typeOf(e)}`, i, j);
  });
}

/** Go's unicode.IsSpace. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

function trimFunc(s: string, drop: (cp: number) => boolean, left: boolean, right: boolean): string {
  const cps = [...s];
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && drop(cps[a]!.codePointAt(0)!)) a++;
  if (right) while (b > a && drop(cps[b - 1]!.codePointAt(0)!)) b--;
  return cps.slice(a, b).join('');
}

// Go's unicode.ToLower/ToUpper map one rune to one rune; JavaScript's case mappings can expand
// (ß → SS) or depend on context (final sigma), so map rune by rune and keep expansions out.
// Where JavaScript's full mapping expands, Unicode's simple mapping (which Go uses) is a single
// rune: İ lowers to i, and Greek letters with ypogegrammeni upper to their titlecase forms.
// Remaining differences come from Unicode versions (Node's tables may be newer than Alloy's Go).
const SIMPLE_LOWER = new Map<number, number>([[0x130, 0x69]]);
const SIMPLE_UPPER = new Map<number, number>([
  ...Array.from({ length: 8 }, (_, i) => [0x1f80 + i, 0x1f88 + i] as [number, number]),
  ...Array.from({ length: 8 }, (_, i) => [0x1f90 + i, 0x1f98 + i] as [number, number]),
  ...Array.from({ length: 8 }, (_, i) => [0x1fa0 + i, 0x1fa8 + i] as [number, number]),
  [0x1fb3, 0x1fbc],
  [0x1fc3, 0x1fcc],
  [0x1ff3, 0x1ffc],
]);
function mapCase(s: string, upper: boolean): string {
  let out = '';
  const simple = upper ? SIMPLE_UPPER : SIMPLE_LOWER;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const mapped = simple.get(cp);
    if (mapped !== undefined) {
      out += String.fromCodePoint(mapped);
      continue;
    }
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

/** strings.ReplaceAll; an empty `old` inserts `new` at every rune boundary, as Go does. */
function replaceAll(s: string, old: string, rep: string): string | undefined {
  // Check the size before building: n matches each grow the string by rep.length - old.length.
  const n = old === '' ? [...s].length + 1 : s.split(old).length - 1;
  if (s.length + n * Math.max(0, rep.length - old.length) > MAX_STRING_LENGTH) return undefined;
  if (old === '') return rep + [...s].join(rep) + (s === '' ? '' : rep);
  return s.split(old).join(rep);
}

/** strings.Split; an empty separator splits into runes. */
function split(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

/** filepath.Join on Unix: join non-empty elements with '/' and Clean the result. */
export function pathJoin(elems: string[]): string {
  const parts = elems.filter((e) => e !== '');
  if (parts.length === 0) return '';
  return cleanPath(parts.join('/'));
}

/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

function bytesToString(b: Uint8Array): string {
  // ignoreBOM: a leading U+FEFF is data in Go, not a byte order mark to strip.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
}

function base64Decode(s: string, url: boolean, site: CallSite): string {
  const alphabet = url ? /^[A-Za-z0-9\-_]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  // Go's StdEncoding requires padding and rejects stray characters (newlines are skipped).
  const clean = s.replace(/[\r\n]/g, '');
  if (!alphabet.test(clean) || clean.length % 4 !== 0) {
    site.fail(`illegal base64 data at input byte ${firstBadBase64(clean, url)}`);
  }
  return bytesToString(Buffer.from(clean, url ? 'base64url' : 'base64'));
}

function firstBadBase64(s: string, url: boolean): number {
  const ok = url ? /[A-Za-z0-9\-_]/ : /[A-Za-z0-9+/]/;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=') return s.length % 4 === 0 ? i : Math.max(0, s.length - (s.length % 4));
    if (!ok.test(s[i]!)) return i;
  }
  return s.length - (s.length % 4);
}

/** url.QueryEscape: unreserved bytes stay, space becomes '+', the rest %XX. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function queryUnescape(s: string, site: CallSite): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        const bad = s.slice(i, i + 3);
        site.fail(`invalid URL escape ${JSON.stringify(bad)}`);
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...enc.encode(c));
  }
  return bytesToString(Uint8Array.from(bytes));
}

/** An Alloy value as Go's fmt sees it after decoding into `any`. */
export function toGoArg(v: Val): GoArg | undefined {
  if (v === null) return { t: 'nil' };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof GoNumber) {
    if (v.kind === 'float') return { t: 'float64', v: v.asFloat() };
    if (v.kind === 'uint' && v.asUint() > (1n << 63n) - 1n) return { t: 'int', v: v.asUint(), type: 'uint64' };
    return { t: 'int', v: v.asInt(), type: 'int' };
  }
  if (Array.isArray(v)) {
    const out: GoArg[] = [];
    for (const e of v) {
      const g = toGoArg(e);
      if (!g) return undefined;
      out.push(g);
    }
    return { t: 'slice', v: out };
  }
  if (isObjVal(v)) {
    const m = new Map<string, GoArg>();
    for (const [k, e] of v.fields) {
      const g = toGoArg(e);
      if (!g) return undefined;
      m.set(k, g);
    }
    return { t: 'map', v: m };
  }
  return undefined; // capsules, secrets, functions print Go internals: not simulated
}

function format(name: string): FnVal {
  return fn(name, { arity: 1, variadic: true }, (args, site) => {
    const f = str(args, 0, site);
    const goArgs: GoArg[] = [];
    for (const a of args.slice(1)) {
      const g = toGoArg(a);
      if (!g) return unknown(`${name} of a ${typeOf(a)} value is not simulated`, site.range);
      goArgs.push(g);
    }
    try {
      return goSprintf(f, goArgs);
    } catch (err) {
      if (err instanceof UnsupportedFormat) return unknown(`${name}: ${err.message}`, site.range);
      throw err;
    }
  });
}

function concat(name: string): FnVal {
  return fn(name, { arity: 0, raw: true }, (args, site) => {
    for (const a of args) if (isUnknownVal(a)) return a;
    args.forEach((a, i) => {
      if (!Array.isArray(a)) site.fail(`should be array, got ${typeOf(a)}`, i);
    });
    const total = (args as Val[][]).reduce((n, a) => n + a.length, 0);
    if (total > MAX_ARRAY_LENGTH) return unknown(TOO_LARGE, site.range);
    return (args as Val[][]).flat(1);
  });
}

/** coalesce: the first argument that is not null and not a zero value (empty string, 0, false, []…). */
const coalesce = fn('coalesce', { arity: 0, raw: true }, (args) => {
  if (args.length === 0) return null;
  for (const a of args) {
    if (containsUnknown(a)) return firstUnknownDeep(a)!;
    if (a === null) continue;
    if (a === '' || a === false) continue;
    // reflect.Value.IsZero: -0.0 is not the zero float.
    if (a instanceof GoNumber && (a.kind === 'float' ? Object.is(a.asFloat(), 0) : a.asInt() === 0n)) continue;
    if (Array.isArray(a) && a.length === 0) continue;
    if (isObjVal(a) && a.fields.size === 0) continue;
    return a;
  }
  return args[args.length - 1]!;
});

function nonsensitive(name: string): FnVal {
  return fn(name, { arity: 1 }, (args, site) => {
    const v = args[0]!;
    if (v === null) return '';
    if (typeof v === 'string') return v;
    if (isSecretVal(v)) return typeof v.value === 'string' ? v.value : v.value;
    return site.fail(`should be capsule, got ${typeOf(v)}`, 0);
  });
}

function jsonDecode(name: string): FnVal {
  return fn(name, { arity: 1 }, (args, site) => {
    const r = fromJSON(str(args, 0, site));
    if (!r.ok) return site.fail(r.error);
    return r.value;
  });
}

function yamlDecode(name: string): FnVal {
  return fn(name, { arity: 1 }, (args, site) => {
    const text = str(args, 0, site);
    let doc: ReturnType<typeof parseDocument>;
    try {
      doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: true });
    } catch (err) {
      return site.fail(`yaml: ${(err as Error).message.split('\n')[0]}`);
    }
    if (doc.errors.length > 0) return site.fail(`yaml: ${doc.errors[0]!.message.split('\n')[0]}`);
    return fromYamlNode(doc.contents, site);
  });
}

/**
 * YAML as gopkg.in/yaml.v3 decodes it into `any`: plain scalars that Go's strconv.ParseInt
 * (base 0, underscores removed) accepts are ints — so `0755` is octal and `0b101` binary, unlike
 * YAML 1.2 — and mappings need string keys. Timestamps (time.Time in Go) are not simulated.
 */
function fromYamlNode(node: unknown, site: CallSite): Val {
  if (node === null || node === undefined) return null;
  if (isMap(node)) {
    const fields: Array<[string, Val]> = [];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string') return unknown('a YAML mapping with non-string keys is not simulated', site.range);
      fields.push([key, fromYamlNode(pair.value, site)]);
    }
    return objVal(fields);
  }
  if (isSeq(node)) return node.items.map((x) => fromYamlNode(x, site));
  if (isScalar(node)) {
    if (node.type === 'PLAIN' && typeof node.source === 'string') {
      const plain = node.source.replace(/_/g, '');
      const int = goParseIntBase0(plain);
      if (int !== undefined) return int;
      if (/^\d{4}-\d\d?-\d\d?/.test(plain)) return unknown('YAML timestamps are not simulated', site.range);
    }
    const v = node.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return GoNumber.int(v);
    if (typeof v === 'number') return GoNumber.float(v);
  }
  return unknown('a YAML value of this kind is not simulated', site.range);
}

/** strconv.ParseInt(s, 0, 64), then ParseUint: decimal, 0x, 0o, 0b and leading-zero octal. */
function goParseIntBase0(s: string): GoNumber | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  let v: bigint;
  if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body.toLowerCase().replace(/^0o/, '0o'));
  if (m[1] === '-') v = -v;
  if (v >= -(1n << 63n) && v < 1n << 63n) return GoNumber.int(v);
  if (m[1] !== '-' && v < 1n << 64n) return GoNumber.uint(v);
  return undefined;
}

function ns(entries: Array<[string, Val]>): ObjVal {
  const o = objVal(entries);
  STDLIB_NAMESPACES.add(o);
  return o;
}

/** Builds the top-level stdlib identifiers for one evaluation. */
export function buildStdlib(opts: StdlibOptions): Map<string, Val> {
  const envFn = (name: string) =>
    fn(name, { arity: 1 }, (args, site) => opts.env(str(args, 0, site)) ?? '');
  const s1 = (name: string, f: (s: string) => Val) => fn(name, { arity: 1 }, (args, site) => f(str(args, 0, site)));
  const s2 = (name: string, f: (a: string, b: string) => Val) =>
    fn(name, { arity: 2 }, (args, site) => f(str(args, 0, site), str(args, 1, site)));
  const joinFn = (name: string) =>
    fn(name, { arity: 2 }, (args, site) => {
      const list = strList(args, 0, site);
      const sep = str(args, 1, site);
      const size = list.reduce((n, x) => n + x.length, 0) + sep.length * Math.max(0, list.length - 1);
      return size > MAX_STRING_LENGTH ? unknown(TOO_LARGE, site.range) : list.join(sep);
    });
  const replaceFn = (name: string) =>
    fn(name, { arity: 3 }, (args, site) => replaceAll(str(args, 0, site), str(args, 1, site), str(args, 2, site)) ?? unknown(TOO_LARGE, site.range));
  const trim = (name: string) =>
    s2(name, (s, cutset) => {
      const cut = new Set([...cutset].map((c) => c.codePointAt(0)!));
      return trimFunc(s, (cp) => cut.has(cp), true, true);
    });
  const trimPrefix = (name: string) => s2(name, (s, p) => (p !== '' && s.startsWith(p) ? s.slice(p.length) : s));
  const trimSuffix = (name: string) => s2(name, (s, p) => (p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s));
  const trimSpace = (name: string) => s1(name, (s) => trimFunc(s, isGoSpace, true, true));
  const splitFn = (name: string) => s2(name, (s, sep) => split(s, sep));
  const b64dec = (name: string, url: boolean) => fn(name, { arity: 1 }, (args, site) => base64Decode(str(args, 0, site), url, site));

  const constant = (name: string): Val => {
    const v = opts.constants.get(name);
    return v ?? unknown(`constants.${name} differs per machine; it is only known where Alloy runs (supply it to alloy-scrub to use a value)`);
  };

  const stdlib = new Map<string, Val>([
    ['constants', ns(['hostname', 'os', 'arch', 'version'].map((c) => [c, constant(c)] as [string, Val]))],
    ['coalesce', coalesce],
    ['json_path', notSimulated('json_path')],
    ['sys', ns([['env', envFn('sys.env')]])],
    ['convert', ns([['nonsensitive', nonsensitive('convert.nonsensitive')]])],
    [
      'array',
      ns([
        ['concat', concat('array.concat')],
        ['combine_maps', notSimulated('array.combine_maps')],
        ['group_by', notSimulated('array.group_by')],
      ]),
    ],
    [
      'encoding',
      ns([
        ['from_json', jsonDecode('encoding.from_json')],
        ['from_yaml', yamlDecode('encoding.from_yaml')],
        ['from_base64', b64dec('encoding.from_base64', false)],
        ['from_URLbase64', b64dec('encoding.from_URLbase64', true)],
        ['to_json', fn('encoding.to_json', { arity: 1 }, (args, site) => {
          const v = args[0]!;
          if (!isObjVal(v)) return site.fail('jsonEncode only supports map');
          const r = toJSON(v);
          return r ?? unknown('encoding.to_json of capsules or functions is not simulated', site.range);
        })],
        ['to_base64', s1('encoding.to_base64', (s) => Buffer.from(s, 'utf8').toString('base64'))],
        ['to_URLbase64', s1('encoding.to_URLbase64', (s) => Buffer.from(s, 'utf8').toString('base64url').padEnd(Math.ceil(Buffer.byteLength(s) / 3) * 4, '='))],
        ['url_encode', s1('encoding.url_encode', queryEscape)],
        ['url_decode', fn('encoding.url_decode', { arity: 1 }, (args, site) => queryUnescape(str(args, 0, site), site))],
      ]),
    ],
    [
      'string',
      ns([
        ['format', format('string.format')],
        ['join', joinFn('string.join')],
        ['replace', replaceFn('string.replace')],
        ['split', splitFn('string.split')],
        ['to_lower', s1('string.to_lower', (s) => mapCase(s, false))],
        ['to_upper', s1('string.to_upper', (s) => mapCase(s, true))],
        ['trim', trim('string.trim')],
        ['trim_prefix', trimPrefix('string.trim_prefix')],
        ['trim_suffix', trimSuffix('string.trim_suffix')],
        ['trim_space', trimSpace('string.trim_space')],
      ]),
    ],
    ['file', ns([['path_join', fn('file.path_join', { arity: 0, variadic: true }, (args, site) => pathJoin(args.map((_, i) => str(args, i, site))))]])],
    // Deprecated top-level aliases, still accepted by Alloy.
    ['env', envFn('env')],
    ['nonsensitive', nonsensitive('nonsensitive')],
    ['concat', concat('concat')],
    ['json_decode', jsonDecode('json_decode')],
    ['yaml_decode', yamlDecode('yaml_decode')],
    ['base64_decode', b64dec('base64_decode', false)],
    ['format', format('format')],
    ['join', joinFn('join')],
    ['replace', replaceFn('replace')],
    ['split', splitFn('split')],
    ['to_lower', s1('to_lower', (s) => mapCase(s, false))],
    ['to_upper', s1('to_upper', (s) => mapCase(s, true))],
    ['trim', trim('trim')],
    ['trim_prefix', trimPrefix('trim_prefix')],
    ['trim_suffix', trimSuffix('trim_suffix')],
    ['trim_space', trimSpace('trim_space')],
  ]);
  return stdlib;
}

/** Names Alloy lists as deprecated (a warning in Alloy's log, not an error). */
export const DEPRECATED_STDLIB: ReadonlySet<string> = new Set([
  'env',
  'nonsensitive',
  'concat',
  'json_decode',
  'yaml_decode',
  'base64_decode',
  'format',
  'join',
  'replace',
  'split',
  'to_lower',
  'to_upper',
  'trim',
  'trim_prefix',
  'trim_suffix',
  'trim_space',
]);

