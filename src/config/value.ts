// Values of the Alloy configuration language after static evaluation.
//
// Alloy distinguishes numbers, strings, bools, null, arrays, objects, functions and capsules
// (opaque Go values such as a LogsReceiver or a secret). A value that only exists at run time
// (a component export such as `discovery.kubernetes.pod.targets`, `local.file.x.content`) is an
// UnknownValue: it is never guessed, and anything computed from it is unknown too.

import type { Range } from '../syntax/ast.ts';

export type AlloyValue =
  | null
  | string
  | number
  | boolean
  | AlloyValue[]
  | AlloyObject
  | UnknownValue
  | CapsuleValue
  | SecretValue
  | FunctionValue;

export interface AlloyObject {
  readonly kind: 'object';
  /** Insertion-ordered fields. */
  readonly fields: Map<string, AlloyValue>;
}

/** A value that cannot be known before Alloy runs. `reason` says why, for the user. */
export interface UnknownValue {
  readonly kind: 'unknown';
  readonly reason: string;
  readonly range?: Range;
}

/**
 * An opaque handle, such as a component's `receiver` export. `componentId` names the component
 * the capsule points to (`loki.write.default`), which is how `forward_to` edges are found.
 */
export interface CapsuleValue {
  readonly kind: 'capsule';
  readonly type: 'loki.LogsReceiver' | 'storage.Appendable' | 'otelcol.Consumer' | 'capsule';
  readonly componentId: string;
  readonly exportName: string;
}

/** A `secret` value (from `env`, `local.file` with is_secret, `remote.kubernetes.secret`…). */
export interface SecretValue {
  readonly kind: 'secret';
  readonly value: string | UnknownValue;
}

export interface FunctionValue {
  readonly kind: 'function';
  readonly name: string;
  call(args: AlloyValue[]): AlloyValue;
}

export function isUnknown(v: AlloyValue): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'unknown';
}

export function isObject(v: AlloyValue): v is AlloyObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'object';
}

export function isCapsule(v: AlloyValue): v is CapsuleValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'capsule';
}

export function unknown(reason: string, range?: Range): UnknownValue {
  return { kind: 'unknown', reason, range };
}

export function object(entries: Iterable<[string, AlloyValue]>): AlloyObject {
  return { kind: 'object', fields: new Map(entries) };
}
