import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { describeRelabelRules } from '../../src/relabel/describe.ts';

const model = loadConfig(
  `prometheus.relabel "p" {
  forward_to = []
  rule {
    action = "labeldrop"
    regex  = "user_(?P<kind>id|name)"
  }
  rule {
    source_labels = ["a"]
    target_label  = "b"
  }
}
`,
  'd.alloy',
);

describe('describeRelabelRules', () => {
  it('lists each rule with its position and resolved fields, defaults included', () => {
    const [, second] = describeRelabelRules(model.components.get('prometheus.relabel.p')!);
    expect(second).toMatchObject({
      index: 1,
      range: { start: { line: 7 } },
      action: 'replace',
      written: ['source_labels', 'target_label'],
      fields: { separator: ';', regex: '(.*)', anchored_regex: '^(?s:(.*))$', replacement: '$1', modulus: '0' },
    });
  });

  it("adds the analyser's view of the anchored regex", () => {
    const [first] = describeRelabelRules(model.components.get('prometheus.relabel.p')!);
    expect(first?.analysis).toMatchObject({ numSubexp: 1, subexpNames: ['', 'kind'], canMatchEmpty: false });
  });
});
