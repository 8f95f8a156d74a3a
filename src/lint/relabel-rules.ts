// Findings about relabel rules (prometheus.relabel, discovery.relabel, loki.relabel) that Alloy
// accepts but that do not do what they appear to do. Rules Alloy refuses are validateConfig's.
// Each claim rests on the compiled rule (defaults resolved as Alloy resolves them) and on the
// parse tree or the analyser of its anchored regex.
import type { Component, ConfigModel } from '../config/model.ts';
import { ConfigError } from '../config/errors.ts';
import { analyseRegex } from '../regex/index.ts';
import { parseRegex } from '../regex/syntax/parser.ts';
import type { Node } from '../regex/syntax/ast.ts';
import { isRelabelComponentName, rulesOf, type CompiledRule } from '../relabel/index.ts';
import { isLegacyLabelName } from '../relabel/label-names.ts';
import { finding, showPattern } from './finding.ts';
import type { Finding } from './types.ts';

type KnownRule = Extract<CompiledRule, { kind: 'rule' }>;

export function relabelComponents(model: ConfigModel): Component[] {
  return [...model.components.values()].filter((c) => !c.custom && isRelabelComponentName(c.componentName));
}

/** The component's compiled rules, or undefined when Alloy would refuse them (validateConfig says why). */
export function compiledRules(c: Component): CompiledRule[] | undefined {
  try {
    return rulesOf(c);
  } catch (e) {
    if (e instanceof ConfigError) return undefined;
    throw e;
  }
}

export function relabelRuleFindings(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const components = relabelComponents(model);
  // Rules anywhere in the configuration that use a label to shard (keep/drop on it) or remove it:
  // a hashmod label handled by any of them, in this component or a later one, is left alone.
  const handlers: KnownRule[] = [];
  for (const c of components) {
    for (const r of compiledRules(c) ?? []) {
      if (r.kind === 'rule' && ['keep', 'drop', 'labeldrop', 'labelkeep'].includes(r.action)) handlers.push(r);
    }
  }
  const handled = (label: string) =>
    handlers.some((r) =>
      r.action === 'labeldrop' ? r.regex.matchString(label) : r.action === 'labelkeep' ? !r.regex.matchString(label) : (r.config.sourceLabels ?? []).includes(label),
    );
  for (const c of components) {
    const rules = compiledRules(c);
    if (!rules) continue;
    rules.forEach((r, i) => {
      if (r.kind !== 'rule') return;
      out.push(...constantReplacement(c, r));
      out.push(...labelRegexMatchesNoName(c, r));
      out.push(...hashmodAsIdentifier(c, r, rules.slice(i + 1), handled));
      out.push(...shadowed(c, r, rules.slice(0, i)));
    });
  }
  return out;
}

function ruleName(r: KnownRule): string {
  return `rule ${r.index + 1} (${r.action})`;
}

/** True when the (unanchored) relabel regex matches every string: `(.*)`, `.*`, `((.*))`. */
export function matchesEverything(pattern: string): boolean {
  let node: Node;
  try {
    node = parseRegex(`(?s:${pattern})`).root;
  } catch {
    return false;
  }
  while (node.op === 'capture') node = node.sub;
  return node.op === 'repeat' && node.min === 0 && node.max === -1 && node.sub.op === 'anyChar';
}

const HASH_LIKE = /hash|anon|pseudo|digest|masked/i;

