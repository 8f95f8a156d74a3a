// The relabel engine: rule blocks in, compiled rules out, and label sets through them as Alloy's
// components run them.
//
// Which code runs depends on the component, and the difference is observable:
// * prometheus.relabel and loki.relabel hand their rules to Prometheus' relabel package with legacy
//   name validation: a replace whose expanded target_label is not `[a-zA-Z_][a-zA-Z0-9_]*` does
//   nothing. Both drop a series/entry left with no labels at all.
// * discovery.relabel runs Alloy's own copy of that code, where the expanded target_label only has
//   to be non-empty valid UTF-8 (so `${1}` expanding to `a-b` creates label `a-b`), and keeps a
//   target whose labels were all removed.
// Rule validation at load time is Alloy's for all three.
import type { EvaluatedBlock } from '../config/model.ts';
import { ConfigError } from '../config/errors.ts';
import type { GoRegexp } from '../regex/types.ts';
import type { Range } from '../syntax/ast.ts';
import { goToLower, goToUpper } from './go-case.ts';
import { hashmod } from './hashmod.ts';
import { AlloyTargetBuilder, PrometheusLabelBuilder, type LabelBuilder } from './label-builders.ts';
import { isLegacyLabelName, isUtf8LabelName } from './label-names.ts';
import { labelmapOrderProblem } from './labelmap-order.ts';
import { decodeRule, goQuote, type RelabelAction, type RuleConfig, type RuleSource } from './rule-config.ts';
import type { LabelSet, RelabelResult, RelabelUnknown } from './types.ts';
import { validateRule } from './validate.ts';

export type RelabelComponentName = 'prometheus.relabel' | 'discovery.relabel' | 'loki.relabel';

export const RELABEL_COMPONENTS: readonly RelabelComponentName[] = ['prometheus.relabel', 'discovery.relabel', 'loki.relabel'];

export interface CompileRelabelOptions {
  component: RelabelComponentName;
  file: string;
}

export type CompiledRule =
  | {
      kind: 'rule';
      index: number;
      component: RelabelComponentName;
      action: RelabelAction;
      config: RuleConfig;
      regex: GoRegexp;
      source: RuleSource;
    }
  | {
      /** A rule whose fields are only known when Alloy runs: applying it makes the result unknown. */
      kind: 'unknown';
      index: number;
      component: RelabelComponentName;
      reason: string;
      range?: Range;
      source: RuleSource;
    };

/**
 * Compiles the `rule` blocks of a relabel component, in order. Throws ConfigError with Alloy's
 * message and the position of what is wrong, as Alloy refuses to load such a configuration.
 */
export function compileRelabelRules(blocks: EvaluatedBlock[], opts: CompileRelabelOptions): CompiledRule[] {
  const rules: CompiledRule[] = [];
  for (const block of blocks) {
    if (block.name !== 'rule') {
      throw new ConfigError(`unrecognized block name ${goQuote(block.name)}`, block.file || opts.file, block.range);
    }
    if (block.label !== undefined) {
      throw new ConfigError(`block "rule" does not support specifying labels`, block.file || opts.file, block.range);
    }
    const index = rules.length;
    const decoded = decodeRule(block, index, opts.file);
    if (decoded.kind === 'unknown') {
      rules.push({ kind: 'unknown', index, component: opts.component, reason: decoded.reason, range: decoded.range, source: decoded.source });
      continue;
    }
    const problem = validateRule(decoded.config);
    if (problem !== null) throw new ConfigError(problem, decoded.source.file, block.range);
    rules.push({
      kind: 'rule',
      index,
      component: opts.component,
      action: decoded.config.action,
      config: decoded.config,
      regex: decoded.regex,
      source: decoded.source,
    });
  }
  return rules;
}

export interface ApplyRelabelOptions {
  /** Needed only when `rules` is empty; otherwise the rules know their component. */
  component?: RelabelComponentName;
}

