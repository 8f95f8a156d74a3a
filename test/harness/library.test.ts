import { describe, expect, test } from 'vitest';
import { loadConfig, processLogs, relabel, scrubMatchers, type ScrubMatchers } from 'alloy-scrub';

expect.extend(scrubMatchers);
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends ScrubMatchers<T> {}
}

const CONFIG = `
loki.process "scrub" {
  stage.replace {
    expression = \`password=(\\S+)\`
    replace    = "****"
  }
  forward_to = [loki.write.out.receiver]
}
loki.write "out" {
  endpoint { url = "https://loki.example/loki/api/v1/push" }
}
prometheus.relabel "pii" {
  forward_to = []
  rule {
    action = "labeldrop"
    regex  = "email"
  }
}
`;

describe('library use from a vitest suite', () => {
  const model = loadConfig(CONFIG, 'inline.alloy');

  test('processLogs returns what reaches each sink', () => {
    const [out] = processLogs(model, 'loki.process.scrub', [{ line: 'login password=hunter2', labels: { app: 'api' } }]);
    expect(out).toMatchObject({ input: 0, sink: 'loki.write.out', line: 'login password=****', labels: { app: 'api' }, unknown: [] });
  });

  test('toBeRedacted passes on scrubbed output', () => {
    expect(processLogs(model, 'loki.process.scrub', ['password=hunter2'])).toBeRedacted();
  });

  test('toBeRedacted fails when a detector finds a secret', () => {
    expect(processLogs(model, 'loki.process.scrub', ['key AKIAZ3MSJV4WWNKWW5X2'])).not.toBeRedacted();
  });

  test('toNotLeak checks a specific value', () => {
    const out = processLogs(model, 'loki.process.scrub', ['password=hunter2 user=bob']);
    expect(out).toNotLeak('hunter2');
    expect(out).not.toNotLeak('bob');
  });

  test('relabel returns the label set after the rules', () => {
    expect(relabel(model, 'prometheus.relabel.pii', { email: 'a@b.c', job: 'x' })).toEqual([{ labels: { job: 'x' }, unknown: [] }]);
  });
});
