// Reads a stage block's attributes the way Alloy's decoder fills a Go config struct: only the
// declared attribute names, required ones present, values of the declared type. Errors are
// Alloy's decoder messages and point at the attribute (or the block when one is missing).
import { ConfigError } from '../../config/errors.ts';
import type { EvaluatedAttribute, EvaluatedBlock } from '../../config/model.ts';
import { isObject, isUnknown, type AlloyValue, type UnknownValue } from '../../config/value.ts';
import { formatFloat } from '../../go/strconv/format-float.ts';

export interface AttrSpec {
  required?: readonly string[];
  optional?: readonly string[];
  /** Nested block names allowed (besides `stage.*` for stage.match). */
  blocks?: readonly string[];
}

export function typeName(v: AlloyValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      // Alloy's type names: secrets are capsules, unknown values have no Alloy type.
      return v.kind === 'secret' ? 'capsule' : v.kind;
  }
}

/** The first unknown value anywhere inside v. */
export function findUnknown(v: AlloyValue): UnknownValue | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnknown(x);
      if (u) return u;
    }
    return undefined;
  }
  if (isUnknown(v)) return v;
  if (isObject(v)) {
    for (const x of v.fields.values()) {
      const u = findUnknown(x);
      if (u) return u;
    }
  }
  if (v.kind === 'secret' && typeof v.value === 'object') return v.value;
  return undefined;
}

export class StageArgs {
  constructor(
    readonly block: EvaluatedBlock,
    spec: AttrSpec,
  ) {
    const allowed = new Set([...(spec.required ?? []), ...(spec.optional ?? [])]);
    for (const a of block.attributes.values()) {
      if (!allowed.has(a.name)) throw this.errorAt(a, `unrecognized attribute name "${a.name}"`);
    }
    for (const r of spec.required ?? []) {
      if (!block.attributes.has(r)) throw this.error(`missing required attribute "${r}"`);
    }
    const blocks = new Set(spec.blocks ?? []);
    for (const b of block.blocks) {
      if (!blocks.has(b.name)) {
        throw new ConfigError(`unrecognized block name "${b.name}"`, b.file, b.range);
      }
    }
  }

  has(name: string): boolean {
    return this.block.attributes.has(name);
  }

  attr(name: string): EvaluatedAttribute | undefined {
    return this.block.attributes.get(name);
  }

  error(message: string, name?: string): ConfigError {
    const a = name === undefined ? undefined : this.block.attributes.get(name);
    return a ? this.errorAt(a, message) : new ConfigError(message, this.block.file, this.block.range);
  }

  private errorAt(a: EvaluatedAttribute, message: string): ConfigError {
    return new ConfigError(message, this.block.file, a.range);
  }

  private typeError(a: EvaluatedAttribute, want: string): ConfigError {
    return this.errorAt(a, `expected ${want}, got ${typeName(a.value)}`);
  }

  /** A string attribute; Alloy converts a number to a string where a string is expected, nothing else. */
  string(name: string, dflt = ''): string {
    const a = this.block.attributes.get(name);
    if (!a) return dflt;
    return this.asString(a, a.value);
  }

  optionalString(name: string): string | undefined {
    return this.has(name) ? this.string(name) : undefined;
  }

