// Go's dynamic values as text/template sees them through reflect. The executor needs more than a
// JavaScript value: the Go type decides conversions, error texts ("expected string; got float64"),
// formatting (int 3 prints "3", float64 3 prints "3" but %d of float64 is "%!d(float64=3)"), and
// whether a value sits in an interface{} slot (a nil inside map[string]interface{} behaves
// differently from a missing key). An RV is this reflect.Value analogue.
import type { TemplateValue } from './types.ts';
import { canonical, compareGo } from './utf8.ts';

export type Kind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'string'
  | 'slice'
  | 'map'
  | 'interface'
  | 'func'
  | 'struct';

export interface GoType {
  readonly name: string;
  readonly kind: Kind;
  readonly elem?: GoType;
  readonly key?: GoType;
}

function basic(kind: Kind, name: string = kind): GoType {
  return { name, kind };
}

export const T = {
  bool: basic('bool'),
  int: basic('int'),
  int8: basic('int8'),
  int16: basic('int16'),
  int32: basic('int32'),
  int64: basic('int64'),
  uint: basic('uint'),
  uint8: basic('uint8'),
  uint16: basic('uint16'),
  uint32: basic('uint32'),
  uint64: basic('uint64'),
  float32: basic('float32'),
  float64: basic('float64'),
  string: basic('string'),
  iface: basic('interface', 'interface {}'),
  error: basic('interface', 'error'),
  /** reflect.Value parameters of the builtins receive the argument unconverted. */
  reflectValue: basic('struct', 'reflect.Value'),
  func: basic('func', 'func'),
} as const;

const sliceCache = new Map<GoType, GoType>();
const mapCache = new Map<GoType, GoType>();

export function sliceOf(elem: GoType): GoType {
  let t = sliceCache.get(elem);
  if (!t) {
    t = { name: `[]${elem.name}`, kind: 'slice', elem };
    sliceCache.set(elem, t);
  }
  return t;
}

/** Only string-keyed maps occur in templates fed by Alloy and sprig. */
export function mapOf(elem: GoType): GoType {
  let t = mapCache.get(elem);
  if (!t) {
    t = { name: `map[string]${elem.name}`, kind: 'map', key: T.string, elem };
    mapCache.set(elem, t);
  }
  return t;
}

export const SliceIface = sliceOf(T.iface);
export const SliceString = sliceOf(T.string);
export const Bytes = sliceOf(T.uint8);
export const MapIface = mapOf(T.iface);
export const MapString = mapOf(T.string);

/**
 * A reflect.Value. `v` by kind: bool → boolean; ints → bigint; floats → number; string → string;
 * slice → RV[] or null (nil slice); map → Map<string, RV> or null; interface → RV or null (nil);
 * func → a callable; invalid → undefined.
 */
export interface RV {
  readonly t: GoType;
  readonly v: unknown;
}

export const INVALID: RV = Object.freeze({ t: { name: '<invalid reflect.Value>', kind: 'invalid' as Kind }, v: undefined });

export function isValid(x: RV): boolean {
  return x.t.kind !== 'invalid';
}

export const rv = {
  str: (s: string): RV => ({ t: T.string, v: s }),
  int: (n: bigint | number): RV => ({ t: T.int, v: BigInt(n) }),
  int64: (n: bigint | number): RV => ({ t: T.int64, v: BigInt(n) }),
  float: (n: number): RV => ({ t: T.float64, v: n }),
  bool: (b: boolean): RV => ({ t: T.bool, v: b }),
  /** An interface{} slot holding x (or nil). */
  box: (x: RV | null): RV => ({ t: T.iface, v: x === null || !isValid(x) ? null : x }),
  strings: (xs: string[]): RV => ({ t: SliceString, v: xs.map((s) => rv.str(s)) }),
  list: (xs: RV[]): RV => ({ t: SliceIface, v: xs.map((x) => rv.box(x)) }),
  typed: (t: GoType, v: unknown): RV => ({ t, v }),
};

export function isIntKind(k: Kind): boolean {
  return k === 'int' || k === 'int8' || k === 'int16' || k === 'int32' || k === 'int64';
}
export function isUintKind(k: Kind): boolean {
  return k === 'uint' || k === 'uint8' || k === 'uint16' || k === 'uint32' || k === 'uint64';
}
export function isFloatKind(k: Kind): boolean {
  return k === 'float32' || k === 'float64';
}

/** reflect.Value.Elem for an interface: the dynamic value, or INVALID for a nil interface. */
export function indirectInterface(x: RV): RV {
  if (x.t.kind !== 'interface') return x;
  return x.v === null ? INVALID : (x.v as RV);
}

/** Go's `indirect`: strips interfaces; reports nil. */
export function indirect(x: RV): { v: RV; isNil: boolean } {
  let cur = x;
  while (cur.t.kind === 'interface') {
    if (cur.v === null) return { v: cur, isNil: true };
    cur = cur.v as RV;
  }
  return { v: cur, isNil: false };
}

/** reflect.Value.Len for strings (bytes), slices and maps. */
export function lenOf(x: RV, byteLen: (s: string) => number): number {
  switch (x.t.kind) {
    case 'string':
      return byteLen(x.v as string);
    case 'slice':
      return x.v === null ? 0 : (x.v as RV[]).length;
    case 'map':
      return x.v === null ? 0 : (x.v as Map<string, RV>).size;
    default:
      throw new Error(`len of ${x.t.name}`);
  }
}

