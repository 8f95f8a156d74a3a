// The scrub rules of a configuration, for the `rules` command: every loki.process stage that can
// change a line, labels or extracted values (or drop the entry), every relabel `rule` block, and
// every loki.secretfilter, in pipeline order per component, with position, resolved arguments and
// what the regex analyser knows about each expression.
//
// Stages that only observe or pace entries (metrics, timestamp, limit, sampling) are left out:
// they cannot remove a secret or leak one. Secret values in arguments are never printed.
import type { Component, ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { isCapsule, isObject, isUnknown, type AlloyValue } from '../config/value.ts';
import { analyseRegex } from '../regex/index.ts';
import { describeRelabelRules } from '../relabel/describe.ts';
import { isRelabelComponentName } from '../relabel/component-rules.ts';
import type { Range } from '../syntax/ast.ts';

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
  /** Arguments as Alloy resolves them (defaults filled in where the describer knows them). */
  arguments: Record<string, unknown>;
  /** Facts about each argument that holds a regular expression, keyed by argument name. */
  regexes: Record<string, RegexFacts>;
  /** Findings that matter for scrubbing (a replace that changes nothing, an empty match…). */
  findings: string[];
  /** Set when the rule depends on values only known at run time. */
  unknown?: string;
}

const NON_SCRUB_STAGES = new Set(['stage.metrics', 'stage.timestamp', 'stage.limit', 'stage.sampling']);

/** Arguments of loki stages that Go compiles with regexp (the others are literals or templates). */
const REGEX_ARGS: Record<string, string[]> = {
  'stage.replace': ['expression'],
  'stage.regex': ['expression'],
  'stage.drop': ['expression'],
  'stage.multiline': ['firstline'],
};

export function listScrubRules(model: ConfigModel): ScrubRule[] {
  const out: ScrubRule[] = [];
  for (const c of model.components.values()) {
    if (c.componentName === 'loki.process') out.push(...stageRules(c, c.blocks, ''));
    else if (isRelabelComponentName(c.componentName)) out.push(...relabelRules(c));
    else if (c.componentName === 'loki.secretfilter') out.push(secretFilterRule(c));
  }
  return out;
}

function stageRules(c: Component, blocks: readonly EvaluatedBlock[], prefix: string): ScrubRule[] {
  const out: ScrubRule[] = [];
  blocks.forEach((b, i) => {
    const position = `${prefix}${i + 1}`;
    if (!b.name.startsWith('stage.') || NON_SCRUB_STAGES.has(b.name)) return;
    const args = blockArguments(b);
    const regexes: Record<string, RegexFacts> = {};
    for (const name of REGEX_ARGS[b.name] ?? []) {
      const v = b.attributes.get(name)?.value;
      if (typeof v === 'string') regexes[name] = regexFacts(v);
    }
    const rule: ScrubRule = { component: c.id, componentName: c.componentName, position, name: b.name, file: b.file, range: b.range, arguments: args, regexes, findings: stageFindings(b, regexes) };
    const unknownArg = [...b.attributes.values()].find((a) => isUnknown(a.value));
    if (unknownArg && isUnknown(unknownArg.value)) rule.unknown = `${unknownArg.name} is only known at run time (${unknownArg.value.reason})`;
    out.push(rule);
    // stage.match runs its own nested pipeline; its stages belong to the listing too.
    if (b.name === 'stage.match') out.push(...stageRules(c, b.blocks, `${position}.`));
  });
  return out;
}

function stageFindings(b: EvaluatedBlock, regexes: Record<string, RegexFacts>): string[] {
  const findings: string[] = [];
  const expr = regexes.expression;
  if (expr?.error) findings.push(`Alloy refuses this expression: ${expr.error}`);
  if (b.name === 'stage.replace' && expr && expr.captureGroups === 0) {
    findings.push('the expression has no capture group, so stage.replace changes nothing');
  }
  if (expr?.canMatchEmpty) findings.push('the expression can match the empty string');
  const replace = b.attributes.get('replace')?.value;
  if (b.name === 'stage.replace' && typeof replace === 'string' && /\$\{?\w+\}?/.test(replace) && !replace.includes('{{')) {
    findings.push('replace looks like a regex back-reference ($1 / ${1}), but stage.replace runs it as a Go template, which prints it literally; the captured text is {{ .Value }}');
  }
  return findings;
}

function relabelRules(c: Component): ScrubRule[] {
  return describeRelabelRules(c).map((d) => {
    const regexes: Record<string, RegexFacts> = {};
    const findings: string[] = [];
    if (d.fields) {
      regexes.regex = d.analysis
        ? { pattern: d.fields.anchored_regex, ...analysisFacts(d.analysis) }
        : regexFacts(d.fields.anchored_regex);
    }
    const rule: ScrubRule = {
      component: c.id,
      componentName: c.componentName,
      position: String(d.index + 1),
      name: 'rule',
      action: d.action,
      file: d.file,
      range: d.range,
      arguments: d.fields ? { ...d.fields } : {},
      regexes,
      findings,
    };
    if (d.unknown) rule.unknown = d.unknown;
    return rule;
  });
}

function secretFilterRule(c: Component): ScrubRule {
  const rule: ScrubRule = {
    component: c.id,
    componentName: c.componentName,
    position: '1',
    name: 'loki.secretfilter',
    file: c.file,
    range: c.range,
    arguments: blockArguments(c),
    regexes: {},
    findings: [],
  };
  const unknownArg = [...c.attributes.values()].find((a) => isUnknown(a.value));
  if (unknownArg && isUnknown(unknownArg.value)) rule.unknown = `${unknownArg.name} is only known at run time (${unknownArg.value.reason})`;
  return rule;
}

function regexFacts(pattern: string): RegexFacts {
  try {
    return { pattern, ...analysisFacts(analyseRegex(pattern)) };
  } catch (err) {
    return { pattern, error: (err as Error).message };
  }
}

function analysisFacts(a: ReturnType<typeof analyseRegex>): Omit<RegexFacts, 'pattern'> {
  return {
    captureGroups: a.numSubexp,
    groupNames: a.subexpNames.slice(1).filter((n) => n !== ''),
    canMatchEmpty: a.canMatchEmpty,
    requiredLiterals: a.requiredLiterals ? { alternatives: [...a.requiredLiterals.alternatives], caseFolded: a.requiredLiterals.caseFolded } : null,
  };
}

/** A block's attributes (not forward_to) as JSON-ready values; nested blocks by name. */
function blockArguments(b: EvaluatedBlock): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, a] of b.attributes) if (name !== 'forward_to') args[name] = jsonValue(a.value);
  if (b.name !== 'stage.match') {
    for (const nested of b.blocks) {
      const key = nested.label === undefined ? nested.name : `${nested.name} "${nested.label}"`;
      const list = (args[key] as unknown[] | undefined) ?? [];
      list.push(blockArguments(nested));
      args[key] = list;
    }
  }
  return args;
}

function jsonValue(v: AlloyValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isObject(v)) return Object.fromEntries([...v.fields].map(([k, x]) => [k, jsonValue(x)]));
  if (isUnknown(v)) return { unknown: v.reason };
  if (isCapsule(v)) return `${v.componentId}.${v.exportName}`;
  if (v.kind === 'secret') return '(secret)';
  return `(function ${v.name})`;
}
