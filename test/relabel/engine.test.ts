import { describe, expect, it } from 'vitest';
import { applyRelabel, compileRelabelRules, type RelabelComponentName } from '../../src/relabel/engine.ts';
import type { AlloyValue } from '../../src/config/value.ts';
import { FILE, labels, plain, ruleBlock } from './build-rules.ts';

function run(
  rules: Record<string, AlloyValue>[],
  input: Record<string, string>,
  component: RelabelComponentName = 'prometheus.relabel',
) {
  const compiled = compileRelabelRules(
    rules.map((r, i) => ruleBlock(r, 1 + i * 10)),
    { component, file: FILE },
  );
  return applyRelabel(compiled, labels(input), { component });
}

function out(rules: Record<string, AlloyValue>[], input: Record<string, string>, component?: RelabelComponentName) {
  return plain(run(rules, input, component).labels);
}

describe('defaults', () => {
  it('a rule with only target_label copies the source value: action replace, regex (.*), replacement $1', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b' }], { a: 'x' })).toEqual({ a: 'x', b: 'x' });
  });

  it('joins source labels with ";" by default', () => {
    expect(out([{ source_labels: ['a', 'b'], target_label: 'c' }], { a: '1', b: '2' })).toEqual({ a: '1', b: '2', c: '1;2' });
  });

  it('uses the configured separator', () => {
    expect(out([{ source_labels: ['a', 'b'], separator: '-', target_label: 'c' }], { a: '1', b: '2' })).toMatchObject({ c: '1-2' });
  });

  it('reads a missing source label as the empty string', () => {
    expect(out([{ source_labels: ['a', 'missing'], target_label: 'c' }], { a: '1' })).toMatchObject({ c: '1;' });
  });

  it('anchors the regex at both ends', () => {
    expect(out([{ source_labels: ['a'], regex: 'b', target_label: 'c', replacement: 'hit' }], { a: 'abc' })).toEqual({ a: 'abc' });
  });

  it('lets "." match a newline (the regex is wrapped as (?s:…))', () => {
    expect(out([{ source_labels: ['a'], regex: 'x.y', target_label: 'c', replacement: 'hit' }], { a: 'x\ny' })).toMatchObject({ c: 'hit' });
  });

  it('keeps the wrapping literal: a top-level alternation is split by it', () => {
    // ^(?s:a)|(b)$ : "ab…" matches through the first branch although "a" is not the whole value.
    expect(out([{ source_labels: ['v'], regex: 'a)|(b', target_label: 'c', replacement: 'hit' }], { v: 'axxx' })).toMatchObject({ c: 'hit' });
  });
});

