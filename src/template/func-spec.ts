// How a template function looks to the executor: its Go signature (which decides argument
// conversion and Go's arity/type error texts) and an implementation over reflect-like values.
// Public FuncMap entries are plain JS functions; the Go signature rides along on a symbol.
import type { TemplateFunc, TemplateValue } from './types.ts';
import { fromTemplateValue, indirectInterface, rv, T, toTemplateValue, type GoType, type RV } from './values.ts';

/** A Go error returned by (or a panic recovered from) a template function; message is err.Error(). */
export class GoCallError extends Error {}

/** Per-execution services a function may use. */
export interface CallEnv {
  /** Records that output depends on something Alloy would compute differently each run. */
  markNondeterministic(name: string): void;
}

export interface GoFunc {
  /** Fixed parameter types, in order. */
  readonly params: readonly GoType[];
  /** Element type of a trailing variadic parameter. */
  readonly variadic?: GoType;
  /** The first result type (a second `error` result is signalled by throwing GoCallError). */
  readonly ret: GoType;
  /** Arguments arrive converted to the parameter types; interface{} params arrive unboxed (nil → INVALID). */
  readonly call: (args: RV[], env: CallEnv) => RV;
  /** Output varies between runs in Alloy (time, randomness, environment, DNS). */
  readonly nondeterministic?: boolean;
  /** Not simulated by alloy-scrub: calling it throws TemplateUnsupportedError. */
  readonly unsupported?: boolean;
}

export const GO_FUNC: unique symbol = Symbol.for('alloy-scrub.template.goFunc');

export type TemplateFuncWithSpec = TemplateFunc & { [GO_FUNC]?: GoFunc };

/** Wraps a GoFunc as a public TemplateFunc (callable from JS with plain values). */
export function toTemplateFunc(spec: GoFunc): TemplateFuncWithSpec {
  const fn = ((...args: TemplateValue[]): TemplateValue => {
    const env: CallEnv = { markNondeterministic: () => {} };
    return toTemplateValue(spec.call(args.map((a) => indirectInterface(fromTemplateValue(a))), env));
  }) as TemplateFuncWithSpec;
  fn[GO_FUNC] = spec;
  return fn;
}

/** The GoFunc behind a TemplateFunc; a plain JS function acts as func(...interface{}) interface{}. */
export function specOf(fn: TemplateFunc): GoFunc {
  const spec = (fn as TemplateFuncWithSpec)[GO_FUNC];
  if (spec) return spec;
  return {
    params: [],
    variadic: T.iface,
    ret: T.iface,
    call: (args) => fromTemplateValue(fn(...args.map(toTemplateValue))),
  };
}

/** Helper for the common case of string functions: func(string, …) string. */
export function stringFunc(arity: number, impl: (...s: string[]) => string): GoFunc {
  return {
    params: Array.from({ length: arity }, () => T.string),
    ret: T.string,
    call:
      arity === 1
        ? (args) => rv.str(impl(args[0]!.v as string))
        : arity === 2
          ? (args) => rv.str(impl(args[0]!.v as string, args[1]!.v as string))
          : (args) => rv.str(impl(...args.map((a) => a.v as string))),
  };
}
