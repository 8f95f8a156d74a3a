import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { newEntry } from '../../src/loki/types.ts';
import { compileLokiRelabel } from '../../src/relabel/loki-relabel.ts';

function sim(rules: string) {
  const model = loadConfig(
    `
loki.relabel "r" {
  forward_to = [loki.write.default.receiver]
${rules}
}
loki.write "default" {
  endpoint {
    url = "http://loki/loki/api/v1/push"
  }
}
`,
    'loki.alloy',
  );
  return compileLokiRelabel(model.components.get('loki.relabel.r')!);
}

describe('loki.relabel simulation', () => {
  it('rewrites the stream labels of a forwarded entry', () => {
    const s = sim(`  rule {
    source_labels = ["namespace"]
    target_label  = "tenant"
  }`);
    const [o] = s.process(newEntry('line', [['namespace', 'prod']]));
    expect(o?.kind === 'forward' ? Object.fromEntries(o.entry.labels) : o).toEqual({ namespace: 'prod', tenant: 'prod' });
  });

  it('leaves the line untouched', () => {
    const s = sim(`  rule {
    action = "labeldrop"
    regex  = "secret"
  }`);
    const [o] = s.process(newEntry('password=hunter2', [['secret', 's'], ['app', 'a']]));
    expect(o?.kind === 'forward' ? o.entry.line : o).toBe('password=hunter2');
  });

  it('sees only stream labels, not the extracted map', () => {
    const s = sim(`  rule {
    source_labels = ["user"]
    regex         = ".+"
    action        = "drop"
  }`);
    const e = newEntry('l', [['app', 'a']]);
    e.extracted.set('user', 'bob');
    expect(s.process(e)[0]?.kind).toBe('forward');
  });

  it('drops the entry when a rule drops it, naming the rule', () => {
    const s = sim(`  rule {
    source_labels = ["level"]
    regex         = "debug"
    action        = "drop"
  }`);
    const [o] = s.process(newEntry('l', [['level', 'debug']]));
    expect(o?.kind === 'drop' ? o.by : o).toBe('loki.relabel.r rule 1 (drop)');
  });

  it('drops the entry when no label is left', () => {
    const s = sim(`  rule {
    action = "labelkeep"
    regex  = "nothing"
  }`);
    const [o] = s.process(newEntry('l', [['app', 'a']]));
    expect(o?.kind === 'drop' ? o.reason : o).toMatch(/no labels left/);
  });

  it('drops an entry that arrives without labels, even with no rules', () => {
    const s = sim('');
    expect(s.process(newEntry('l'))[0]?.kind).toBe('drop');
  });

  it('marks the entry unknown when the result depends on Go map order', () => {
    const s = sim(`  rule {
    action = "labelmap"
    regex  = "[ab]_(.*)"
  }`);
    const [o] = s.process(newEntry('l', [['a_x', '1'], ['b_x', '2']]));
    expect(o?.kind === 'forward' ? o.entry.unknown.length : o).toBe(1);
  });
});
