// Reports must not become the leak: every secret a test found (a must_not_contain value that got
// through, a detector hit) is masked in every string of every report unless the user asks for
// `--reveal`.
import { detectSecrets, maskSecret } from '../detect/index.ts';
import type { Failure, TestResult, TraceStep } from './types.ts';

export function maskResults(results: TestResult[]): TestResult[] {
  const secrets = new Set<string>();
  for (const r of results) {
    for (const f of [...r.failures, ...r.warnings]) {
      if (f.secret) secrets.add(f.secret);
      for (const text of [f.actual, f.expected, f.message]) {
        if (text) for (const hit of detectSecrets(text)) secrets.add(hit.value);
      }
    }
  }
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const mask = (s: string | undefined): string | undefined => {
    if (s === undefined) return s;
    let out = s;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
    return out;
  };
  const maskFailure = (f: Failure): Failure => ({
    ...f,
    message: mask(f.message)!,
    expected: mask(f.expected),
    actual: mask(f.actual),
    secret: mask(f.secret),
  });
  const maskStep = (s: TraceStep): TraceStep => ({
    ...s,
    line: mask(s.line)!,
    labels: Object.fromEntries(Object.entries(s.labels).map(([k, v]) => [k, mask(v)!])),
    extracted: Object.fromEntries(Object.entries(s.extracted).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v])),
  });
  return results.map((r) => ({
    ...r,
    failures: r.failures.map(maskFailure),
    warnings: r.warnings.map(maskFailure),
    trace: r.trace?.map((steps) => steps.map(maskStep)),
  }));
}
