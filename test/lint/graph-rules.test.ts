import { describe, expect, it } from 'vitest';
import { lint, positions, withRule } from './helpers.ts';

const WRITE = 'loki.write "w" {\n  endpoint {\n    url = "https://loki.example.com/loki/api/v1/push"\n  }\n}\n';

describe('output-reaches-no-sink', () => {
  it('fires on a loki.process with an empty forward_to, at forward_to', () => {
    expect(positions(lint('loki.process "p" {\n  stage.luhn {}\n  forward_to = []\n}\n'), 'output-reaches-no-sink')).toEqual(['3:3']);
  });

  it('fires on a discovery.relabel whose output nothing reads', () => {
    const src = 'discovery.kubernetes "k" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = discovery.kubernetes.k.targets\n}\n';
    expect(positions(lint(src), 'output-reaches-no-sink')).toEqual(['4:1']);
  });

  it('fires on a component that only forwards to one that forwards nowhere', () => {
    const src = 'loki.relabel "a" {\n  forward_to = [loki.process.b.receiver]\n}\nloki.process "b" {\n  forward_to = []\n}\n';
    expect(positions(lint(src), 'output-reaches-no-sink')).toEqual(['2:3', '5:3']);
  });

  it('does not fire on a discovery.relabel whose output a foreach block reads', () => {
    const src = 'discovery.kubernetes "k" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = discovery.kubernetes.k.targets\n}\nforeach "each" {\n  collection = discovery.relabel.r.output\n  var        = "t"\n  template {\n    loki.echo "e" {}\n  }\n}\n';
    expect(withRule(lint(src), 'output-reaches-no-sink')).toEqual([]);
  });

  it('does not fire when the output reaches loki.write', () => {
    expect(withRule(lint(`loki.process "p" {\n  stage.luhn {}\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`), 'output-reaches-no-sink')).toEqual([]);
  });

  it('does not fire when discovery.relabel output feeds a source', () => {
    const src = `discovery.kubernetes "k" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = discovery.kubernetes.k.targets\n}\nloki.source.kubernetes "s" {\n  targets    = discovery.relabel.r.output\n  forward_to = [loki.secretfilter.f.receiver]\n}\nloki.secretfilter "f" {\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(withRule(lint(src), 'output-reaches-no-sink')).toEqual([]);
  });
});

describe('unscrubbed-log-path', () => {
  it('fires on a source forwarding straight to loki.write, at its forward_to', () => {
    const f = withRule(lint(`loki.source.file "f" {\n  targets    = [{"__path__" = "/var/log/app.log"}]\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`), 'unscrubbed-log-path');
    expect(f.map((x) => [x.range.start.line, x.message.includes('straight to loki.write.w')])).toEqual([[3, true]]);
  });

  it('fires on a pipeline that only parses and routes (stage.cri, stage.tenant)', () => {
    const src = `loki.process "p" {\n  stage.cri {}\n  stage.tenant {\n    label = "namespace"\n  }\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(positions(lint(src), 'unscrubbed-log-path')).toEqual(['6:3']);
  });

  it('fires when the only replace has no capture group', () => {
    const src = `loki.process "p" {\n  stage.replace {\n    expression = "AKIA[A-Z0-9]{16}"\n  }\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(withRule(lint(src), 'unscrubbed-log-path').length).toBe(1);
  });

  it('does not fire when a loki.secretfilter is on the path', () => {
    const src = `loki.source.file "f" {\n  targets    = [{"__path__" = "/var/log/app.log"}]\n  forward_to = [loki.secretfilter.s.receiver]\n}\nloki.secretfilter "s" {\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(withRule(lint(src), 'unscrubbed-log-path')).toEqual([]);
  });

  it('does not fire when a stage.replace with a capture group is on the path', () => {
    const src = `loki.process "p" {\n  stage.replace {\n    expression = "password=(\\\\S+)"\n    replace    = "REDACTED"\n  }\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(withRule(lint(src), 'unscrubbed-log-path')).toEqual([]);
  });

  it('stays silent past a component it cannot follow', () => {
    const src = `loki.source.file "f" {\n  targets    = [{"__path__" = "/var/log/app.log"}]\n  forward_to = [loki.enrich.e.receiver]\n}\nloki.enrich "e" {\n  forward_to = [loki.write.w.receiver]\n}\n${WRITE}`;
    expect(withRule(lint(src), 'unscrubbed-log-path')).toEqual([]);
  });
});
