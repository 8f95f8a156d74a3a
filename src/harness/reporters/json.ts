// `--reporter json`: the schema of DESIGN.md, one document for the whole run.
import type { TestResult } from '../types.ts';

export function summarize(results: TestResult[]): { passed: number; failed: number; unknown: number } {
  return {
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    unknown: results.filter((r) => r.status === 'unknown').length,
  };
}

export function renderJson(results: TestResult[]): string {
  const doc = {
    summary: summarize(results),
    tests: results.map((r) => ({
      file: r.file,
      name: r.name,
      component: r.component,
      status: r.status,
      failures: r.failures,
      ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
      ...(r.trace ? { trace: r.trace } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
