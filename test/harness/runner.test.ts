import { describe, expect, test } from 'vitest';
import { readTestSuite } from '../../src/harness/test-file.ts';
import { runSuite } from '../../src/harness/runner.ts';
import type { TestResult } from '../../src/harness/types.ts';

const SCRUB = `
loki.process "scrub" {
  stage.replace {
    expression = \`password=(\\S+)\`
    replace    = "****"
  }
  stage.drop {
    expression = "^DEBUG"
  }
  forward_to = [loki.write.out.receiver]
}
loki.write "out" {
  endpoint { url = "https://loki.example/loki/api/v1/push" }
}
prometheus.relabel "pii" {
  forward_to = [prometheus.remote_write.out.receiver]
  rule {
    action = "labeldrop"
    regex  = "user_id"
  }
}
prometheus.remote_write "out" {
  endpoint { url = "https://mimir.example/api/v1/push" }
}
`;

function run(tests: string, extra = ''): TestResult[] {
  const yaml = `config_inline: |\n${SCRUB.split('\n').map((l) => `  ${l}`).join('\n')}\n${extra}tests:\n${tests}`;
  return runSuite(readTestSuite('suite.test.yaml', yaml));
}

function one(test: string, extra = ''): TestResult {
  const [r] = run(test, extra);
  return r!;
}