describe('replace', () => {
  it('does nothing when the regex does not match', () => {
    expect(out([{ source_labels: ['a'], regex: 'z', target_label: 'b' }], { a: 'x' })).toEqual({ a: 'x' });
  });

  it('deletes the target label when the replacement expands to the empty string', () => {
    expect(out([{ source_labels: ['a'], regex: '(x)(y)?', target_label: 'b', replacement: '$2' }], { a: 'x', b: 'old' })).toEqual({ a: 'x' });
  });

  it('sets the target when a missing source label is matched by (.*) as the empty string', () => {
    expect(out([{ source_labels: ['client_ip'], target_label: 'client_ip_hashed', replacement: 'hashed' }], { path: '/' })).toEqual({
      path: '/',
      client_ip_hashed: 'hashed',
    });
  });

  it('expands $1x as the group named "1x", which does not exist, so to nothing', () => {
    expect(out([{ source_labels: ['a'], regex: '(.*)', target_label: 'b', replacement: '$1x' }], { a: 'v' })).toEqual({ a: 'v' });
  });

  it('expands ${1}x as group 1 followed by x', () => {
    expect(out([{ source_labels: ['a'], regex: '(.*)', target_label: 'b', replacement: '${1}x' }], { a: 'v' })).toMatchObject({ b: 'vx' });
  });

  it('expands $$ to a single dollar', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', replacement: '$$1' }], { a: 'v' })).toMatchObject({ b: '$1' });
  });

  it('expands a named group by $name and ${name}', () => {
    const r = { source_labels: ['a'], regex: '(?P<host>[^:]+):(?P<port>.*)', target_label: 'b', replacement: '$port/${host}' };
    expect(out([r], { a: 'h:80' })).toMatchObject({ b: '80/h' });
  });

  it('expands a group that does not exist to nothing', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', replacement: 'x$9y' }], { a: 'v' })).toMatchObject({ b: 'x' });
  });

  it('keeps a lone trailing $ literally', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', replacement: 'cost$' }], { a: 'v' })).toMatchObject({ b: 'cost$' });
  });

  it('expands $0 to the whole match', () => {
    expect(out([{ source_labels: ['a', 'b'], target_label: 'c', replacement: '<$0>' }], { a: '1', b: '2' })).toMatchObject({ c: '<1;2>' });
  });

  it('expands the target label too', () => {
    expect(out([{ source_labels: ['k', 'v'], regex: '(.*);(.*)', target_label: 'tag_${1}', replacement: '$2' }], { k: 'env', v: 'prod' })).toMatchObject({
      tag_env: 'prod',
    });
  });

  it('prometheus.relabel skips a target that expands to a non-legacy name', () => {
    expect(out([{ source_labels: ['k'], target_label: '${1}', replacement: 'v' }], { k: 'a-b' })).toEqual({ k: 'a-b' });
  });

  it('loki.relabel skips a target that expands to a non-legacy name', () => {
    expect(out([{ source_labels: ['k'], target_label: '${1}', replacement: 'v' }], { k: 'a-b' }, 'loki.relabel')).toEqual({ k: 'a-b' });
  });

  it('discovery.relabel accepts any non-empty UTF-8 name after expansion', () => {
    expect(out([{ source_labels: ['k'], target_label: '${1}', replacement: 'v' }], { k: 'a-b' }, 'discovery.relabel')).toEqual({
      k: 'a-b',
      'a-b': 'v',
    });
  });

  it('discovery.relabel skips a target that expands to the empty string', () => {
    expect(out([{ source_labels: ['k'], target_label: '${1}', replacement: 'v' }], { k: '' }, 'discovery.relabel')).toEqual({});
  });

  it('accepts a literal non-legacy target_label at load time but never writes it in prometheus.relabel', () => {
    expect(out([{ source_labels: ['a'], target_label: 'a-b' }], { a: 'v' })).toEqual({ a: 'v' });
  });

  it('writes a literal non-legacy target_label in discovery.relabel', () => {
    expect(out([{ source_labels: ['a'], target_label: 'a-b' }], { a: 'v' }, 'discovery.relabel')).toEqual({ a: 'v', 'a-b': 'v' });
  });
});

describe('keep and drop', () => {
  it('keep drops a set whose value does not match', () => {
    const r = run([{ source_labels: ['l'], regex: 'enabled', action: 'keep' }], { l: 'disabled' });
    expect(r.labels).toBeNull();
  });

  it('keep passes a set whose value matches', () => {
    expect(out([{ source_labels: ['l'], regex: 'enabled', action: 'keep' }], { l: 'enabled' })).toEqual({ l: 'enabled' });
  });

  it('keep drops a set without the source label unless the regex matches ""', () => {
    expect(run([{ source_labels: ['l'], regex: 'enabled', action: 'keep' }], { x: '1' }).labels).toBeNull();
  });

  it('drop drops a set whose value matches', () => {
    expect(run([{ source_labels: ['l'], regex: 'a|b', action: 'drop' }], { l: 'b' }).labels).toBeNull();
  });

  it('drop without source_labels and with the default regex drops everything', () => {
    expect(run([{ action: 'drop' }], { l: 'b' }).labels).toBeNull();
  });

  it('names the rule that dropped the set', () => {
    const r = run([{ source_labels: ['l'], target_label: 'x' }, { source_labels: ['l'], regex: 'b', action: 'drop' }], { l: 'b' });
    expect(r.droppedBy).toMatchObject({ index: 1, action: 'drop', range: { start: { line: 11 } } });
  });

  it('runs no rule after the one that dropped the set', () => {
    const r = run([{ action: 'drop' }, { action: 'labelmap', regex: '[ab]_(.*)' }], { a_x: '1', b_x: '2' }, 'loki.relabel');
    expect(r).toEqual({ labels: null, droppedBy: expect.objectContaining({ index: 0 }) });
  });
});