/** text/template's isTrue. `ok` false for values that have no truth (none occur in our model). */
export function isTrue(x: RV, byteLen: (s: string) => number): { truth: boolean; ok: boolean } {
  if (!isValid(x)) return { truth: false, ok: true };
  const k = x.t.kind;
  switch (k) {
    case 'string':
    case 'slice':
    case 'map':
      return { truth: lenOf(x, byteLen) > 0, ok: true };
    case 'bool':
      return { truth: x.v as boolean, ok: true };
    case 'interface':
    case 'func':
      return { truth: x.v !== null, ok: true };
    case 'float32':
    case 'float64':
      return { truth: (x.v as number) !== 0, ok: true };
    case 'struct':
      return { truth: true, ok: true };
    default:
      if (isIntKind(k) || isUintKind(k)) return { truth: (x.v as bigint) !== 0n, ok: true };
      return { truth: false, ok: false };
  }
}

/** Map keys in Go's fmtsort order (strings: bytewise). */
export function sortedKeys(m: Map<string, RV>): string[] {
  return [...m.keys()].sort(compareGo);
}

/**
 * Marks a JS Map as Go's map[string]string (Alloy's stage.replace data) rather than
 * map[string]interface{}. A missing key in `index` then yields "" instead of nil.
 */
export class StringMap extends Map<string, string> {}

const goTypes = new WeakMap<object, GoType>();

/** Declares the Go type of an array or Map handed to a template (e.g. `[]string`). */
export function withGoType<X extends TemplateValue[] | Map<string, TemplateValue>>(x: X, t: GoType): X {
  goTypes.set(x, t);
  return x;
}

/** Converts a TemplateValue into an RV of its natural Go type (JSON-like data). */
export function fromTemplateValue(x: TemplateValue, depth = 0): RV {
  if (depth > 10_000) throw new Error('template data nested too deeply');
  if (x === undefined) return INVALID;
  if (x === null) return rv.box(null);
  switch (typeof x) {
    case 'string':
      return rv.str(canonical(x));
    case 'number':
      return rv.float(x);
    case 'bigint':
      return rv.int(x);
    case 'boolean':
      return rv.bool(x);
  }
  if (Array.isArray(x)) {
    const t = goTypes.get(x) ?? SliceIface;
    return { t, v: x.map((e) => coerce(fromTemplateValue(e, depth + 1), t.elem!)) };
  }
  if (x instanceof Map) {
    const t = x instanceof StringMap ? MapString : (goTypes.get(x) ?? MapIface);
    return { t, v: new LazyRVMap(x, t.elem!, depth + 1) };
  }
  throw new Error(`unsupported template value ${String(x)}`);
}

/**
 * A read-only view of a caller's Map as Go map entries, converting each entry on first use: stages
 * execute templates once per capture group with a dozen extracted values, most never read.
 * The caller must not change the Map while a template executes (stages do not).
 */
class LazyRVMap extends Map<string, RV> {
  private readonly cache = new Map<string, RV>();
  private canonicalKeys: Map<string, string> | null = null;

  constructor(
    private readonly src: Map<string, TemplateValue>,
    private readonly elem: GoType,
    private readonly depth: number,
  ) {
    super();
  }

  /** Keys as Go sees them (byte strings in canonical spelling) → the caller's key. */
  private keyMap(): Map<string, string> {
    if (this.canonicalKeys === null) {
      this.canonicalKeys = new Map();
      for (const k of this.src.keys()) this.canonicalKeys.set(canonical(k), k);
    }
    return this.canonicalKeys;
  }

  override get(key: string): RV | undefined {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let srcKey: string | undefined = key;
    if (!this.src.has(key)) {
      srcKey = this.keyMap().get(key);
      if (srcKey === undefined) return undefined;
    } else if (canonical(key) !== key) {
      return undefined;
    }
    const v = coerce(fromTemplateValue(this.src.get(srcKey)!, this.depth), this.elem);
    this.cache.set(key, v);
    return v;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override get size(): number {
    return this.keyMap().size;
  }

  override *keys(): MapIterator<string> {
    yield* this.keyMap().keys();
  }

  override *values(): MapIterator<RV> {
    for (const k of this.keyMap().keys()) yield this.get(k)!;
  }

  override *entries(): MapIterator<[string, RV]> {
    for (const k of this.keyMap().keys()) yield [k, this.get(k)!];
  }

  override [Symbol.iterator](): MapIterator<[string, RV]> {
    return this.entries();
  }

  override forEach(cb: (value: RV, key: string, map: Map<string, RV>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }

  override set(): this {
    throw new Error('template data is read-only');
  }
}

/** Places a value into a slot of static type t (boxing into interface{} as Go's assignment does). */
export function coerce(x: RV, t: GoType): RV {
  if (t.kind === 'interface') return x.t.kind === 'interface' ? x : rv.box(x);
  return x;
}

/** Converts an RV back to a plain TemplateValue (for JS-implemented functions and callers). */
export function toTemplateValue(x: RV): TemplateValue {
  const k = x.t.kind;
  switch (k) {
    case 'invalid':
      return undefined;
    case 'interface':
      return x.v === null ? null : toTemplateValue(x.v as RV);
    case 'string':
    case 'bool':
      return x.v as string | boolean;
    case 'float32':
    case 'float64':
      return x.v as number;
    case 'slice': {
      if (x.v === null) return null;
      const arr = (x.v as RV[]).map(toTemplateValue);
      if (x.t !== SliceIface) withGoType(arr, x.t);
      return arr;
    }
    case 'map': {
      if (x.v === null) return null;
      const m = x.t === MapString ? new StringMap() : new Map<string, TemplateValue>();
      for (const [key, v] of x.v as Map<string, RV>) (m as Map<string, TemplateValue>).set(key, toTemplateValue(v));
      return m as Map<string, TemplateValue>;
    }
    default:
      if (isIntKind(k) || isUintKind(k)) return x.v as bigint;
      return undefined;
  }
}
