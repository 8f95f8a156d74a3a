// Alloy runs gitleaks rules in Go map order, which is random, and redacts findings one after
// the other on the current line. When that order changes the result, the simulation says so.

import { describe, expect, it } from 'vitest';
import { filterLine, withToml } from './helpers.ts';

describe('rule order', () => {
  it('marks the entry unknown and forwards the leakiest line when the order of two rules matters', () => {
    // "outer" finds "abc-def"; "inner" finds "def". If inner runs first, outer's secret is gone
    // from the line and "abc-" survives; if outer runs first, both are gone.
    const toml = `[[rules]]\nid = "outer"\nregex = '''abc-def'''\n[[rules]]\nid = "inner"\nregex = '''def'''\n`;
    const [a, o] = withToml(toml, { redact_with: 'X' });
    const e = filterLine('v=abc-def', a, o);
    expect(e.line).toBe('v=abc-X');
    expect(e.unknown[0]!.message).toContain('order');
  });

  it('does not mark the entry when the rules touch separate parts of the line', () => {
    const toml = `[[rules]]\nid = "a"\nregex = '''aaa\\d'''\n[[rules]]\nid = "b"\nregex = '''bbb\\d'''\n`;
    const [a, o] = withToml(toml, { redact_with: '<$SECRET_NAME>' });
    const e = filterLine('aaa1 bbb2', a, o);
    expect(e.line).toBe('<a> <b>');
    expect(e.unknown).toEqual([]);
  });

  it('redacts several findings of one rule in match order without a mark', () => {
    const [a, o] = withToml(`[[rules]]\nid = "t"\nregex = '''t\\d'''\n`, { redact_with: '_' });
    const e = filterLine('t1 t2 t3', a, o);
    expect(e.line).toBe('_ _ _');
    expect(e.unknown).toEqual([]);
  });
});
