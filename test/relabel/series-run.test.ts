import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { chooseRelabelStart, runSeries } from '../../src/relabel/series-run.ts';

const model = loadConfig(
  `prometheus.relabel "split" {
  forward_to = [prometheus.remote_write.a.receiver, prometheus.remote_write.b.receiver]
  rule {
    action = "labeldrop"
    regex  = "secret"
  }
}
prometheus.remote_write "a" {
  endpoint {
    url = "http://a/api/v1/push"
  }
}
prometheus.remote_write "b" {
  endpoint {
    url = "http://b/api/v1/push"
  }
}
loki.relabel "streams" {
  forward_to = []
  rule {
    action = "labelmap"
    regex  = "[ab]_(.*)"
  }
}
`,
  'series.alloy',
);

describe('runSeries', () => {
  it('writes one series per sink, each under a comment naming the sink, when the path fans out', () => {
    const out = runSeries(model, 'prometheus.relabel.split', 'm{secret="s",a="1"} 1\n', { inputFormat: 'prom', outputFormat: 'prom' });
    expect(out.text).toBe('# to prometheus.remote_write.a\nm{a="1"} 1\n# to prometheus.remote_write.b\nm{a="1"} 1\n');
  });

  it('writes an order-dependent result with an unknown comment before it', () => {
    const out = runSeries(model, 'loki.relabel.streams', '{"labels":{"a_x":"1","b_x":"2"}}', { inputFormat: 'jsonl', outputFormat: 'prom' });
    expect(out.text.split('\n')[0]).toMatch(/^# unknown: rule 1 \(labelmap\): .*map iteration order at series\.alloy:20:3$/);
  });

  it('counts inputs, kept and unknown results', () => {
    const out = runSeries(model, 'loki.relabel.streams', '{"labels":{"a_x":"1","b_x":"2"}}\n{"labels":{"c":"1"}}', { inputFormat: 'jsonl', outputFormat: 'jsonl' });
    expect([out.inputs, out.kept, out.dropped, out.unknown]).toEqual([2, 2, 0, 1]);
  });
});

describe('chooseRelabelStart', () => {
  it('refuses a component that is not a relabel component and lists the relabel ones', () => {
    expect(chooseRelabelStart(model, 'prometheus.remote_write.a')).toEqual({
      ok: false,
      message: 'prometheus.remote_write.a is not a relabel component',
      choices: ['prometheus.relabel.split', 'loki.relabel.streams'],
    });
  });
});
