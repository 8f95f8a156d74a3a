// Public API of the linter (issue #9).
//   lintSource(source, file)  → findings for one configuration text, suppressions applied
//   lintModel(model)          → findings for a loaded model
//   validateConfig(model)     → only what Alloy would refuse at load (for run/test: show as warnings)
//   formatPretty / formatJson / formatSarif → reports
export type { Finding, Severity } from './types.ts';
export { atLeast, sortFindings, SEVERITY_RANK } from './types.ts';
export { RULE_CATALOGUE, ruleInfo, type RuleInfo } from './catalogue.ts';
export { lintModel, lintSource, type LintResult } from './lint.ts';
export { validateConfig } from './validate.ts';
export { readSuppressions, applySuppressions, type Suppression } from './suppressions.ts';
export { formatPretty, formatFindingPretty } from './report/pretty.ts';
export { formatJson, toJsonFinding, type JsonFinding } from './report/json.ts';
export { buildSarif, formatSarif, SARIF_SCHEMA } from './report/sarif.ts';
export { findingToDiagnostic } from './as-diagnostic.ts';
