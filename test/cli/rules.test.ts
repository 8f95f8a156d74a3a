// End-to-end tests of `alloy-scrub rules`.
import { describe, expect, it } from 'vitest';
import { runCliText } from '../support/cli.ts';

const cli = (args: string[]) => runCliText(args);
const MIX = 'test/loki/fixtures/rules-mix.alloy';
const SEED = 'test/loki/fixtures/seed-hardening.alloy';


async function jsonRules(file: string) {
  const r = await cli(['rules', file, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).rules as Array<Record<string, any>>;
}

describe('alloy-scrub rules', () => {
  it('lists loki.process stages, relabel rules and loki.secretfilter in pipeline order', async () => {
    const rules = await jsonRules(MIX);
    expect(rules.map((r) => `${r.component} ${r.position} ${r.name}`)).toEqual([
      'loki.process.app 1 stage.cri',
      'loki.process.app 2 stage.regex',
      'loki.process.app 4 stage.match',
      'loki.process.app 4.1 stage.replace',
      'loki.process.app 4.2 stage.drop',
      'loki.process.app 5 stage.replace',
      'loki.relabel.tidy 1 rule',
      'loki.secretfilter.gitleaks 1 loki.secretfilter',
    ]);
  });

  it('leaves out stages that cannot change or drop an entry, keeping their position numbers', async () => {
    const rules = await jsonRules(MIX);
    expect(rules.some((r) => r.name === 'stage.metrics')).toBe(false);
  });

  it('gives each rule its position in the file', async () => {
    const [cri] = await jsonRules(MIX);
    expect([cri!.file, cri!.range.start.line, cri!.range.start.column]).toEqual([MIX, 3, 3]);
  });

  it('reports capture groups, group names, empty matches and required literals of an expression', async () => {
    const regex = (await jsonRules(MIX)).find((r) => r.name === 'stage.regex')!;
    expect(regex.regexes.expression).toEqual({
      pattern: 'user=(?P<user>\\S+)',
      captureGroups: 1,
      groupNames: ['user'],
      canMatchEmpty: false,
      requiredLiterals: { alternatives: ['user='], caseFolded: false },
    });
  });

  it('flags a stage.replace whose expression has no capture group', async () => {
    const rules = await jsonRules(SEED);
    expect(rules[1]!.findings).toEqual([expect.stringContaining('no capture group')]);
  });

  it('flags a replace written as a regex back-reference', async () => {
    const rules = await jsonRules(SEED);
    expect(rules[0]!.findings).toContainEqual(expect.stringContaining('printed literally'));
  });

  it("reports an expression Go rejects with Go's message instead of failing", async () => {
    const bad = (await jsonRules(MIX)).find((r) => r.position === '5')!;
    expect(bad.regexes.expression.error).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  });

  it('resolves relabel rule defaults and shows the anchored regex Alloy compiles', async () => {
    const rule = (await jsonRules(MIX)).find((r) => r.name === 'rule')!;
    expect(rule.action).toBe('labeldrop');
    expect(rule.arguments).toMatchObject({ regex: 'email', anchored_regex: '^(?s:email)$', separator: ';', replacement: '$1' });
  });

  it('shows the loki.secretfilter rule set and how it redacts', async () => {
    const sf = (await jsonRules(MIX)).find((r) => r.name === 'loki.secretfilter')!;
    expect(sf.arguments.rule_set).toBe('project-default');
    expect(sf.arguments.redaction).toContain('<REDACTED:$SECRET_NAME>');
    expect(sf.arguments.rules.length).toBeGreaterThan(0);
  });

  it('says what each rule can affect', async () => {
    const rules = await jsonRules(MIX);
    expect(rules.find((r) => r.name === 'stage.regex')!.effects).toEqual(['extracted', 'labels']);
    expect(rules.find((r) => r.name === 'rule')!.effects).toEqual(['labels']);
  });

  it('prints a readable text listing grouped by component', async () => {
    const r = await cli(['rules', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${SEED}: 3 scrub rules\n\nloki.process.scrub_secrets\n  1. stage.replace at ${SEED}:15:3 — effects: line, extracted`);
    expect(r.stdout).toContain('expression = `(?i)(password|passwd|secret|api[_-]?key|token|bearer)\\s*[:=]');
    expect(r.stdout).toMatch(/finding: .*no capture group/);
  });

  it('says so when a config has no scrub rules', async () => {
    const r = await cli(['rules', 'test/loki/fixtures/two-processes.alloy']);
    expect(r.stdout).toBe('test/loki/fixtures/two-processes.alloy: no scrub rules\n');
  });

  it('reports a syntax error with a code frame and exits 1', async () => {
    const r = await cli(['rules', 'test/loki/fixtures/broken.alloy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^test\/loki\/fixtures\/broken\.alloy:\d+:\d+: /);
  });

  it('exits 2 for an unknown format', async () => {
    expect((await cli(['rules', SEED, '--format', 'yaml'])).code).toBe(2);
  });

  it('prints help and exits 0', async () => {
    const r = await cli(['rules', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format');
  });
});
