// Machine output: {"findings":[{rule, severity, file, line, column, message, fix}]}.
import type { Finding } from '../types.ts';

export interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  fix: string;
}

export function toJsonFinding(f: Finding): JsonFinding {
  return { rule: f.rule, severity: f.severity, file: f.file, line: f.range.start.line, column: f.range.start.column, message: f.message, fix: f.fix };
}

export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify({ findings: findings.map(toJsonFinding) }, null, 2)}\n`;
}