describe('log pipeline tests', () => {
  test('an exact expected line passes', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "password=hunter2 ok", expect: "password=**** ok" }\n`);
    expect(r.status).toBe('pass');
    expect(r.failures).toEqual([]);
  });

  test('a different output line fails with expected and actual', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "password=hunter2", expect: "password=REDACTED" }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures[0]).toMatchObject({ kind: 'expect', expected: 'password=REDACTED', actual: 'password=****' });
  });

  test('the only loki.process is the component when the test names none', () => {
    const r = one(`  - { name: t, input: "a", expect: "a" }\n`);
    expect(r.component).toBe('loki.process.scrub');
    expect(r.status).toBe('pass');
  });

  test('must_not_contain fails when the value reaches a sink', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "token=abc123xyz", must_not_contain: [abc123xyz] }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures.map((f) => f.kind)).toContain('must_not_contain');
    expect(r.failures.find((f) => f.kind === 'must_not_contain')!.secret).toBe('abc123xyz');
  });

  test('must_not_contain passes when the value was replaced', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "password=abc123xyz", must_not_contain: [abc123xyz] }\n`);
    expect(r.status).toBe('pass');
  });

  test('a detector hit the test did not expect is a leak failure', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "key AKIAZ3MSJV4WWNKWW5X2", must_contain: [key] }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures.find((f) => f.kind === 'leak')).toMatchObject({ detector: 'aws-access-key-id', secret: 'AKIAZ3MSJV4WWNKWW5X2' });
  });

  test('a detector hit named by expect is not a leak', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "key AKIAZ3MSJV4WWNKWW5X2", expect: "key AKIAZ3MSJV4WWNKWW5X2" }\n`);
    expect(r.status).toBe('pass');
  });

  test('an allow entry excuses a detector hit', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "mail ann@example.com", must_contain: [mail] }\n`, 'allow: [email]\n');
    expect(r.status).toBe('pass');
  });

  test('with detectors: warn a hit is a warning and the test passes', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "mail ann@example.com", must_contain: [mail] }\n`, 'detectors: warn\n');
    expect(r.status).toBe('pass');
    expect(r.warnings.map((w) => w.detector)).toEqual(['email']);
  });

  test('expect_dropped passes for a dropped entry', () => {
    expect(one(`  - { name: t, component: loki.process.scrub, input: "DEBUG x", expect_dropped: true }\n`).status).toBe('pass');
  });

  test('expect_dropped false fails for a dropped entry', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "DEBUG x", expect_dropped: false }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures[0]!.kind).toBe('expect_dropped');
  });

  test('expect_labels compares the labels exactly', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "x", labels: { app: api }, expect_labels: { app: web } }\n`);
    expect(r.failures[0]).toMatchObject({ kind: 'expect_labels', expected: '{app="web"}', actual: '{app="api"}' });
  });

  test('expect_extracted sees the labels Alloy copies into the extracted map', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "x", labels: { app: api }, expect_extracted: { app: api } }\n`);
    expect(r.status).toBe('pass');
  });

  test('several input lines are compared in order', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: [a, "DEBUG b", c], expect: [a, c] }\n`);
    expect(r.status).toBe('pass');
  });

  test('a component that is not defined fails with a message', () => {
    const r = one(`  - { name: t, component: loki.process.nope, input: "a", expect: "a" }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures[0]!.message).toContain('loki.process.nope');
  });

  test('--run style selection runs only the chosen tests', () => {
    const suite = readTestSuite(
      's.test.yaml',
      `config_inline: 'loki.process "p" { forward_to = [] }'\ntests:\n  - {name: keep me, input: a, expect: a}\n  - {name: skip me, input: a, expect: a}\n`,
    );
    expect(runSuite(suite, { select: (n) => n.startsWith('keep') }).map((r) => r.name)).toEqual(['keep me']);
  });
});

describe('tracing', () => {
  test('--trace records the entry after every stage of the start component', () => {
    const suite = readTestSuite('s.test.yaml', `config_inline: |\n${SCRUB.split('\n').map((l) => `  ${l}`).join('\n')}\ntests:\n  - { name: t, component: loki.process.scrub, input: "password=hunter2", expect: "password=****" }\n`);
    const [r] = runSuite(suite, { trace: true });
    expect(r!.trace![0]!.map((s) => s.line)).toEqual(['password=hunter2', 'password=****', 'password=****']);
    expect(r!.trace![0]![1]!.step).toMatch(/^stage\.replace at s\.test\.yaml#config:3:3$/);
  });

  test('a failed expect names the stage that last changed the line', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "password=hunter2", expect: "nope" }\n`);
    expect(r.failures[0]!.lastChange).toMatch(/^stage\.replace at /);
  });

  test('a failed expect says when no stage changed the line', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: "plain", expect: "nope" }\n`);
    expect(r.failures[0]!.lastChange).toBe('no stage changed the line');
  });
});

describe('verdicts that depend on what is not simulated', () => {
  test('an unsupported stage makes the verdict unknown, never pass', () => {
    const suite = readTestSuite(
      's.test.yaml',
      [
        'config_inline: |',
        '  loki.process "p" {',
        '    stage.geoip {',
        '      source = "ip"',
        '      db     = "/etc/geo.mmdb"',
        '    }',
        '    forward_to = []',
        '  }',
        'tests:',
        '  - {name: t, input: a, expect: a}',
      ].join('\n'),
    );
    const [r] = runSuite(suite);
    expect(r!.status).toBe('unknown');
    expect(r!.failures.some((f) => f.kind === 'unknown' && f.message.includes('geoip'))).toBe(true);
  });
});

describe('config errors', () => {
  test('expect_error passes when the component is refused with that message', () => {
    const suite = readTestSuite(
      's.test.yaml',
      ['config_inline: |', '  loki.process "p" {', '    stage.replace {', '      expression = "(?=x)"', '    }', '    forward_to = []', '  }', 'tests:', '  - {name: t, input: a, expect_error: "invalid or unsupported Perl syntax"}'].join('\n'),
    );
    expect(runSuite(suite)[0]!.status).toBe('pass');
  });

  test('a refused config fails a test that did not expect it, with the position', () => {
    const suite = readTestSuite('s.test.yaml', 'config_inline: |\n  loki.process "p" {\n    stage.replace {}\n    forward_to = []\n  }\ntests:\n  - {name: t, input: a, expect: a}\n');
    const [r] = runSuite(suite);
    expect(r!.status).toBe('fail');
    expect(r!.failures[0]!.message).toMatch(/s\.test\.yaml#config:\d+:\d+/);
  });

  test('a syntax error in the config fails every test with file:line:col', () => {
    const suite = readTestSuite('s.test.yaml', 'config_inline: |\n  loki.process "p" {\n    forward_to = [\n  }\ntests:\n  - {name: t, input: a, expect: a}\n');
    const [r] = runSuite(suite);
    expect(r!.status).toBe('fail');
    expect(r!.failures[0]!.message).toMatch(/^s\.test\.yaml#config:\d+:\d+: /);
  });

  test('expect_error fails when the config is accepted', () => {
    const r = one(`  - { name: t, component: loki.process.scrub, input: a, expect_error: "boom" }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures[0]!.kind).toBe('expect_error');
  });
});

