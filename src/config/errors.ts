// A configuration that Alloy would refuse to load: the message is Alloy's where Alloy has one,
// and the position points at what is wrong (the attribute, the block, the rule).
import type { Diagnostic, Range } from '../syntax/ast.ts';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly range?: Range,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  toDiagnostic(): Diagnostic {
    const zero = { offset: 0, line: 1, column: 1 };
    return { severity: 'error', file: this.file, message: this.message, range: this.range ?? { start: zero, end: zero } };
  }
}
