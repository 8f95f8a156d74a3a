// The benchmark rule sets (bench/rules/*.alloy) and their stage.replace rules as plain data, the
// form the Go baseline (bench/go-baseline) reads. Only a loki.process made of stage.replace blocks
// without `source` can be written this way: that is the part of Alloy the baseline reproduces.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.ts';
import type { ConfigModel } from '../src/config/model.ts';
import { readReplaceConfig } from '../src/loki/stages/replace.ts';

export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'rules');

export interface RuleSet {
  name: string;
  file: string;
  component: string;
}

export const RULE_SETS: readonly RuleSet[] = [
  { name: 'seed', file: resolve(RULES_DIR, 'seed.alloy'), component: 'loki.process.scrub_secrets' },
  { name: 'realistic', file: resolve(RULES_DIR, 'realistic.alloy'), component: 'loki.process.scrub_realistic' },
  { name: 'secretfilter', file: resolve(RULES_DIR, 'secretfilter-default.alloy'), component: 'loki.secretfilter.default' },
];

export interface ReplaceRule {
  expression: string;
  replace: string;
}

export function loadRuleSetModel(set: RuleSet): ConfigModel {
  return loadConfig(readFileSync(set.file, 'utf8'), set.file, { env: {} });
}

/** The stage.replace rules of a loki.process, in order; throws for anything else. */
export function replaceRules(model: ConfigModel, componentId: string): ReplaceRule[] {
  const component = model.components.get(componentId);
  if (!component) throw new Error(`no component ${componentId}`);
  if (component.componentName !== 'loki.process') throw new Error(`${componentId} is not a loki.process`);
  return component.blocks.map((b) => {
    if (b.name !== 'stage.replace') throw new Error(`${componentId}: ${b.name} has no Go baseline`);
    const { cfg } = readReplaceConfig(b);
    if (cfg.source !== '') throw new Error(`${componentId}: stage.replace with source has no Go baseline`);
    return { expression: cfg.expression, replace: cfg.replace };
  });
}
