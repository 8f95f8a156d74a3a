// The scrub rules of a configuration, for the `rules` command: every loki.process stage that can
// change a line, labels or extracted values (or drop the entry), every relabel `rule` block, and
// every loki.secretfilter, in pipeline order per component, with position, resolved arguments and
// what the regex analyser knows about each expression.
//
// The stage and secretfilter describers live with their simulations (describeStage,
// describeSecretFilter, describeRelabelRules); this module gathers them into one list. Stages
// that change none of line, labels, extracted values or structured metadata and drop nothing
// (stage.metrics, stage.timestamp) are left out: they cannot remove a secret or leak one. Secret
// values in arguments are never printed.
import type { Component, ConfigModel } from '../config/model.ts';
import type { RegexAnalysis } from '../regex/index.ts';
import { describeRelabelRules } from '../relabel/describe.ts';
import { isRelabelComponentName } from '../relabel/component-rules.ts';
import type { Range } from '../syntax/ast.ts';
import { describeSecretFilter, type SecretFilterOptions } from './secretfilter/index.ts';
import { describeStage, type StageDescription, type StageEffect } from './stages/describe.ts';

/** What the analyser knows about one regular expression. */
export interface RegexFacts {
  pattern: string;
  /** Go's error when Go would reject the pattern; the other fields are then absent. */
  error?: string;
  captureGroups?: number;
  groupNames?: string[];
  canMatchEmpty?: boolean;
  /** Every match contains one of these; null when nothing is required. */
  requiredLiterals?: { alternatives: string[]; caseFolded: boolean } | null;
}

export interface ScrubRule {
  component: string;
  componentName: string;
  /** 1-based position in the component's pipeline; nested stages as "2.1". */
  position: string;
  /** `stage.replace`, `rule`, `loki.secretfilter`. */
  name: string;
  /** Relabel rules: the action. */
  action?: string;
  file: string;
  range: Range;
  /** What the rule can change: line, labels, extracted, structured_metadata, drops, holds… */
  effects: string[];
  /** False when alloy-scrub does not reproduce the rule (its entries are marked unknown). */
  simulated: boolean;
  /** Arguments as Alloy resolves them (defaults filled in where the describer knows them). */
  arguments: Record<string, unknown>;
  /** Facts about each argument that holds a regular expression, keyed by argument name. */
  regexes: Record<string, RegexFacts>;
  /** Findings that matter for scrubbing (a replace that changes nothing, an empty match…). */
  findings: string[];
  /** Set when the rule depends on values only known at run time. */
  unknown?: string;
}

/** Effects that can remove a secret from what Loki stores, or let one through. */
const SCRUB_EFFECTS: ReadonlySet<StageEffect> = new Set(['line', 'labels', 'extracted', 'structured_metadata', 'drops']);

export interface ListScrubRulesOptions {
  /** File access for loki.secretfilter's gitleaks_config; without it that rule set is not shown. */
  readFile?: SecretFilterOptions['readFile'];
}

export function listScrubRules(model: ConfigModel, opts: ListScrubRulesOptions = {}): ScrubRule[] {
  const out: ScrubRule[] = [];
  for (const c of model.components.values()) {
    if (c.componentName === 'loki.process') {
      const stages = c.blocks.filter((b) => b.name.startsWith('stage.'));
      stages.forEach((b, i) => out.push(...stageRules(c, describeStage(b, String(i + 1)))));
    } else if (isRelabelComponentName(c.componentName)) out.push(...relabelRules(c));
    else if (c.componentName === 'loki.secretfilter') out.push(secretFilterRule(c, opts));
  }
  return out;
}

/** A stage and, for stage.match, the stages of its nested pipeline after it. */
function stageRules(c: Component, d: StageDescription): ScrubRule[] {
  const out: ScrubRule[] = [];
  if (d.effects.some((e) => SCRUB_EFFECTS.has(e))) {
    const regexes: Record<string, RegexFacts> = {};
    for (const r of d.regexes) regexes[r.attribute] = r.analysis ? { pattern: r.pattern, ...analysisFacts(r.analysis) } : { pattern: r.pattern, error: r.error };
    const findings = [...d.notes];
    for (const [attr, f] of Object.entries(regexes)) {
      if (f.error) findings.push(`Alloy refuses the ${attr}: ${f.error}`);
      else if (f.canMatchEmpty) findings.push(`the ${attr} can match the empty string`);
    }
    const rule: ScrubRule = {
      component: c.id,
      componentName: c.componentName,
      position: d.position,
      name: d.name,
      file: d.file,
      range: d.range,
      effects: d.effects,
      simulated: d.simulated,
      arguments: d.arguments,
      regexes,
      findings,
    };
    out.push(rule);
  }
  for (const nested of d.stages ?? []) out.push(...stageRules(c, nested));
  return out;
}

function relabelRules(c: Component): ScrubRule[] {
  return describeRelabelRules(c).map((d) => {
    const regexes: Record<string, RegexFacts> = {};
    if (d.fields) {
      regexes.regex = d.analysis ? { pattern: d.fields.anchored_regex, ...analysisFacts(d.analysis) } : { pattern: d.fields.anchored_regex };
    }
    const rule: ScrubRule = {
      component: c.id,
      componentName: c.componentName,
      position: String(d.index + 1),
      name: 'rule',
      action: d.action,
      file: d.file,
      range: d.range,
      effects: ['labels'],
      simulated: d.unknown === undefined,
      arguments: d.fields ? { ...d.fields } : {},
      regexes,
      findings: [],
    };
    if (d.unknown) rule.unknown = d.unknown;
    return rule;
  });
}

function secretFilterRule(c: Component, opts: ListScrubRulesOptions): ScrubRule {
  const d = describeSecretFilter(c, { readFile: opts.readFile });
  const rule: ScrubRule = {
    component: c.id,
    componentName: c.componentName,
    position: '1',
    name: 'loki.secretfilter',
    file: c.file,
    range: c.range,
    effects: ['line'],
    simulated: d.ruleSet !== 'not-loaded',
    arguments: { rule_set: d.ruleSet, redaction: d.redaction, rules: d.rules },
    regexes: {},
    findings: d.notes,
  };
  if (d.ruleSet === 'not-loaded') rule.unknown = d.notes[0] ?? 'the rule set could not be loaded';
  return rule;
}

function analysisFacts(a: RegexAnalysis): Omit<RegexFacts, 'pattern'> {
  return {
    captureGroups: a.numSubexp,
    groupNames: a.subexpNames.slice(1).filter((n) => n !== ''),
    canMatchEmpty: a.canMatchEmpty,
    requiredLiterals: a.requiredLiterals ? { alternatives: [...a.requiredLiterals.alternatives], caseFolded: a.requiredLiterals.caseFolded } : null,
  };
}