  private asString(a: EvaluatedAttribute, v: AlloyValue): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return formatFloat(v, 'f', -1);
    // A secret is a capsule to Alloy's decoder, and not convertible to a string attribute.
    throw this.errorAt(a, `expected string, got ${typeName(v)}`);
  }

  bool(name: string, dflt = false): boolean {
    const a = this.block.attributes.get(name);
    if (!a) return dflt;
    if (typeof a.value === 'boolean') return a.value;
    throw this.typeError(a, 'bool');
  }

  number(name: string, dflt = 0): number {
    const a = this.block.attributes.get(name);
    if (!a) return dflt;
    if (typeof a.value === 'number') return a.value;
    if (typeof a.value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a.value)) return Number(a.value);
    throw this.typeError(a, 'number');
  }

  /** An integer attribute (Go int / uint64): fractional numbers are refused as Alloy does. */
  int(name: string, dflt = 0): number {
    const n = this.number(name, dflt);
    if (!Number.isInteger(n)) throw this.error(`expected integer, got ${n}`, name);
    return n;
  }

  stringList(name: string): string[] | undefined {
    const a = this.block.attributes.get(name);
    if (!a) return undefined;
    if (!Array.isArray(a.value)) throw this.typeError(a, 'array');
    return a.value.map((v) => this.asString(a, v));
  }

  /** map[string]string or map[string]*string (null values allowed when `nullable`). */
  stringMap(name: string, nullable: boolean): Map<string, string | null> | undefined {
    const a = this.block.attributes.get(name);
    if (!a) return undefined;
    if (!isObject(a.value)) throw this.typeError(a, 'object');
    const out = new Map<string, string | null>();
    for (const [k, v] of a.value.fields) {
      if (v === null && nullable) out.set(k, null);
      else out.set(k, this.asString(a, v));
    }
    return out;
  }

  /** time.Duration from Alloy: a duration string such as "24h" or "1m30s". */
  durationNs(name: string): bigint | undefined {
    const a = this.block.attributes.get(name);
    if (!a) return undefined;
    if (typeof a.value !== 'string') throw this.typeError(a, 'string');
    const d = parseGoDuration(a.value);
    if (d === undefined) throw this.errorAt(a, `time: invalid duration "${a.value}"`);
    return d;
  }

  /** units.Base2Bytes: "1KB", "4MiB" (powers of 1024) or a plain number of bytes. */
  bytes(name: string): number | undefined {
    const a = this.block.attributes.get(name);
    if (!a) return undefined;
    if (typeof a.value === 'number') return a.value;
    if (typeof a.value !== 'string') throw this.typeError(a, 'string');
    const n = parseBase2Bytes(a.value);
    if (n === undefined) throw this.errorAt(a, `units: unknown unit in ${a.value}`);
    return n;
  }
}

const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ['ns', 1],
  ['us', 1e3],
  ['µs', 1e3],
  ['μs', 1e3],
  ['ms', 1e6],
  ['s', 1e9],
  ['m', 60e9],
  ['h', 3600e9],
]);

/** time.ParseDuration; undefined where Go returns an error. */
export function parseGoDuration(s: string): bigint | undefined {
  if (s === '0') return 0n;
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/u.exec(s);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gu)) {
    total += Number(part[1]) * DURATION_UNITS.get(part[2]!)!;
  }
  const ns = BigInt(Math.round(total));
  return m[1] === '-' ? -ns : ns;
}

const BYTE_UNITS: ReadonlyMap<string, number> = new Map([
  ['B', 1],
  ['KB', 1024],
  ['kB', 1024],
  ['KiB', 1024],
  ['kiB', 1024],
  ['MB', 1024 ** 2],
  ['MiB', 1024 ** 2],
  ['GB', 1024 ** 3],
  ['GiB', 1024 ** 3],
  ['TB', 1024 ** 4],
  ['TiB', 1024 ** 4],
  ['PB', 1024 ** 5],
  ['PiB', 1024 ** 5],
  ['EB', 1024 ** 6],
  ['EiB', 1024 ** 6],
]);

/** alecthomas/units ParseBase2Bytes for the forms people write: "512B", "1KB", "1.5MiB", "0". */
export function parseBase2Bytes(s: string): number | undefined {
  if (s === '0') return 0;
  let total = 0;
  let rest = s;
  if (rest === '') return undefined;
  while (rest !== '') {
    const m = /^(\d+\.?\d*|\.\d+)([A-Za-z]+)/.exec(rest);
    if (!m) return undefined;
    const unit = BYTE_UNITS.get(m[2]!);
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return Math.trunc(total);
}
