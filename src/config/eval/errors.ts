// An error while evaluating an expression, with Alloy's message and the position of the
// expression Alloy would blame. Alloy prefixes value errors with the offending expression's text
// (`"a" should be number, got string`), which `valueError` reproduces.
import type { Expr, Range } from '../../syntax/ast.ts';
import { exprText } from './expr-text.ts';

export class EvalError extends Error {
  constructor(
    message: string,
    readonly range: Range,
  ) {
    super(message);
    this.name = 'EvalError';
  }
}

/** Alloy's value error: the blamed expression, a space, and the message. */
export function valueError(node: Expr, message: string): EvalError {
  return new EvalError(`${exprText(node)} ${message}`, node.range);
}
