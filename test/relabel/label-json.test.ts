import { describe, expect, it } from 'vitest';
import { formatLabelJson, parseLabelJson } from '../../src/relabel/label-json.ts';

describe('label JSON', () => {
  it('reads one {"labels":{…}} object per line', () => {
    const recs = parseLabelJson('{"labels":{"a":"1"}}\n\n{"labels":{"b":"2"}}\n');
    expect(recs.map((r) => [r.line, Object.fromEntries(r.labels)])).toEqual([
      [1, { a: '1' }],
      [3, { b: '2' }],
    ]);
  });

  it('reads a JSON list of targets as discovery components export them', () => {
    const recs = parseLabelJson('[{"__address__":"10.0.0.1:80","__meta_kubernetes_pod_name":"p"}]');
    expect(Object.fromEntries(recs[0]!.labels)).toEqual({ __address__: '10.0.0.1:80', __meta_kubernetes_pod_name: 'p' });
  });

  it('expands file_sd groups into one target per address', () => {
    const recs = parseLabelJson('[{"targets":["a:1","b:2"],"labels":{"env":"prod"}}]');
    expect(recs.map((r) => Object.fromEntries(r.labels))).toEqual([
      { __address__: 'a:1', env: 'prod' },
      { __address__: 'b:2', env: 'prod' },
    ]);
  });

  it('keeps a label named __proto__ as an ordinary label', () => {
    const [r] = parseLabelJson('{"labels":{"__proto__":"x"}}');
    expect([...r!.labels]).toEqual([['__proto__', 'x']]);
  });

  it('writes a __proto__ label back as a key', () => {
    expect(formatLabelJson(new Map([['__proto__', 'x']]))).toBe('{"labels":{"__proto__":"x"},"keep":true}');
  });

  it('rejects a label value that is not a string, with its line', () => {
    expect(() => parseLabelJson('{"labels":{"a":"1"}}\n{"labels":{"a":1}}')).toThrow(expect.objectContaining({ line: 2 }));
  });

  it('writes a dropped set as labels null and keep false', () => {
    expect(formatLabelJson(null, { dropped_by: 'x' })).toBe('{"labels":null,"keep":false,"dropped_by":"x"}');
  });
});
