// Evaluates one Alloy expression with the stdlib and no components in scope.
import { evaluate } from '../../../src/config/eval/evaluator.ts';
import { EvalError } from '../../../src/config/eval/errors.ts';
import { GoNumber } from '../../../src/config/eval/number.ts';
import { buildStdlib } from '../../../src/config/eval/stdlib.ts';
import { type Val, isObjVal, isUnknownVal } from '../../../src/config/eval/values.ts';
import { parseExpression } from '../../../src/syntax/parse.ts';

export interface EvalOpts {
  env?: Record<string, string>;
  constants?: Record<string, string>;
}

export function evalExpr(src: string, opts: EvalOpts = {}): Val {
  const { expr, diagnostics } = parseExpression(src);
  if (diagnostics.length > 0) throw new Error(`test expression does not parse: ${diagnostics[0]!.message}`);
  const env = new Map(Object.entries(opts.env ?? {}));
  const identifiers = buildStdlib({ env: (n) => env.get(n), constants: new Map(Object.entries(opts.constants ?? {})) });
  return evaluate(expr, { identifiers, resolve: () => undefined });
}

/** The error message Alloy-style evaluation raises for `src`. */
export function evalError(src: string): EvalError {
  try {
    evalExpr(src);
  } catch (err) {
    if (err instanceof EvalError) return err;
    throw err;
  }
  throw new Error(`expected ${src} to fail`);
}

/** A readable form of a value for assertions: numbers as `int:3` / `float:3.5`. */
export function show(v: Val): unknown {
  if (v instanceof GoNumber) return `${v.kind}:${v.toString()}`;
  if (Array.isArray(v)) return v.map(show);
  if (v !== null && typeof v === 'object' && isObjVal(v)) return Object.fromEntries([...v.fields].map(([k, x]) => [k, show(x)]));
  if (v !== null && typeof v === 'object' && isUnknownVal(v)) return { unknown: v.reason };
  return v;
}
