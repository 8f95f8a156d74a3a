// Go's fmt.Sprintf for the values Alloy hands to `string.format`: Alloy decodes each argument
// into Go's `any` (numbers become int or float64, arrays []interface{}, objects
// map[string]interface{}, null nil), then calls fmt.Sprintf. The formatting itself is the shared
// Go fmt (src/go/fmt); this module states the values in Go's terms and the evaluator's bounds.
import { AddressUnknown, OutputTooLarge, sprintf } from '../../go/fmt/print.ts';
import { NO_VALUE, type FmtValue } from '../../go/fmt/value.ts';
import { MAX_STRING_LENGTH, TOO_LARGE } from './limits.ts';

/** A Go value as fmt sees it. */
export type GoArg =
  | { t: 'nil' }
  | { t: 'int'; v: bigint; type: 'int' | 'uint64' }
  | { t: 'float64'; v: number }
  | { t: 'string'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'slice'; v: GoArg[] }
  | { t: 'map'; v: Map<string, GoArg> };

/** Thrown for format features this module does not reproduce; the caller turns it into unknown. */
export class UnsupportedFormat extends Error {}

/** fmt.Sprintf: the format's verbs applied to the arguments, Go's error notes included. */
export function goSprintf(format: string, args: readonly GoArg[]): string {
  try {
    return sprintf(format, args.map(operand), { maxLength: MAX_STRING_LENGTH });
  } catch (err) {
    if (err instanceof OutputTooLarge) throw new UnsupportedFormat(TOO_LARGE);
    if (err instanceof AddressUnknown) throw new UnsupportedFormat('%p prints a memory address');
    throw err;
  }
}

/** A top-level operand: Sprintf's own ...interface{} slot, where nil is no value at all. */
function operand(a: GoArg): FmtValue {
  return a.t === 'nil' ? NO_VALUE : value(a);
}

/** An element of []interface{} or map[string]interface{}: an interface slot, possibly nil. */
function element(a: GoArg): FmtValue {
  return { kind: 'interface', type: 'interface {}', v: a.t === 'nil' ? null : value(a) };
}

function value(a: Exclude<GoArg, { t: 'nil' }>): FmtValue {
  switch (a.t) {
    case 'int':
      return a.type === 'int' ? { kind: 'int', type: 'int', v: a.v } : { kind: 'uint', type: 'uint64', v: BigInt.asUintN(64, a.v) };
    case 'float64':
      return { kind: 'float', type: 'float64', v: a.v };
    case 'string':
      return { kind: 'string', type: 'string', v: a.v };
    case 'bool':
      return { kind: 'bool', type: 'bool', v: a.v };
    case 'slice':
      return { kind: 'slice', type: '[]interface {}', v: a.v.map(element), bytes: false };
    case 'map': {
      const m = new Map<string, FmtValue>();
      for (const [k, e] of a.v) m.set(k, element(e));
      return { kind: 'map', type: 'map[string]interface {}', v: m };
    }
  }
}
