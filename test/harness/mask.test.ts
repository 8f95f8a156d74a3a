import { describe, expect, test } from 'vitest';
import { maskResults } from '../../src/harness/mask.ts';
import type { TestResult } from '../../src/harness/types.ts';

function resultWith(failure: TestResult['failures'][number]): TestResult {
  return { file: 'f', name: 'n', component: 'c', status: 'fail', failures: [failure], warnings: [] };
}

describe('masking secrets in reports', () => {
  test('a leaked must_not_contain value is masked in every field', () => {
    const [r] = maskResults([resultWith({ kind: 'must_not_contain', message: 'm', secret: 'hunter2-secret', actual: 'pw=hunter2-secret;', expected: 'x hunter2-secret' })]);
    const f = r!.failures[0]!;
    for (const text of [f.secret, f.actual, f.expected]) expect(text).not.toContain('hunter2-secret');
    expect(f.actual).toMatch(/^pw=hu.*;$/);
  });

  test('a detector-visible secret in an actual line is masked even without a recorded secret', () => {
    const [r] = maskResults([resultWith({ kind: 'expect', message: 'differs', actual: 'key AKIAZ3MSJV4WWNKWW5X2 used' })]);
    expect(r!.failures[0]!.actual).not.toContain('AKIAZ3MSJV4WWNKWW5X2');
  });

  test('a secret containing another secret is masked whole', () => {
    const [r] = maskResults([
      resultWith({ kind: 'leak', message: 'm', secret: 'abcdef', actual: 'abcdef1234567890 and abcdef' }),
      resultWith({ kind: 'leak', message: 'm', secret: 'abcdef1234567890', actual: 'x' }),
    ]);
    expect(r!.failures[0]!.actual).not.toContain('1234567890');
    expect(r!.failures[0]!.actual).not.toContain('abcdef');
  });

  test('text without secrets is left as it is', () => {
    const [r] = maskResults([resultWith({ kind: 'expect', message: 'differs', expected: 'a', actual: 'GET /healthz 200' })]);
    expect(r!.failures[0]!.actual).toBe('GET /healthz 200');
  });
});
