// stage.regex (stages/regex.go): the first match's named groups go into the extracted map (a
// group that did not participate stores ""); with labels_from_groups they also become labels.
// Unnamed groups are ignored; no match changes nothing.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex, sourceString } from './common.ts';
import { isValidLabelName, isValidLabelValue } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readRegexConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['expression'], optional: ['source', 'labels_from_groups'] });
  return {
    args,
    cfg: {
      expression: args.string('expression'),
      source: args.optionalString('source'),
      labelsFromGroups: args.bool('labels_from_groups'),
    },
  };
}

export function compileRegexStage(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readRegexConfig(block);
  if (cfg.expression === '') throw buildError(args, 'expression is required', 'expression');
  if (cfg.source === '') throw buildError(args, 'empty source', 'source');
  const re = compileStageRegex(args, 'expression', cfg.expression, 'could not compile regular expression: ');
  const names = re.subexpNames();
  return mutatingStage(block, (entry) => {
    let input = entry.line;
    if (cfg.source !== undefined) {
      const s = sourceString(entry.extracted, cfg.source);
      if (s === undefined) return;
      input = s;
    }
    const m = re.findStringSubmatch(input);
    if (!m) return;
    for (let i = 1; i < names.length; i++) {
      const name = names[i]!;
      if (name === '') continue;
      const v = m[i] ?? '';
      entry.extracted.set(name, v);
      if (cfg.labelsFromGroups && isValidLabelName(name) && isValidLabelValue(v)) entry.labels.set(name, v);
    }
  });
}
