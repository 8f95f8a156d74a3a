import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { applyRelabel, compileRelabelRules, type RelabelComponentName } from '../../src/relabel/engine.ts';
import { compareGo } from '../../src/relabel/go-strings.ts';
import { FILE, ruleBlock } from './build-rules.ts';

const component = fc.constantFrom<RelabelComponentName>('prometheus.relabel', 'discovery.relabel', 'loki.relabel');
const labelSet = fc.dictionary(fc.string({ maxLength: 4, unit: 'grapheme' }), fc.string({ maxLength: 4, unit: 'grapheme' }), { maxKeys: 6 });
const rules = fc.array(
  fc.oneof(
    fc.record({ action: fc.constant('labelmap'), regex: fc.constantFrom('(.*)', '(.)(.*)'), replacement: fc.constantFrom('x_$1', '$2') }),
    fc.record({ action: fc.constantFrom('labeldrop', 'labelkeep'), regex: fc.constantFrom('a.*', '.', '') }),
    fc.record({ source_labels: fc.array(fc.constantFrom('a', 'b', ''), { maxLength: 2 }), target_label: fc.constantFrom('t', '${1}') }),
  ),
  { maxLength: 4 },
);

describe('engine properties', () => {
  test.prop([component, rules, labelSet])('never modifies the input label set', (c, rs, obj) => {
    const input = new Map(Object.entries(obj));
    const before = [...input];
    applyRelabel(compileRelabelRules(rs.map((r) => ruleBlock(r)), { component: c, file: FILE }), input, { component: c });
    expect([...input]).toEqual(before);
  });

  test.prop([component, rules, labelSet])('returns labels sorted in Go byte order', (c, rs, obj) => {
    const r = applyRelabel(compileRelabelRules(rs.map((x) => ruleBlock(x)), { component: c, file: FILE }), new Map(Object.entries(obj)), { component: c });
    const names = [...(r.labels ?? new Map()).keys()];
    expect(names).toEqual([...names].sort(compareGo));
  });

  test.prop([component, labelSet])('with no rules, keeps exactly the labels with non-empty values (or drops an empty set outside discovery.relabel)', (c, obj) => {
    const r = applyRelabel([], new Map(Object.entries(obj)), { component: c });
    const nonEmpty = Object.entries(obj).filter(([, v]) => v !== '');
    if (nonEmpty.length === 0 && c !== 'discovery.relabel') expect(r.labels).toBeNull();
    else expect(Object.fromEntries(r.labels!)).toEqual(Object.fromEntries(nonEmpty));
  });
});
