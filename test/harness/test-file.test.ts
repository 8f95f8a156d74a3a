import { describe, expect, test } from 'vitest';
import { parseRfc3339Nano, readTestSuite } from '../../src/harness/test-file.ts';
import { TestFileError, type AlloyPipelineTest, type ScrubTest } from '../../src/harness/types.ts';

function errorOf(text: string): TestFileError {
  try {
    readTestSuite('t.test.yaml', text);
  } catch (err) {
    if (err instanceof TestFileError) return err;
    throw err;
  }
  throw new Error('expected a TestFileError');
}

describe("alloy-scrub's own format", () => {
  test('reads a test with every input and expectation key', () => {
    const suite = readTestSuite(
      't.test.yaml',
      [
        'config: a.alloy',
        'env: { TOKEN: abc }',
        'detectors: warn',
        'allow: [email, { detector: ipv4, value: 10.0.0.1 }]',
        'tests:',
        '  - name: all keys',
        '    component: loki.process.x',
        '    input: [one, two]',
        '    labels: { app: api }',
        '    extracted: { user: bob }',
        '    expect: [ONE, TWO]',
        '    expect_labels: { app: api }',
        '    expect_extracted: { user: bob }',
        '    expect_dropped: false',
        '    expect_tenant: shop',
        '    must_contain: ONE',
        '    must_not_contain: [secret]',
      ].join('\n'),
    );
    const t = suite.tests[0] as ScrubTest;
    expect(suite.format).toBe('alloy-scrub');
    expect(suite.config).toMatchObject({ kind: 'path', path: 'a.alloy' });
    expect(suite.env.get('TOKEN')).toBe('abc');
    expect(suite.detectors).toBe('warn');
    expect(suite.allow).toEqual([{ detector: 'email', value: 'email' }, { detector: 'ipv4', value: '10.0.0.1' }]);
    expect(t.inputs).toEqual(['one', 'two']);
    expect(t.expect).toEqual(['ONE', 'TWO']);
    expect(t.labels.get('app')).toBe('api');
    expect(t.extracted.get('user')).toBe('bob');
    expect(t.expectLabels?.get('app')).toBe('api');
    expect(t.expectDropped).toBe(false);
    expect(t.expectTenant).toBe('shop');
    expect(t.mustContain).toEqual(['ONE']);
    expect(t.mustNotContain).toEqual(['secret']);
  });

  test('a single input string is one input line', () => {
    const suite = readTestSuite('t.test.yaml', 'config: a.alloy\ntests:\n  - name: n\n    input: hello\n    expect: hello\n');
    expect((suite.tests[0] as ScrubTest).inputs).toEqual(['hello']);
  });

  test('a log line made of digits stays the text that was written', () => {
    const suite = readTestSuite('t.test.yaml', 'config: a.alloy\ntests:\n  - name: n\n    input: 0042\n    expect: 0042\n');
    expect((suite.tests[0] as ScrubTest).inputs).toEqual(['0042']);
  });

  test('an unknown key in a test is an error with its position', () => {
    const err = errorOf('config: a.alloy\ntests:\n  - name: n\n    input: x\n    expected: x\n');
    expect(err.pos).toEqual({ file: 't.test.yaml', line: 5, column: 5 });
    expect(err.message).toContain('unknown key "expected"');
  });

  test('an unknown top-level key is an error', () => {
    expect(errorOf('config: a.alloy\nfoo: 1\ntests: []\n').message).toContain('t.test.yaml:2:1: unknown key "foo"');
  });

  test('a test without any expectation is refused because it could never fail', () => {
    expect(errorOf('config: a.alloy\ntests:\n  - name: n\n    input: x\n').message).toContain('has no expectation');
  });

  test('a test without input is refused', () => {
    expect(errorOf('config: a.alloy\ntests:\n  - name: n\n    expect: x\n').message).toContain('has no input');
  });

  test('config and config_inline together are refused', () => {
    expect(errorOf('config: a.alloy\nconfig_inline: "x"\ntests: []\n').message).toContain('either "config" or "config_inline"');
  });

  test('a missing config is refused', () => {
    expect(errorOf('tests: []\n').message).toContain('names no config');
  });

  test('duplicate test names are refused', () => {
    const err = errorOf('config: a.alloy\ntests:\n  - {name: n, input: x, expect: x}\n  - {name: n, input: y, expect: y}\n');
    expect(err.message).toContain('duplicate test name "n"');
  });

  test('detectors accepts only fail or warn', () => {
    expect(errorOf('config: a.alloy\ndetectors: maybe\ntests: []\n').message).toContain('detectors must be "fail" or "warn"');
  });

  test('expect_dropped must be a boolean', () => {
    expect(errorOf('config: a.alloy\ntests:\n  - {name: n, input: x, expect_dropped: yes please}\n').message).toContain(
      'expect_dropped must be true or false',
    );
  });

  test('invalid YAML is reported with its position', () => {
    expect(errorOf('config: [a\n').message).toMatch(/^t\.test\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe("Alloy's declarative pipeline-test format", () => {
  const alloyFormat = [
    'config: |',
    '  loki.process "p" { forward_to = [] }',
    'inputs:',
    '  loki:',
    '    - components: [loki.process.p.receiver]',
    '      entries:',
    '        - labels: { app: api }',
    '          line: hello',
    '          timestamp: "2026-04-27T12:00:00.5Z"',
    '          structured_metadata: { pod: p1 }',
    'assert:',
    '  loki:',
    '    - type: count',
    '      count: 1',
    '    - type: contains',
    '      match:',
    '        line: hello',
    '        labels: { mode: partial, values: { app: api } }',
  ].join('\n');

  test('is recognised by its inputs and assert keys and read as one test', () => {
    const suite = readTestSuite('dir/pipe.yaml', alloyFormat);
    expect(suite.format).toBe('alloy-pipelinetest');
    expect(suite.config.kind).toBe('inline');
    const t = suite.tests[0] as AlloyPipelineTest;
    expect(t.name).toBe('pipe');
    expect(t.inputs[0]!.components).toEqual(['loki.process.p.receiver']);
    expect(t.inputs[0]!.entries[0]!.timestampNs).toBe(1_777_291_200_500_000_000n);
    expect(t.inputs[0]!.entries[0]!.structuredMetadata.get('pod')).toBe('p1');
    expect(t.assertions.map((a) => a.type)).toEqual(['count', 'contains']);
  });

  test('a config given as a path mapping is read as a path', () => {
    const suite = readTestSuite('p.yaml', alloyFormat.replace(/config: \|\n {2}.*\n/, 'config:\n  path: ./c.alloy\n'));
    expect(suite.config).toMatchObject({ kind: 'path', path: './c.alloy' });
  });

  test('an unknown assertion type is refused', () => {
    expect(errorOf(alloyFormat.replace('type: count', 'type: exists')).message).toContain('unknown assertion type "exists"');
  });

  test('a count assertion without count is refused as Alloy refuses it', () => {
    expect(errorOf(alloyFormat.replace('      count: 1\n', '')).message).toContain('count requires count');
  });

  test('a map match mode other than exact or partial is refused', () => {
    expect(errorOf(alloyFormat.replace('mode: partial', 'mode: fuzzy')).message).toContain('labels mode must be "exact" or "partial"');
  });

  test('entries without a receiver target are refused', () => {
    expect(errorOf(alloyFormat.replace('    - components: [loki.process.p.receiver]\n      entries:', '    - entries:')).message).toContain(
      'requires at least one receiver target',
    );
  });
});

describe('RFC 3339 timestamps', () => {
  test('a zone offset is applied', () => {
    expect(parseRfc3339Nano('2026-01-01T01:00:00+01:00')).toBe(parseRfc3339Nano('2026-01-01T00:00:00Z'));
  });
  test('nanoseconds are kept', () => {
    expect(parseRfc3339Nano('1970-01-01T00:00:00.000000001Z')).toBe(1n);
  });
  test('text that is not RFC 3339 is refused', () => {
    expect(parseRfc3339Nano('yesterday')).toBeNull();
  });
});
