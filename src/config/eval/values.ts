// Values inside the evaluator. They are the public AlloyValue shapes except that numbers keep
// their Go kind (GoNumber), which decides integer vs float arithmetic. `toAlloyValue` turns them
// into the public model's values once evaluation is done.

import type { Range } from '../../syntax/ast.ts';
import {
  type AlloyValue,
  type CapsuleValue,
  type SecretValue,
  type UnknownValue,
  object,
  unknown,
} from '../value.ts';
import { GoNumber } from './number.ts';

export interface ObjVal {
  readonly kind: 'object';
  readonly fields: Map<string, Val>;
}

export interface FnVal {
  readonly kind: 'function';
  /** Full stdlib name as written in the docs (`string.format`), for messages. */
  readonly name: string;
  call(args: Val[], call: CallSite): Val;
}

/** What a function may need besides its arguments: where it was called, for error positions. */
export interface CallSite {
  /**
   * Raise an error about argument `argIndex` (Alloy's ArgError; `elemIndex` for an element of an
   * array argument), or, without an index, about the call itself.
   */
  fail(message: string, argIndex?: number, elemIndex?: number): never;
  range: Range;
}

export type Val =
  | null
  | string
  | boolean
  | GoNumber
  | Val[]
  | ObjVal
  | UnknownValue
  | CapsuleValue
  | SecretValue
  | FnVal;

export type TypeName = 'null' | 'number' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'capsule';

/** Alloy's type name of a value (secrets and receivers are capsules). Unknown has no type. */
export function typeOf(v: Val): TypeName | 'unknown' {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  switch (v.kind) {
    case 'object':
      return 'object';
    case 'function':
      return 'function';
    case 'capsule':
    case 'secret':
      return 'capsule';
    case 'unknown':
      return 'unknown';
  }
}

export function isUnknownVal(v: Val): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber) && v.kind === 'unknown';
}

export function isObjVal(v: Val): v is ObjVal {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber) && v.kind === 'object';
}

export function isSecretVal(v: Val): v is SecretValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber) && v.kind === 'secret';
}

export function isCapsuleVal(v: Val): v is CapsuleValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber) && v.kind === 'capsule';
}

export function isFnVal(v: Val): v is FnVal {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber) && v.kind === 'function';
}

export function objVal(entries: Iterable<[string, Val]>): ObjVal {
  return { kind: 'object', fields: new Map(entries) };
}

/** The first unknown found directly in `vs` (not nested), so results computed from it stay unknown. */
export function firstUnknown(vs: readonly Val[]): UnknownValue | undefined {
  for (const v of vs) if (isUnknownVal(v)) return v;
  return undefined;
}

/** Converts an evaluated value into the public model's value. */
export function toAlloyValue(v: Val): AlloyValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof GoNumber) return v.toJS();
  if (Array.isArray(v)) return v.map(toAlloyValue);
  switch (v.kind) {
    case 'object':
      return object([...v.fields].map(([k, x]) => [k, toAlloyValue(x)] as [string, AlloyValue]));
    case 'function': {
      const fn = v;
      return {
        kind: 'function',
        name: fn.name,
        call(args: AlloyValue[]): AlloyValue {
          const site: CallSite = {
            range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
            fail(message: string): never {
              throw new Error(`${fn.name}: ${message}`);
            },
          };
          return toAlloyValue(fn.call(args.map(fromAlloyValue), site));
        },
      };
    }
    default:
      return v;
  }
}

/**
 * Converts a public value back (for module arguments and callers that hand values in). Whole
 * numbers become ints; others floats — the public model does not keep the distinction.
 */
export function fromAlloyValue(v: AlloyValue): Val {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) ? GoNumber.int(BigInt(v)) : GoNumber.float(v);
  }
  if (Array.isArray(v)) return v.map(fromAlloyValue);
  switch (v.kind) {
    case 'object':
      return objVal([...v.fields].map(([k, x]) => [k, fromAlloyValue(x)] as [string, Val]));
    case 'function': {
      const fn = v;
      return {
        kind: 'function',
        name: fn.name,
        call: (args: Val[]) => fromAlloyValue(fn.call(args.map(toAlloyValue))),
      };
    }
    default:
      return v;
  }
}

export { unknown };
