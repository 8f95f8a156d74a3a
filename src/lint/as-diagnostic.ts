// For commands that print the syntax layer's diagnostics (run, test): a lint finding as a
// Diagnostic, so validateConfig's problems outside the simulated path show up as positioned
// warnings with a code frame instead of stopping the command.
import type { Diagnostic } from '../syntax/ast.ts';
import type { Finding } from './types.ts';

export function findingToDiagnostic(f: Finding, severity: Diagnostic['severity'] = 'warning'): Diagnostic {
  return { severity, file: f.file, range: f.range, message: `[${f.rule}] ${f.message} (fix: ${f.fix})` };
}
