// `--reporter junit`: JUnit XML as CI systems ingest it. One testsuite per test file; "unknown"
// verdicts are reported as failures (they fail the run), with type="unknown".
import junitModule, { type Builder } from 'junit-report-builder';
import type { Failure, TestResult } from '../types.ts';

// The package is CommonJS with an ES-style default in its types; take whichever shape loads.
const junitRoot = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

export function renderJunit(results: TestResult[]): string {
  const builder = junitRoot.newBuilder();
  const byFile = new Map<string, TestResult[]>();
  for (const r of results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, rs] of byFile) {
    const suite = builder.testSuite().name(file);
    for (const r of rs) {
      const tc = suite.testCase().className(r.component || file).name(r.name);
      if (r.status !== 'pass') {
        // The message attribute holds the first failure; the body holds every detail.
        const first = r.failures[0];
        tc.failure(first ? `[${first.kind}] ${first.message.split('\n')[0]}` : r.status, r.status);
        tc.stacktrace(failureText(r.failures));
      }
      if (r.warnings.length > 0) tc.standardOutput(failureText(r.warnings));
    }
  }
  return builder.build();
}

function failureText(failures: Failure[]): string {
  return failures
    .map((f) => {
      const lines = [`[${f.kind}] ${f.message}`];
      if (f.expected !== undefined) lines.push(`expected: ${f.expected}`);
      if (f.actual !== undefined) lines.push(`actual:   ${f.actual}`);
      if (f.lastChange) lines.push(`last changed by: ${f.lastChange}`);
      return lines.join('\n');
    })
    .join('\n\n');
}
