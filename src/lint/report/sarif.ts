// SARIF 2.1.0 for code-scanning tools: one run, the full rule catalogue as the driver's rules,
// one result per finding. Levels: error → error, warning → warning, info → note. The suggested
// fix travels in the message text and in the result's properties (SARIF's own `fixes` need
// byte-exact replacements, which the linter does not compute).
import { RULE_CATALOGUE } from '../catalogue.ts';
import type { Finding, Severity } from '../types.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion?: string;
  /** Turns a finding's file into the artifact URI (default: as given, with forward slashes). */
  uri?: (file: string) => string;
}

export function buildSarif(findings: readonly Finding[], opts: SarifOptions = {}): object {
  const rules = [...RULE_CATALOGUE.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uri = opts.uri ?? ((f: string) => f.replaceAll('\\', '/'));
  return {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'alloy-scrub',
            version: opts.toolVersion ?? '0.1.0',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: `${f.message.replace(/\.$/, '')}. Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(f.file) },
                region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: Math.max(f.range.end.column, 1) },
              },
            },
          ],
          properties: { fix: f.fix },
        })),
      },
    ],
  };
}

export function formatSarif(findings: readonly Finding[], opts: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(findings, opts), null, 2)}\n`;
}