/** Runs a label set through the rules as the component would. The input map is not modified. */
export function applyRelabel(rules: CompiledRule[], labels: LabelSet, opts: ApplyRelabelOptions = {}): RelabelResult {
  const component = rules[0]?.component ?? opts.component ?? 'prometheus.relabel';
  const builder = newBuilder(component, labels);
  const unknown: RelabelUnknown[] = [];
  const withUnknown = (r: RelabelResult): RelabelResult => (unknown.length > 0 ? { ...r, unknown } : r);
  for (const rule of rules) {
    if (rule.kind === 'unknown') {
      unknown.push({ message: rule.reason, file: rule.source.file, range: rule.range ?? rule.source.range });
      // Nothing after this rule can be known; report the labels as they were before it.
      return { labels: builder.labels(), unknown };
    }
    if (!applyRule(rule, builder, unknown)) {
      return withUnknown({ labels: null, droppedBy: { index: rule.index, action: rule.action, range: rule.source.range } });
    }
  }
  const out = builder.labels();
  if (out.size === 0 && component !== 'discovery.relabel') {
    return withUnknown({
      labels: null,
      droppedBy: { index: -1, action: '', reason: `no labels left: ${component} drops ${component === 'loki.relabel' ? 'an entry' : 'a series'} whose labels are all removed` },
    });
  }
  return withUnknown({ labels: out });
}

function newBuilder(component: RelabelComponentName, labels: LabelSet): LabelBuilder {
  switch (component) {
    case 'prometheus.relabel':
      // The series' labels are the builder's sorted base.
      return new PrometheusLabelBuilder(labels);
    case 'loki.relabel':
      // loki.relabel starts from an empty builder and sets each stream label in map order.
      return new PrometheusLabelBuilder([], labels);
    case 'discovery.relabel':
      return new AlloyTargetBuilder(labels);
  }
}

type KnownRule = Extract<CompiledRule, { kind: 'rule' }>;

/** One rule; false means the label set is dropped. */
function applyRule(rule: KnownRule, lb: LabelBuilder, unknown: RelabelUnknown[]): boolean {
  const c = rule.config;
  const re = rule.regex;
  const val = (c.sourceLabels ?? []).map((n) => lb.get(n)).join(c.separator);
  switch (c.action) {
    case 'drop':
      return !re.matchString(val);
    case 'keep':
      return re.matchString(val);
    case 'dropequal':
      return lb.get(c.targetLabel) !== val;
    case 'keepequal':
      return lb.get(c.targetLabel) === val;
    case 'replace': {
      const match = re.findStringSubmatchIndex(val);
      if (match === null) return true;
      const target = re.expandString(c.targetLabel, val, match);
      const valid = rule.component === 'discovery.relabel' ? isUtf8LabelName(target) : isLegacyLabelName(target);
      if (!valid) return true;
      const res = re.expandString(c.replacement, val, match);
      if (res === '') lb.del(target);
      else lb.set(target, res);
      return true;
    }
    case 'lowercase':
      lb.set(c.targetLabel, goToLower(val));
      return true;
    case 'uppercase':
      lb.set(c.targetLabel, goToUpper(val));
      return true;
    case 'hashmod':
      lb.set(c.targetLabel, hashmod(val, c.modulus));
      return true;
    case 'labelmap': {
      const problem = labelmapOrderProblem(rule.component, lb, re, c.replacement);
      if (problem) unknown.push({ message: `rule ${rule.index + 1} (labelmap): ${problem}`, file: rule.source.file, range: rule.source.range });
      lb.range((name, value) => {
        if (re.matchString(name)) lb.set(re.replaceAllString(name, c.replacement), value);
      });
      return true;
    }
    case 'labeldrop':
      lb.range((name) => {
        if (re.matchString(name)) lb.del(name);
      });
      return true;
    case 'labelkeep':
      lb.range((name) => {
        if (!re.matchString(name)) lb.del(name);
      });
      return true;
  }
}
