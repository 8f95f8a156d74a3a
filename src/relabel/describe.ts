// The `rules` listing of a relabel component: each rule with its position, its action and every
// field as Alloy resolves it (defaults filled in), plus what the regex analyser knows.
import type { Component } from '../config/model.ts';
import { analyseRegex, type RegexAnalysis } from '../regex/analyse.ts';
import type { Range } from '../syntax/ast.ts';
import { rulesOf } from './component-rules.ts';

export interface RelabelRuleDescription {
  component: string;
  /** 0-based position among the component's rules. */
  index: number;
  file: string;
  range: Range;
  action: string;
  /** Resolved fields (defaults included); absent for a rule only known at run time. */
  fields?: {
    source_labels: string[] | null;
    separator: string;
    regex: string;
    /** The regex as Alloy compiles it. */
    anchored_regex: string;
    modulus: string;
    target_label: string;
    replacement: string;
  };
  /** Attributes written in the block (the others are defaults). */
  written: string[];
  analysis?: RegexAnalysis;
  unknown?: string;
}

export function describeRelabelRules(component: Component): RelabelRuleDescription[] {
  return rulesOf(component).map((rule) => {
    const base = {
      component: component.id,
      index: rule.index,
      file: rule.source.file,
      range: rule.source.range,
      written: [...rule.source.attributes.keys()],
    };
    if (rule.kind === 'unknown') return { ...base, action: 'unknown', unknown: rule.reason };
    const c = rule.config;
    let analysis: RegexAnalysis | undefined;
    try {
      analysis = analyseRegex(rule.regex.source);
    } catch {
      analysis = undefined;
    }
    return {
      ...base,
      action: c.action,
      fields: {
        source_labels: c.sourceLabels,
        separator: c.separator,
        regex: c.regex,
        anchored_regex: rule.regex.source,
        modulus: c.modulus.toString(),
        target_label: c.targetLabel,
        replacement: c.replacement,
      },
      analysis,
    };
  });
}
