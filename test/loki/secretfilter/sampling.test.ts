// rate: the fraction of entries Alloy scans. 0 and 1 are deterministic; anything between is a
// coin toss per entry that the simulation cannot predict.

import { describe, expect, it } from 'vitest';
import { filterLine, withToml } from './helpers.ts';

const RULE = `[[rules]]\nid = "t"\nregex = '''tok_\\w+'''\n`;

describe('rate', () => {
  it('forwards every entry unscanned and unmarked at rate 0', () => {
    const [a, o] = withToml(RULE, { rate: 0 });
    const e = filterLine('x tok_abc', a, o);
    expect(e.line).toBe('x tok_abc');
    expect(e.unknown).toEqual([]);
  });

  it('marks entries unknown and shows them unscanned at a rate between 0 and 1', () => {
    const [a, o] = withToml(RULE, { rate: 0.5 });
    const e = filterLine('x tok_abc', a, o);
    expect(e.line).toBe('x tok_abc');
    expect(e.unknown[0]!.message).toContain('rate = 0.5');
  });

  it('scans every entry at rate 1', () => {
    const [a, o] = withToml(RULE, { rate: 1, redact_percent: 100 });
    expect(filterLine('x tok_abc', a, o).line).toBe('x REDACTED');
  });
});
