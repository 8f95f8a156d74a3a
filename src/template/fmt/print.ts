// fmt.Sprint / Sprintln / Sprintf as text/template calls them (print, printf, println, error
// texts, sprig helpers): the template's reflect-like values (RV) handed to the shared Go fmt.
import * as fmt from '../../go/fmt/print.ts';
import { NO_VALUE, type FmtValue } from '../../go/fmt/value.ts';
import { isFloatKind, isIntKind, isUintKind, type RV } from '../values.ts';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly RV[]): string {
  return fmt.sprint(args.map(toFmtValue));
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: readonly RV[]): string {
  return fmt.sprintln(args.map(toFmtValue));
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly RV[]): string {
  return fmt.sprintf(format, args.map(toFmtValue));
}

/** An RV as fmt reaches it through reflect. */
export function toFmtValue(x: RV): FmtValue {
  const type = x.t.name;
  const k = x.t.kind;
  switch (k) {
    case 'invalid':
      return NO_VALUE;
    case 'bool':
      return { kind: 'bool', type, v: x.v as boolean };
    case 'string':
      return { kind: 'string', type, v: x.v as string };
    case 'interface':
      return { kind: 'interface', type, v: x.v === null ? null : toFmtValue(x.v as RV) };
    case 'slice': {
      const xs = x.v as RV[] | null;
      return { kind: 'slice', type, v: xs === null ? null : xs.map(toFmtValue), bytes: x.t.elem!.kind === 'uint8' };
    }
    case 'map': {
      const m = x.v as Map<string, RV> | null;
      if (m === null) return { kind: 'map', type, v: null };
      const entries = new Map<string, FmtValue>();
      for (const [key, v] of m) entries.set(key, toFmtValue(v));
      return { kind: 'map', type, v: entries };
    }
    case 'func':
      return { kind: 'func', type, isNil: x.v === null };
    default:
      if (isIntKind(k)) return { kind: 'int', type, v: x.v as bigint };
      if (isUintKind(k)) return { kind: 'uint', type, v: x.v as bigint };
      if (isFloatKind(k)) return { kind: 'float', type, v: x.v as number };
      // reflect.Value is handed to builtins unconverted and never printed.
      throw new Error(`fmt of a ${type} is not simulated`);
  }
}
