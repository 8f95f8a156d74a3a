// The linter: every rule family over one configuration, then inline suppressions. Syntax errors
// stop it (nothing else can be judged); load problems are reported next to the other findings.
import { loadConfig, type LoadOptions } from '../config/load.ts';
import type { ConfigModel } from '../config/model.ts';
import { parseFile } from '../syntax/parse.ts';
import { extractedSourceFindings } from './extracted-sources.ts';
import { finding } from './finding.ts';
import { graphFindings } from './graph-rules.ts';
import { hardeningFindings } from './hardening.ts';
import { inlineCredentialFindings } from './inline-credentials.ts';
import { relabelRuleFindings } from './relabel-rules.ts';
import { scrubStageFindings } from './scrub-stages.ts';
import { applySuppressions, readSuppressions } from './suppressions.ts';
import { templateFunctionFindings } from './template-functions.ts';
import { sortFindings, type Finding } from './types.ts';
import { validateConfig } from './validate.ts';

/** Findings about a loaded model (no suppressions applied). */
export function lintModel(model: ConfigModel): Finding[] {
  const specific = [
    ...scrubStageFindings(model),
    ...templateFunctionFindings(model),
    ...extractedSourceFindings(model),
    ...relabelRuleFindings(model),
    ...graphFindings(model),
    ...hardeningFindings(model),
    ...inlineCredentialFindings(model),
  ];
  return sortFindings(dedupe([...validateConfig(model), ...specific]));
}

/**
 * A rejection found by a component's compiler and a specific rule about the same spot (a regex
 * Go rejects, an unknown template function) are one problem: keep the specific finding.
 */
function dedupe(findings: Finding[]): Finding[] {
  const specificAt = new Set(findings.filter((f) => f.rule !== 'component-config-rejected').map((f) => `${f.file}:${f.range.start.offset}`));
  // A declare instantiated twice (or a foreach template) yields the same finding per instance:
  // one per place in the source is enough.
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.rule === 'component-config-rejected' && specificAt.has(`${f.file}:${f.range.start.offset}`)) return false;
    const key = `${f.rule}\u0000${f.file}:${f.range.start.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface LintResult {
  file: string;
  source: string;
  findings: Finding[];
}

/** Lints one configuration text, applying its `// alloy-scrub-ignore` comments. */
export function lintSource(source: string, file: string, opts: LoadOptions = {}): LintResult {
  const parsed = parseFile(source, file);
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (syntaxErrors.length > 0) {
    const findings = syntaxErrors.map((d) => finding('syntax-error', d.file, d.range, d.message, 'correct the syntax (alloy fmt shows the same error)'));
    return { file, source, findings };
  }
  // Lint judges the file, not this machine: env() values are unknown unless the caller gives them.
  const model = loadConfig(source, file, { env: {}, ...opts });
  const findings = applySuppressions(lintModel(model), readSuppressions(parsed.file), file);
  return { file, source, findings: sortFindings(findings) };
}
