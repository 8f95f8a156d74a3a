// Problems found while reading and loading the file, as findings.
import { describe, expect, it } from 'vitest';
import { lint, positions, withRule } from './helpers.ts';

describe('syntax-error', () => {
  it('fires on a file Alloy cannot parse, and nothing else is judged', () => {
    const f = lint('loki.process "p" {\n  forward_to = [\n}\n');
    expect([...new Set(f.map((x) => x.rule))]).toEqual(['syntax-error']);
  });

  it('does not fire on a file that parses', () => {
    expect(withRule(lint('loki.process "p" {\n  forward_to = []\n}\n'), 'syntax-error')).toEqual([]);
  });
});

describe('config-error', () => {
  it('fires on a block declared twice, at the second', () => {
    const src = 'loki.echo "e" {}\nloki.echo "e" {}\n';
    expect(positions(lint(src), 'config-error')).toEqual(['2:1']);
  });

  it('does not fire on distinct labels', () => {
    expect(withRule(lint('loki.echo "a" {}\nloki.echo "b" {}\n'), 'config-error')).toEqual([]);
  });
});

describe('config-warning', () => {
  const foreach = (body: string) => `foreach "t" {\n  collection = ["a"]\n  var        = "each"\n  template {\n${body}\n  }\n}\n`;

  it('fires on a foreach block, which Alloy only runs at the experimental stability level', () => {
    expect(positions(lint(foreach('    loki.echo "e" {}')), 'config-warning')).toEqual(['1:1']);
  });

  it('does not fire on a generally available configuration', () => {
    expect(withRule(lint('loki.echo "e" {}\n'), 'config-warning')).toEqual([]);
  });
});