function constantReplacement(c: Component, r: KnownRule): Finding[] {
  const cfg = r.config;
  if (r.action !== 'replace' || !cfg.sourceLabels || cfg.sourceLabels.length === 0) return [];
  if (cfg.replacement.includes('$') || cfg.replacement === '' || cfg.targetLabel.includes('$')) return [];
  // prometheus.relabel and loki.relabel skip a replace whose target is not a classic label name.
  if (c.componentName !== 'discovery.relabel' && !isLegacyLabelName(cfg.targetLabel)) return [];
  const sources = cfg.sourceLabels.join(', ');
  const range = r.source.attributes.get('replacement') ?? r.source.range;
  const hashNote = HASH_LIKE.test(cfg.targetLabel) ? ` Despite its name, ${cfg.targetLabel} is no hash: it correlates nothing.` : '';
  const fix =
    'Alloy\'s relabel rules cannot hash a value. If the raw value must not leave, drop it with a labeldrop rule and do not write a replacement label; if you need a correlatable pseudonym, compute a keyed hash before Alloy. If a constant marker is really meant, set regex to what must be present (for example ".+")';
  if (matchesEverything(cfg.regex)) {
    return [
      finding(
        'relabel-constant-replacement',
        r.source.file,
        range,
        `${ruleName(r)} sets ${cfg.targetLabel}="${cfg.replacement}" on every ${c.componentName === 'discovery.relabel' ? 'target' : 'series'}: the replacement has no $ reference and regex ${showPattern(cfg.regex)} matches any value, so the value of ${sources} is never used — every ${c.componentName === 'discovery.relabel' ? 'target' : 'series'} gets the same value, including those without ${sources}.${hashNote}`,
        fix,
      ),
    ];
  }
  if (!hashNote) return [];
  return [
    finding(
      'relabel-constant-replacement',
      r.source.file,
      range,
      `${ruleName(r)} writes the constant "${cfg.replacement}" to ${cfg.targetLabel} whenever ${sources} matches ${showPattern(cfg.regex)}: the replacement has no $ reference, so all of them get the same value.${hashNote}`,
      fix,
    ),
  ];
}

