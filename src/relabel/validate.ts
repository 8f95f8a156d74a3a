// Alloy's load-time checks of a relabel rule (its relabel.Config Validate), in Alloy's order and
// with Alloy's words; the first failing check is the one reported. All three relabel components
// run these same checks, with label names judged by prometheus/common's default (UTF-8) scheme.
import { isRelabelTargetTemplate, isUtf8LabelName } from './label-names.ts';
import { DEFAULT_REGEX, DEFAULT_REPLACEMENT, DEFAULT_SEPARATOR, type RuleConfig } from './rule-config.ts';
import { goQuote } from './rule-config.ts';

/** Returns Alloy's message for the first check the rule fails, or null when it is accepted. */
export function validateRule(c: RuleConfig): string | null {
  const a = c.action;
  if ((a as string) === '') return 'relabel action cannot be empty';
  if (c.modulus === 0n && a === 'hashmod') return 'relabel configuration for hashmod requires non-zero modulus';
  const needsTarget = a === 'replace' || a === 'hashmod' || a === 'lowercase' || a === 'uppercase' || a === 'keepequal' || a === 'dropequal';
  if (needsTarget && c.targetLabel === '') return `relabel configuration for ${a} action requires 'target_label' value`;
  const templated = c.targetLabel.includes('$');
  if (a === 'replace' && !templated && !isUtf8LabelName(c.targetLabel)) return invalidTarget(c);
  if (a === 'replace' && templated && !isRelabelTargetTemplate(c.targetLabel)) return invalidTarget(c);
  const caseOrEqual = a === 'lowercase' || a === 'uppercase' || a === 'keepequal' || a === 'dropequal';
  if (caseOrEqual && !isUtf8LabelName(c.targetLabel)) return invalidTarget(c);
  if (caseOrEqual && c.replacement !== DEFAULT_REPLACEMENT) return `'replacement' can not be set for ${a} action`;
  if (a === 'labelmap' && !isRelabelTargetTemplate(c.replacement)) {
    return `${goQuote(c.replacement)} is invalid 'replacement' for ${a} action`;
  }
  if (a === 'hashmod' && !isUtf8LabelName(c.targetLabel)) return invalidTarget(c);
  if (a === 'labeldrop' || a === 'labelkeep') {
    if (
      c.sourceLabels !== null ||
      c.targetLabel !== '' ||
      c.modulus !== 0n ||
      c.separator !== DEFAULT_SEPARATOR ||
      c.replacement !== DEFAULT_REPLACEMENT
    ) {
      return `${a} action requires only 'regex', and no other fields`;
    }
  }
  if (a === 'keepequal' || a === 'dropequal') {
    // Alloy compares the compiled regexp with the default one field by field; only the same
    // source text "(.*)" compiles to an equal value.
    if (c.regex !== DEFAULT_REGEX || c.modulus !== 0n || c.separator !== DEFAULT_SEPARATOR || c.replacement !== DEFAULT_REPLACEMENT) {
      return `${a} action requires only 'source_labels' and 'target_label', and no other fields`;
    }
  }
  return null;
}

function invalidTarget(c: RuleConfig): string {
  return `${goQuote(c.targetLabel)} is invalid 'target_label' for ${c.action} action`;
}
