import { describe, expect, it } from 'vitest';
import { buildSarif, formatFindingPretty, formatJson, RULE_CATALOGUE, type Finding } from '../../src/lint/index.ts';
import { lint } from './helpers.ts';

const SRC = 'loki.process "p" {\n  stage.replace {\n    expression = `AKIA[A-Z0-9]{16}`\n  }\n  forward_to = []\n}\n';
const findings: Finding[] = lint(SRC);
const noGroup = findings.find((f) => f.rule === 'replace-no-capture-group')!;

describe('pretty report', () => {
  it('starts with file:line:col: severity [rule-id] message', () => {
    expect(formatFindingPretty(noGroup, SRC).split('\n')[0]).toMatch(/^test\.alloy:3:5: error \[replace-no-capture-group\] stage\.replace rewrites/);
  });

  it('shows the source line with a caret under the column, then the fix', () => {
    expect(formatFindingPretty(noGroup, SRC).split('\n').slice(1)).toEqual([
      '3 |     expression = `AKIA[A-Z0-9]{16}`',
      '  |     ^',
      `  fix: ${noGroup.fix}`,
    ]);
  });
});

describe('json report', () => {
  it('lists rule, severity, file, line, column, message and fix', () => {
    const parsed = JSON.parse(formatJson([noGroup]));
    expect(Object.keys(parsed.findings[0])).toEqual(['rule', 'severity', 'file', 'line', 'column', 'message', 'fix']);
  });
});

describe('SARIF report', () => {
  const sarif = buildSarif(findings) as any;

  it('declares version 2.1.0 and the schema', () => {
    expect([sarif.version, typeof sarif.$schema]).toEqual(['2.1.0', 'string']);
  });

  it('names the tool and lists every rule of the catalogue', () => {
    const driver = sarif.runs[0].tool.driver;
    expect([driver.name, driver.rules.map((r: any) => r.id)]).toEqual(['alloy-scrub', [...RULE_CATALOGUE.keys()]]);
  });

  it('gives each result its rule, level, message and location', () => {
    const r = sarif.runs[0].results.find((x: any) => x.ruleId === 'replace-no-capture-group');
    const loc = r.locations[0].physicalLocation;
    expect([r.level, typeof r.message.text, loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn]).toEqual(['error', 'string', 'test.alloy', 3, 5]);
  });

  it('gives every result of the seed hardening config the fields SARIF requires', async () => {
    const { readFileSync } = await import('node:fs');
    const { lintSource } = await import('../../src/lint/index.ts');
    const file = 'samples/configs/seed-hardening.alloy';
    const doc = buildSarif(lintSource(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file).findings) as any;
    const incomplete = doc.runs[0].results.filter(
      (r: any) =>
        !(typeof r.ruleId === 'string' && ['error', 'warning', 'note'].includes(r.level) && typeof r.message.text === 'string' &&
          typeof r.locations[0].physicalLocation.artifactLocation.uri === 'string' &&
          Number.isInteger(r.locations[0].physicalLocation.region.startLine) && Number.isInteger(r.locations[0].physicalLocation.region.startColumn)),
    );
    expect([doc.runs[0].results.length, incomplete]).toEqual([6, []]);
  });

  it('maps info to the SARIF level note', () => {
    const info: Finding = { ...noGroup, rule: 'unused-suppression', severity: 'info' };
    expect((buildSarif([info]) as any).runs[0].results[0].level).toBe('note');
  });

  it('points ruleIndex at the rule in the driver', () => {
    const r = sarif.runs[0].results[0];
    expect(sarif.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});

describe('findingToDiagnostic', () => {
  it('turns a finding into a positioned warning for run and test', async () => {
    const { findingToDiagnostic } = await import('../../src/lint/index.ts');
    const d = findingToDiagnostic(noGroup);
    expect([d.severity, d.range.start.line, d.message.startsWith('[replace-no-capture-group] ')]).toEqual(['warning', 3, true]);
  });
});