describe('keepequal and dropequal', () => {
  it('keepequal keeps a set whose target equals the joined sources', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }], { a: '1', b: '1' })).toEqual({ a: '1', b: '1' });
  });

  it('keepequal drops a set whose target differs', () => {
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }], { a: '1', b: '2' }).labels).toBeNull();
  });

  it('dropequal drops a set whose target equals the joined sources', () => {
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'dropequal' }], { a: '1', b: '1' }).labels).toBeNull();
  });

  it('dropequal treats two missing labels as equal', () => {
    expect(run([{ source_labels: ['x'], target_label: 'y', action: 'dropequal' }], { a: '1' }).labels).toBeNull();
  });
});

describe('lowercase and uppercase', () => {
  it('lowercase writes the lowercased value to the target', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }], { a: 'AbC' })).toMatchObject({ b: 'abc' });
  });

  it('uppercase writes the uppercased value to the target', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'uppercase' }], { a: 'AbC' })).toMatchObject({ b: 'ABC' });
  });

  it('uses Go simple case mapping: ß stays, ǆ becomes Ǆ, ᾳ becomes ᾼ', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'uppercase' }], { a: 'straße ǆ ᾳ' })).toMatchObject({ b: 'STRAßE Ǆ ᾼ' });
  });

  it('lowercases İ to a plain i and a final Σ to σ', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }], { a: 'İSTANBUL ΣΑΣ' })).toMatchObject({ b: 'istanbul σασ' });
  });

  it('writes an invalid UTF-8 byte as U+FFFD', () => {
    expect(out([{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }], { a: 'a\udcffB' })).toMatchObject({ b: 'a\ufffdb' });
  });

  it('deletes the target when the joined value is empty', () => {
    expect(out([{ source_labels: ['missing'], target_label: 'b', action: 'lowercase' }], { b: 'x', c: 'y' })).toEqual({ c: 'y' });
  });
});

describe('hashmod', () => {
  it('matches Go: md5, last 8 bytes big-endian, modulo', () => {
    expect(out([{ source_labels: ['ip'], target_label: 'shard', action: 'hashmod', modulus: 7 }], { ip: '10.1.2.3' })).toMatchObject({ shard: '4' });
  });

  it('hashes the joined value of several labels', () => {
    expect(out([{ source_labels: ['n', 'e'], target_label: 'shard', action: 'hashmod', modulus: 1000 }], { n: 'node-1', e: 'prod' })).toMatchObject({
      shard: '809',
    });
  });

  it('hashes the UTF-8 bytes of the value', () => {
    expect(out([{ source_labels: ['v'], target_label: 'shard', action: 'hashmod', modulus: 1000 }], { v: '😀' })).toMatchObject({ shard: '966' });
  });
});

describe('labelmap', () => {
  it('copies matching labels under the replaced name and keeps the originals', () => {
    expect(out([{ action: 'labelmap', regex: '__meta_kubernetes_pod_label_(.+)' }], { __meta_kubernetes_pod_label_app: 'api', x: '1' })).toEqual({
      __meta_kubernetes_pod_label_app: 'api',
      app: 'api',
      x: '1',
    });
  });

  it('does not map the labels it creates in the same rule', () => {
    expect(out([{ action: 'labelmap', regex: '(.*)', replacement: 'x_$1' }], { a: '1' })).toEqual({ a: '1', x_a: '1' });
  });

  it('lets the last label in sorted order win when prometheus.relabel maps two labels onto one name', () => {
    expect(out([{ action: 'labelmap', regex: '[ab]_(.*)' }], { a_x: '1', b_x: '2' })).toMatchObject({ x: '2' });
  });

  it('reports loki.relabel mapping two labels onto one name with different values as order-dependent', () => {
    const r = run([{ action: 'labelmap', regex: '[ab]_(.*)' }], { a_x: '1', b_x: '2' }, 'loki.relabel');
    expect(r.unknown?.[0]?.message).toMatch(/map iteration order/);
  });

  it('does not report a collision of equal values', () => {
    const r = run([{ action: 'labelmap', regex: '[ab]_(.*)' }], { a_x: '1', b_x: '1' }, 'loki.relabel');
    expect(r.unknown).toBeUndefined();
  });

  it('reports discovery.relabel mapping a label onto another label the same rule maps', () => {
    const r = run([{ action: 'labelmap', regex: '(.*)_x', replacement: '$1' }], { a_x_x: '1', a_x: '2' }, 'discovery.relabel');
    expect(r.unknown?.[0]?.message).toMatch(/map iteration order/);
  });
});

