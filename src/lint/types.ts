// The shape of a lint finding: which rule, how bad, where, what is wrong and how to fix it.
// Positions are the syntax layer's (1-based line, UTF-8 byte column as Alloy prints them).
import type { Range } from '../syntax/ast.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id, e.g. `replace-no-capture-group`. */
  rule: string;
  severity: Severity;
  file: string;
  range: Range;
  /** What is wrong, and why it matters for scrubbing or hardening. */
  message: string;
  /** A concrete change that makes the finding go away for the right reason. */
  fix: string;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export function atLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}

/** Findings in file order (line, column), then by rule id, so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
