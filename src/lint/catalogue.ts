// Every rule the linter can report, with its usual severity and a one-line description. The SARIF
// report lists these as the tool's rules; suppression comments are checked against these ids.
import type { Severity } from './types.ts';

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

const RULES: RuleInfo[] = [
  // Scrub rules (loki.process stages)
  { id: 'replace-no-capture-group', severity: 'error', description: 'stage.replace expression without a capture group changes nothing' },
  { id: 'replace-template-backreference', severity: 'error', description: 'stage.replace `replace` uses $1, ${1} or \\1, which Go templates print literally' },
  { id: 'template-unknown-function', severity: 'error', description: 'a stage template calls a function Alloy does not define' },
  { id: 'source-not-extracted', severity: 'warning', description: 'a stage reads an extracted value that no earlier stage extracts' },
  { id: 'regex-rejected', severity: 'error', description: 'a regular expression Go rejects' },
  { id: 'regex-matches-empty', severity: 'warning', description: 'a scrub expression can match the empty string' },
  { id: 'regex-case-sensitive-keywords', severity: 'warning', description: 'lower-case keyword alternatives without (?i) miss capitalised spellings' },
  { id: 'rule-shadowed', severity: 'warning', description: 'a rule that can never change anything because an identical earlier rule already did' },
  // Relabel rules
  { id: 'relabel-rule-rejected', severity: 'error', description: 'a relabel rule Alloy refuses to load' },
  { id: 'relabel-constant-replacement', severity: 'warning', description: 'replace with a constant replacement from source_labels: every series gets the same value' },
  { id: 'relabel-regex-matches-no-label', severity: 'warning', description: 'labeldrop/labelkeep regex that cannot match any label name' },
  { id: 'relabel-hashmod-as-identifier', severity: 'warning', description: 'hashmod result kept as a label instead of being used to shard with keep/drop' },
  // Configuration validity
  { id: 'unknown-component', severity: 'error', description: 'a component name Alloy does not have' },
  { id: 'component-config-rejected', severity: 'error', description: 'a component configuration Alloy refuses at load (unknown or missing attributes, wrong types)' },
  { id: 'undefined-reference', severity: 'error', description: 'a reference to a component that does not exist' },
  { id: 'config-error', severity: 'error', description: 'a configuration error Alloy reports at load' },
  { id: 'config-warning', severity: 'warning', description: 'a configuration problem alloy-scrub noticed while loading' },
  { id: 'syntax-error', severity: 'error', description: 'the file is not valid Alloy syntax' },
  // Graph
  { id: 'output-reaches-no-sink', severity: 'warning', description: 'a processing component whose output reaches no destination' },
  { id: 'unscrubbed-log-path', severity: 'warning', description: 'logs reach loki.write without passing any component that redacts content' },
  // Hardening
  { id: 'insecure-skip-verify', severity: 'error', description: 'TLS certificate verification disabled' },
  { id: 'listen-all-interfaces', severity: 'warning', description: 'the HTTP server (UI, /metrics, debug endpoints) listens on every interface' },
  { id: 'inline-credential', severity: 'error', description: 'a credential written as a literal in the configuration' },
  { id: 'plaintext-endpoint', severity: 'warning', description: 'data or credentials sent over plain HTTP' },
  { id: 'remotecfg-no-auth', severity: 'error', description: 'remote configuration fetched without authentication' },
  { id: 'debug-logging', severity: 'warning', description: 'debug logging writes extracted values, including secrets, to Alloy\'s own log' },
  // Suppressions
  { id: 'unused-suppression', severity: 'info', description: 'an alloy-scrub-ignore comment that suppresses nothing' },
  { id: 'suppression-without-reason', severity: 'info', description: 'an alloy-scrub-ignore comment without a reason (it suppresses nothing)' },
];

export const RULE_CATALOGUE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo {
  const info = RULE_CATALOGUE.get(id);
  if (!info) throw new Error(`lint rule ${id} is not in the catalogue`);
  return info;
}
