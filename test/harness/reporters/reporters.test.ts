import { describe, expect, test } from 'vitest';
import { renderJson } from '../../../src/harness/reporters/json.ts';
import { renderJunit } from '../../../src/harness/reporters/junit.ts';
import { renderPretty } from '../../../src/harness/reporters/pretty.ts';
import type { TestResult } from '../../../src/harness/types.ts';

const RESULTS: TestResult[] = [
  { file: 'a.test.yaml', name: 'passes', component: 'loki.process.x', status: 'pass', failures: [], warnings: [] },
  {
    file: 'a.test.yaml',
    name: 'fails <&>',
    component: 'loki.process.x',
    status: 'fail',
    failures: [{ kind: 'expect', message: 'the output differs', expected: 'password=REDACTED', actual: 'password=hunter2' }],
    warnings: [],
  },
  { file: 'b.test.yaml', name: 'cannot tell', component: 'loki.process.y', status: 'unknown', failures: [{ kind: 'unknown', message: 'stage.geoip is not simulated' }], warnings: [] },
];

describe('json reporter', () => {
  test('follows the documented schema with a summary and one record per test', () => {
    const doc = JSON.parse(renderJson(RESULTS));
    expect(doc.summary).toEqual({ passed: 1, failed: 1, unknown: 1 });
    expect(doc.tests.map((t: { status: string }) => t.status)).toEqual(['pass', 'fail', 'unknown']);
    expect(Object.keys(doc.tests[1])).toEqual(['file', 'name', 'component', 'status', 'failures']);
  });
});

describe('junit reporter', () => {
  const xml = renderJunit(RESULTS);

  test('writes one testsuite per file and one testcase per test', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  test('reports failures and unknown verdicts as failures with their type', () => {
    expect(xml).toContain('type="fail"');
    expect(xml).toContain('type="unknown"');
  });

  test('puts every failure detail in the failure body', () => {
    expect(xml).toContain('actual:   password=hunter2');
  });

  test('escapes XML special characters in names', () => {
    expect(xml).toContain('name="fails &lt;&amp;');
  });
});

describe('pretty reporter', () => {
  test('prints a verdict line per test and the totals', () => {
    const text = renderPretty(RESULTS, { color: false });
    expect(text).toContain('✓ pass    passes');
    expect(text).toContain('✗ FAIL    fails <&>');
    expect(text).toContain('? UNKNOWN cannot tell');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 unknown');
  });

  test('marks the changed spans of a failed expectation without colour', () => {
    const text = renderPretty(RESULTS, { color: false });
    expect(text).toContain('expected: password=[-REDACTED-]');
    expect(text).toContain('actual:   password={+hunter2+}');
  });
});
