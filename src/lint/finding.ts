// Building findings: the rule's usual severity comes from the catalogue unless a rule decides
// otherwise for a particular case.
import type { EvaluatedAttribute, EvaluatedBlock } from '../config/model.ts';
import type { Range } from '../syntax/ast.ts';
import { ruleInfo } from './catalogue.ts';
import type { Finding, Severity } from './types.ts';

export function finding(rule: string, file: string, range: Range, message: string, fix: string, severity?: Severity): Finding {
  return { rule, severity: severity ?? ruleInfo(rule).severity, file, range, message, fix };
}

/** The range to blame for an attribute: the attribute when written, else its block. */
export function attrRange(block: EvaluatedBlock, name: string): Range {
  return block.attributes.get(name)?.range ?? block.range;
}

export function stringAttr(block: EvaluatedBlock, name: string): { attr: EvaluatedAttribute; value: string } | undefined {
  const attr = block.attributes.get(name);
  if (!attr || typeof attr.value !== 'string') return undefined;
  return { attr, value: attr.value };
}

/** Alloy raw-string quoting for showing a pattern the way users write them. */
export function showPattern(p: string): string {
  return p.includes('`') ? JSON.stringify(p) : `\`${p}\``;
}