describe('relabel tests', () => {
  test('expect_labels passes when the rules give those labels', () => {
    const r = one(`  - { name: t, component: prometheus.relabel.pii, labels: { user_id: "42", path: "/" }, expect_labels: { path: "/" } }\n`);
    expect(r.status).toBe('pass');
  });

  test('expect_series compares series after the rules', () => {
    const r = one(`  - { name: t, component: prometheus.relabel.pii, series: 'up{user_id="42",job="a"} 1', expect_series: 'up{job="b"}' }\n`);
    expect(r.status).toBe('fail');
    expect(r.failures[0]).toMatchObject({ kind: 'expect_series', expected: 'up{job="b"}', actual: 'up{job="a"}' });
  });

  test('an e-mail left in a label value is a suspected leak', () => {
    const r = one(`  - { name: t, component: prometheus.relabel.pii, labels: { owner: "ann@example.com" }, must_not_contain: [nothing-here] }\n`);
    expect(r.failures.find((f) => f.kind === 'leak')?.detector).toBe('email');
  });
});

describe("Alloy's declarative pipeline tests", () => {
  const file = (assertions: string) =>
    [
      'config: |',
      '  loki.process "p" {',
      '    forward_to = [loki.write.sink.receiver]',
      '    stage.replace {',
      '      expression = `password=(\\S+)`',
      '      replace    = "****"',
      '    }',
      '  }',
      '  loki.write "sink" {',
      '    endpoint { url = pipelinetest.loki.url }',
      '  }',
      'inputs:',
      '  loki:',
      '    - components: [loki.process.p.receiver]',
      '      entries:',
      '        - { labels: { app: api }, line: "password=hunter2" }',
      'assert:',
      '  loki:',
      assertions,
    ].join('\n');

  test('run unchanged with pipelinetest.loki.url in scope, and pass when the assertions hold', () => {
    const [r] = runSuite(readTestSuite('p.yaml', file('    - { type: contains, match: { line: "password=****", labels: { values: { app: api } } } }')));
    expect(r!.status).toBe('pass');
  });

  test('fail with Alloy-style messages when a count does not hold', () => {
    const [r] = runSuite(readTestSuite('p.yaml', file('    - { type: count, count: 2 }')));
    expect(r!.status).toBe('fail');
    expect(r!.failures[0]).toMatchObject({ kind: 'loki.count', message: 'want 2, got 1' });
  });

  test('fail when no entry matches a contains assertion', () => {
    const [r] = runSuite(readTestSuite('p.yaml', file('    - { type: contains, match: { line: "password=hunter2" } }')));
    expect(r!.failures[0]!.kind).toBe('loki.contains');
  });
});

describe('config warnings', () => {
  test('what Alloy would refuse outside the simulated path is reported once as a positioned warning', () => {
    const suite = readTestSuite(
      's.test.yaml',
      'config_inline: |\n  loki.source.kubernetes_pods "x" {\n    forward_to = [loki.process.p.receiver]\n  }\n  loki.process "p" {\n    forward_to = []\n  }\ntests:\n  - {name: a, component: loki.process.p, input: x, expect: x}\n  - {name: b, component: loki.process.p, input: y, expect: y}\n',
    );
    const warnings: string[] = [];
    const results = runSuite(suite, { onConfigWarning: (w) => warnings.push(w) });
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^s\.test\.yaml#config:1:1: warning: \[unknown-component\] loki\.source\.kubernetes_pods/);
  });
});

describe('expect_extracted on values that are not strings', () => {
  const cfg = [
    'config_inline: |',
    '  loki.process "p" {',
    '    stage.json {',
    '      expressions = { n = "n", obj = "obj" }',
    '    }',
    '    forward_to = []',
    '  }',
    'tests:',
  ].join('\n');

  test('a JSON number is compared in the string form Alloy gives it', () => {
    const [r] = runSuite(readTestSuite('s.test.yaml', `${cfg}\n  - {name: t, input: '{"n": 1.5e3}', expect_extracted: { n: "1500" }}\n`));
    expect(r!.status).toBe('pass');
  });

  test('an object value differs from any string and is shown as JSON', () => {
    const [r] = runSuite(readTestSuite('s.test.yaml', `${cfg}\n  - {name: t, input: '{"obj": {"a": 1}}', expect_extracted: { obj: "x" }}\n`));
    expect(r!.status).toBe('fail');
    expect(r!.failures[0]!.actual).toContain('"a":1');
  });
});
