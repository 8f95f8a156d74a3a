import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import type { AlloyValue } from '../../src/config/value.ts';
import { compileRelabelRules } from '../../src/relabel/engine.ts';
import { FILE, ruleBlock } from './build-rules.ts';

function rejection(attrs: Record<string, AlloyValue>, line = 5): ConfigError {
  try {
    compileRelabelRules([ruleBlock(attrs, line)], { component: 'prometheus.relabel', file: FILE });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('the rule was accepted');
}

function accepted(attrs: Record<string, AlloyValue>): boolean {
  compileRelabelRules([ruleBlock(attrs)], { component: 'prometheus.relabel', file: FILE });
  return true;
}

describe("Alloy's rule validation", () => {
  it('requires target_label for replace', () => {
    expect(rejection({ source_labels: ['a'] }).message).toBe("relabel configuration for replace action requires 'target_label' value");
  });

  it('points a validation error at the rule block', () => {
    const e = rejection({ source_labels: ['a'] }, 7);
    expect(e).toMatchObject({ file: FILE, range: { start: { line: 7 } } });
  });

  it.each(['hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'])('requires target_label for %s', (action) => {
    const attrs: Record<string, AlloyValue> = { action, source_labels: ['a'] };
    if (action === 'hashmod') attrs.modulus = 2;
    expect(rejection(attrs).message).toBe(`relabel configuration for ${action} action requires 'target_label' value`);
  });

  it('requires a non-zero modulus for hashmod, before checking target_label', () => {
    expect(rejection({ action: 'hashmod', source_labels: ['a'] }).message).toBe('relabel configuration for hashmod requires non-zero modulus');
  });

  it('rejects a target_label with $ that is not a name template', () => {
    expect(rejection({ source_labels: ['a'], target_label: 'a-$1' }).message).toBe(`"a-$1" is invalid 'target_label' for replace action`);
  });

  it('quotes an invalid target_label as Go does, escaping a no-break space', () => {
    expect(rejection({ source_labels: ['a'], target_label: 'a\u00a0$1' }).message).toBe(`"a\\u00a0$1" is invalid 'target_label' for replace action`);
  });

  it('accepts a target_label without $ that is not a legacy name (only UTF-8 is checked at load)', () => {
    expect(accepted({ source_labels: ['a'], target_label: 'a-b' })).toBe(true);
  });

  it('accepts ${1}x and $1 as target templates', () => {
    expect(accepted({ source_labels: ['a'], target_label: '${1}x' }) && accepted({ source_labels: ['a'], target_label: 'l_$1' })).toBe(true);
  });

  it('rejects a target template that starts with a digit', () => {
    expect(rejection({ source_labels: ['a'], target_label: '1$1' }).message).toBe(`"1$1" is invalid 'target_label' for replace action`);
  });

  it('rejects replacement on lowercase', () => {
    expect(rejection({ action: 'lowercase', source_labels: ['a'], target_label: 'b', replacement: 'x' }).message).toBe(
      "'replacement' can not be set for lowercase action",
    );
  });

  it('accepts replacement "$1" written out on uppercase', () => {
    expect(accepted({ action: 'uppercase', source_labels: ['a'], target_label: 'b', replacement: '$1' })).toBe(true);
  });

  it('rejects a labelmap replacement that is not a name template', () => {
    expect(rejection({ action: 'labelmap', regex: '(.*)', replacement: 'a-$1' }).message).toBe(`"a-$1" is invalid 'replacement' for labelmap action`);
  });

  it('rejects labeldrop with source_labels', () => {
    expect(rejection({ action: 'labeldrop', regex: 'a', source_labels: ['a'] }).message).toBe("labeldrop action requires only 'regex', and no other fields");
  });

  it('rejects labeldrop with an empty source_labels list (an empty list is not an absent one)', () => {
    expect(rejection({ action: 'labeldrop', regex: 'a', source_labels: [] }).message).toBe("labeldrop action requires only 'regex', and no other fields");
  });

  it('rejects labelkeep with a separator other than ";"', () => {
    expect(rejection({ action: 'labelkeep', regex: 'a', separator: ',' }).message).toBe("labelkeep action requires only 'regex', and no other fields");
  });

  it('accepts labelkeep with the default separator written out', () => {
    expect(accepted({ action: 'labelkeep', regex: 'a', separator: ';', replacement: '$1' })).toBe(true);
  });

  it('rejects keepequal with a regex', () => {
    expect(rejection({ action: 'keepequal', source_labels: ['a'], target_label: 'b', regex: 'x' }).message).toBe(
      "keepequal action requires only 'source_labels' and 'target_label', and no other fields",
    );
  });

  it('accepts dropequal with regex "(.*)" written out', () => {
    expect(accepted({ action: 'dropequal', source_labels: ['a'], target_label: 'b', regex: '(.*)' })).toBe(true);
  });
});

describe('decoding rule attributes', () => {
  it('rejects an action in the wrong case: names are case-sensitive', () => {
    expect(rejection({ action: 'Keep' }).message).toBe('"Keep" unrecognized action type "Keep"');
  });

  it('points an attribute error at the value', () => {
    expect(rejection({ action: 'Keep' }, 3).range?.start.line).toBe(4);
  });

  it("reports a regex Go cannot compile with Go's message about the wrapped pattern", () => {
    expect(rejection({ regex: '(abc', source_labels: ['a'], target_label: 'b' }).message).toBe(
      '"(abc" error parsing regexp: missing closing ): `^(?s:(abc)$`',
    );
  });

  it('reports a decode error before a validation error', () => {
    expect(rejection({ regex: '[', action: 'hashmod' }).message).toMatch(/error parsing regexp/);
  });

  it('rejects a labelled rule block', () => {
    const block = { ...ruleBlock({ source_labels: ['a'], target_label: 'b' }), label: 'x' };
    expect(() => compileRelabelRules([block], { component: 'prometheus.relabel', file: FILE })).toThrow('block "rule" does not support specifying labels');
  });

  it('rejects an attribute a rule does not have', () => {
    expect(rejection({ source: 'a' }).message).toBe('unrecognized attribute name "source"');
  });

  it('rejects a bool where a string is expected', () => {
    expect(rejection({ regex: true }).message).toBe('true should be string, got bool');
  });

  it('rejects a string where source_labels expects a list', () => {
    expect(rejection({ source_labels: 'a', target_label: 'b' }).message).toBe('"a" should be array, got string');
  });

  it('converts a number to a string as Alloy does', () => {
    const [rule] = compileRelabelRules([ruleBlock({ source_labels: ['a'], target_label: 'b', replacement: 42 })], { component: 'prometheus.relabel', file: FILE });
    expect(rule).toMatchObject({ config: { replacement: '42' } });
  });

  it('converts a numeric string to the modulus', () => {
    const [rule] = compileRelabelRules([ruleBlock({ action: 'hashmod', source_labels: ['a'], target_label: 'b', modulus: '8' })], {
      component: 'prometheus.relabel',
      file: FILE,
    });
    expect(rule).toMatchObject({ config: { modulus: 8n } });
  });

  it('decodes action = null as the empty action, which validation refuses', () => {
    expect(rejection({ action: null }).message).toBe('relabel action cannot be empty');
  });

  it('decodes separator = null as the empty separator', () => {
    const [rule] = compileRelabelRules([ruleBlock({ source_labels: ['a', 'b'], separator: null, target_label: 'c' })], { component: 'prometheus.relabel', file: FILE });
    expect(rule).toMatchObject({ config: { separator: '' } });
  });

  it('refuses regex = null, on which Alloy panics', () => {
    expect(rejection({ regex: null }).message).toMatch(/Alloy panics/);
  });

  it('compiles a rule whose value is unknown into an unknown rule instead of guessing', () => {
    const [rule] = compileRelabelRules([ruleBlock({ regex: { kind: 'unknown', reason: 'from env' } })], { component: 'prometheus.relabel', file: FILE });
    expect(rule).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/regex.*from env/) });
  });
});