describe('labeldrop and labelkeep', () => {
  it('labeldrop removes every label whose name matches', () => {
    expect(out([{ action: 'labeldrop', regex: 'user_id|email' }], { user_id: '1', email: 'a@b', path: '/' })).toEqual({ path: '/' });
  });

  it('labeldrop matches the whole name only', () => {
    expect(out([{ action: 'labeldrop', regex: 'client_ip' }], { client_ip_hashed: 'h', client_ip: '1' })).toEqual({ client_ip_hashed: 'h' });
  });

  it('labelkeep removes every label whose name does not match', () => {
    expect(out([{ action: 'labelkeep', regex: '__name__|job' }], { __name__: 'up', job: 'j', pod: 'p' })).toEqual({ __name__: 'up', job: 'j' });
  });
});

describe('label sets left empty', () => {
  it('prometheus.relabel drops a series whose labels are all removed', () => {
    const r = run([{ action: 'labeldrop', regex: '.*' }], { a: '1' });
    expect(r).toMatchObject({ labels: null, droppedBy: { index: -1 } });
  });

  it('loki.relabel drops an entry without labels even with no rules', () => {
    const r = applyRelabel([], new Map(), { component: 'loki.relabel' });
    expect(r.labels).toBeNull();
  });

  it('discovery.relabel keeps a target whose labels are all removed', () => {
    expect(out([{ action: 'labeldrop', regex: '.*' }], { a: '1' }, 'discovery.relabel')).toEqual({});
  });

  it('treats an input label with an empty value as absent', () => {
    expect(out([{ source_labels: ['a'], regex: '', action: 'keep' }], { a: '', b: '1' })).toEqual({ b: '1' });
  });
});

describe('output order', () => {
  it('sorts label names by Go byte order, so astral characters sort after U+FFFF', () => {
    const r = run([], { '\uffee': '1', '😀': '2', a: '3' });
    expect([...r.labels!.keys()]).toEqual(['a', '\uffee', '😀']);
  });
});

describe('unknown rules', () => {
  it('stops at a rule whose fields are only known at run time and says why', () => {
    const r = run(
      [{ source_labels: ['a'], target_label: 'b' }, { action: 'labeldrop', regex: { kind: 'unknown', reason: 'local.file.x.content is read at run time' } }],
      { a: '1' },
    );
    expect(r).toMatchObject({ labels: new Map([['a', '1'], ['b', '1']]), unknown: [{ message: expect.stringMatching(/local.file.x.content/) }] });
  });
});

describe('seed 002: prometheus.relabel "drop_pii_labels"', () => {
  const rules: Record<string, AlloyValue>[] = [
    { action: 'labeldrop', regex: 'user_id|email|username|customer_id|session_id' },
    { source_labels: ['client_ip'], target_label: 'client_ip_hashed', action: 'replace', replacement: 'hashed' },
    { action: 'labeldrop', regex: 'client_ip' },
  ];

  it('drops the PII labels and replaces client_ip by a constant', () => {
    expect(out(rules, { __name__: 'http_requests_total', user_id: '42', client_ip: '10.1.2.3', path: '/' })).toEqual({
      __name__: 'http_requests_total',
      client_ip_hashed: 'hashed',
      path: '/',
    });
  });

  it('adds client_ip_hashed="hashed" to a series that never had client_ip', () => {
    expect(out(rules, { __name__: 'up', job: 'api' })).toEqual({ __name__: 'up', client_ip_hashed: 'hashed', job: 'api' });
  });
});

describe('seed 003: discovery.relabel "pod_logs"', () => {
  const rules: Record<string, AlloyValue>[] = [
    { source_labels: ['__meta_kubernetes_pod_label_logging'], regex: 'enabled', action: 'keep' },
    { source_labels: ['__meta_kubernetes_pod_node_name'], action: 'replace', target_label: 'node_name' },
  ];

  it('keeps a pod labelled logging=enabled and adds node_name', () => {
    const t = { __address__: '10.0.0.5', __meta_kubernetes_pod_label_logging: 'enabled', __meta_kubernetes_pod_node_name: 'n1' };
    expect(out(rules, t, 'discovery.relabel')).toEqual({ ...t, node_name: 'n1' });
  });

  it('drops a pod without the logging label', () => {
    expect(run(rules, { __address__: '10.0.0.6' }, 'discovery.relabel').labels).toBeNull();
  });

  it('drops a pod with logging=Enabled: the match is case-sensitive', () => {
    expect(run(rules, { __meta_kubernetes_pod_label_logging: 'Enabled' }, 'discovery.relabel').labels).toBeNull();
  });
});
