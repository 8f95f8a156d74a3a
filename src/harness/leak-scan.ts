// Every output of every test is scanned by the built-in detectors. A hit is a suspected leak unless
// the test file excuses it (`allow:`) or the test itself expects that very text in the output.
import { detectSecrets } from '../detect/index.ts';
import type { Failure, ScrubTest, TestSuite } from './types.ts';

export interface ScannedOutput {
  where: string;
  texts: { field: string; text: string }[];
}

export function scanForLeaks(suite: TestSuite, test: ScrubTest, outputs: ScannedOutput[]): { failures: Failure[]; warnings: Failure[] } {
  const found: Failure[] = [];
  const seen = new Set<string>();
  for (const { where, texts } of outputs) {
    for (const { field, text } of texts) {
      for (const f of detectSecrets(text)) {
        if (isExcused(suite, test, f.detector, f.value)) continue;
        const key = `${f.detector}\u0000${f.value}\u0000${where}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({
          kind: 'leak',
          message: `suspected ${f.kind === 'pii' ? 'PII' : 'credential'} leak (${f.detector}, ${f.severity}) in ${field} reaching ${where} at offset ${f.start}`,
          detector: f.detector,
          secret: f.value,
          actual: text,
        });
      }
    }
  }
  return suite.detectors === 'warn' ? { failures: [], warnings: found } : { failures: found, warnings: [] };
}

function isExcused(suite: TestSuite, test: ScrubTest, detector: string, value: string): boolean {
  for (const a of suite.allow) {
    if (a.detector !== undefined && a.value !== undefined && a.detector === a.value) {
      // A bare string: either a detector id or a literal value.
      if (a.detector === detector || a.value === value) return true;
      continue;
    }
    if ((a.detector === undefined || a.detector === detector) && (a.value === undefined || a.value === value)) return true;
  }
  const expected = [...(test.expect ?? []), ...test.mustContain, ...(test.expectLabels?.values() ?? []), test.expectSeries ?? ''];
  return expected.some((e) => e.includes(value));
}
