// The project's own default rule set: its size and coverage, one sample per rule, and the
// fail-closed marks that say a verdict depends on which rule set Alloy really runs.

import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../src/loki/secretfilter/default-rules.ts';
import { filterLine, withToml } from './helpers.ts';
import { lineFor, SAMPLES } from './samples.ts';

describe('the project’s default rule set', () => {
  it('has at least 40 rules with unique ids', () => {
    const ids = DEFAULT_RULES().map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a sample credential for every rule', () => {
    expect(DEFAULT_RULES().map((r) => r.id).filter((id) => !(id in SAMPLES))).toEqual([]);
  });

  it('gives every rule a keyword prefilter', () => {
    expect(DEFAULT_RULES().filter((r) => r.keywords.length === 0).map((r) => r.id)).toEqual([]);
  });

  it.each(Object.entries(SAMPLES))('rule %s redacts its sample credential', (id, sample) => {
    const e = filterLine(lineFor(id, sample), { redact_with: '<$SECRET_NAME>' });
    expect(e.line).toContain(`<${id}>`);
    expect(e.line).not.toContain(sample);
  });
});

describe('fail-closed marks for the default set', () => {
  const TOKEN = SAMPLES['github-pat']!;

  it('marks an entry a default rule redacted as unknown, naming the rule', () => {
    const e = filterLine(`t=${TOKEN}`);
    expect(e.unknown).toHaveLength(1);
    expect(e.unknown[0]!.message).toContain('github-pat');
    expect(e.unknown[0]!.message).toContain('own default set');
  });

  it('marks an entry with a credential no default rule matched as unknown', () => {
    const e = filterLine('password=hunter2!x');
    expect(e.line).toBe('password=hunter2!x');
    expect(e.unknown[0]!.message).toContain('secret-assignment');
  });

  it('leaves an entry without rule match and without credential unmarked', () => {
    const e = filterLine('level=info msg="request served" status=200');
    expect(e.unknown).toEqual([]);
  });

  it('does not mark entries when the user’s own rules replace the default set', () => {
    const [a, o] = withToml(`[[rules]]\nid = "gh"\nregex = '''ghp_[0-9A-Za-z]{36}'''\n`);
    const e = filterLine(`t=${TOKEN}`, a, o);
    expect(e.unknown).toEqual([]);
    expect(e.line).toBe(`t=${TOKEN.slice(0, 8)}...`);
  });
});