function labelRegexMatchesNoName(c: Component, r: KnownRule): Finding[] {
  if (r.action !== 'labeldrop' && r.action !== 'labelkeep') return [];
  let required;
  try {
    required = analyseRegex(r.regex.source).requiredLiterals;
  } catch {
    return [];
  }
  if (!required) return [];
  // Every match contains one of these. When each holds a space, comma, semicolon, quote or slash —
  // the marks of a list written the wrong way ("user_id, email", "/email/") — the regex cannot
  // match a classic label name. (Dots and dashes are left alone: UTF-8 names such as OTel's
  // `service.name` may carry them.)
  const impossible = required.alternatives.every((lit) => /[\s,;"'\/]/.test(lit));
  if (!impossible) return [];
  const range = r.source.attributes.get('regex') ?? r.source.range;
  const effect = r.action === 'labeldrop' ? 'drops nothing: the labels it was meant to remove are forwarded' : `keeps nothing: every label is removed from every ${c.componentName === 'discovery.relabel' ? 'target' : 'series'}`;
  return [
    finding(
      'relabel-regex-matches-no-label',
      r.source.file,
      range,
      `${ruleName(r)} regex ${showPattern(r.config.regex)} must match a whole label name, and every match contains one of ${required.alternatives.map((a) => JSON.stringify(a)).join(', ')}: no label name made of letters, digits and _ (the names Prometheus and Loki use) matches, so the rule ${effect}`,
      'list the label names as alternatives, e.g. regex = "user_id|email" (no spaces, commas or slashes); the regex is anchored at both ends',
    ),
  ];
}

function hashmodAsIdentifier(c: Component, r: KnownRule, later: CompiledRule[], handled: (label: string) => boolean): Finding[] {
  if (r.action !== 'hashmod') return [];
  const target = r.config.targetLabel;
  // `__`-prefixed labels are Alloy's temporary labels; whether they survive depends on where the
  // output goes, so say nothing about them.
  if (target.startsWith('__') || handled(target)) return [];
  for (const l of later) {
    if (l.kind !== 'rule') return []; // a rule only known at run time might remove it
    if (l.action === 'labeldrop' && l.regex.matchString(target)) return [];
    if (l.action === 'labelkeep' && !l.regex.matchString(target)) return [];
    if ((l.action === 'replace' || l.action === 'hashmod' || l.action === 'lowercase' || l.action === 'uppercase') && l.config.targetLabel === target) return [];
  }
  const range = r.source.attributes.get('target_label') ?? r.source.range;
  return [
    finding(
      'relabel-hashmod-as-identifier',
      r.source.file,
      range,
      `${ruleName(r)} stores md5(${(r.config.sourceLabels ?? []).join(r.config.separator)}) mod ${r.config.modulus} in ${target}, and the label is kept: hashmod is for sharding, not pseudonymising — the digest is unsalted, so for low-entropy values (IP addresses, user ids) anyone can recompute it for every candidate and recover the value, and with a small modulus distinct values collide`,
      `use ${target} only to shard (a keep or drop rule on it), then remove it with labeldrop; drop the source label if its value must not leave`,
    ),
  ];
}

/** Actions after which an identical rule can never change anything, and the rules allowed between. */
const IDEMPOTENT: Readonly<Record<string, ReadonlySet<string>>> = {
  // Removing labels again removes nothing new, as long as nothing in between creates labels.
  labeldrop: new Set(['labeldrop', 'labelkeep', 'keep', 'drop', 'keepequal', 'dropequal']),
  labelkeep: new Set(['labeldrop', 'labelkeep', 'keep', 'drop', 'keepequal', 'dropequal']),
  // Filtering again on unchanged labels decides the same way.
  keep: new Set(['keep', 'drop', 'keepequal', 'dropequal']),
  drop: new Set(['keep', 'drop', 'keepequal', 'dropequal']),
};

function sameConfig(a: KnownRule, b: KnownRule): boolean {
  const x = a.config;
  const y = b.config;
  return (
    x.action === y.action &&
    x.regex === y.regex &&
    x.separator === y.separator &&
    JSON.stringify(x.sourceLabels) === JSON.stringify(y.sourceLabels) &&
    x.targetLabel === y.targetLabel &&
    x.replacement === y.replacement &&
    x.modulus === y.modulus
  );
}

function shadowed(c: Component, r: KnownRule, earlier: CompiledRule[]): Finding[] {
  const between = IDEMPOTENT[r.action];
  if (!between) return [];
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.kind !== 'rule') return [];
    if (sameConfig(e, r) || coveredLabelDrop(e, r)) {
      return [
        finding(
          'rule-shadowed',
          r.source.file,
          r.source.range,
          `${ruleName(r)} ${sameConfig(e, r) ? 'repeats' : 'only matches label names already removed by'} ${ruleName(e)} of ${c.id} and nothing in between adds or changes labels, so it never changes anything: ${r.action === 'labeldrop' || r.action === 'labelkeep' ? 'the labels it matches are already gone' : 'every label set it would filter was already filtered'}`,
          'remove the duplicate rule, or change it to do what was intended',
        ),
      ];
    }
    if (!between.has(e.action)) return [];
  }
  return [];
}

/**
 * A labeldrop whose regex spells out label names (`email` or `email|phone`) after an earlier
 * labeldrop whose compiled regex matches every one of them: nothing is left for it to drop.
 */
function coveredLabelDrop(earlier: KnownRule, later: KnownRule): boolean {
  if (earlier.action !== 'labeldrop' || later.action !== 'labeldrop') return false;
  const names = exactStrings(later.config.regex);
  return names !== undefined && names.length > 0 && names.every((n) => earlier.regex.matchString(n));
}

/** The strings a regex matches when it is a plain alternation of case-sensitive literals. */
export function exactStrings(pattern: string): string[] | undefined {
  let node: Node;
  try {
    node = parseRegex(pattern).root;
  } catch {
    return undefined;
  }
  while (node.op === 'capture') node = node.sub;
  const branches = node.op === 'alternate' ? node.subs : [node];
  const out: string[] = [];
  for (let b of branches) {
    while (b.op === 'capture') b = b.sub;
    const parts = b.op === 'concat' ? b.subs : [b];
    let text = '';
    for (const p of parts) {
      if (p.op !== 'literal' || p.fold) return undefined;
      text += String.fromCodePoint(p.rune);
    }
    out.push(text);
  }
  return out;
}
