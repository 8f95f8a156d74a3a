// stage.static_labels (stages/static_labels.go): adds constant labels; a null or empty value is
// ignored (it does not remove the label).
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { isValidLabelName, isValidLabelValue } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readStaticLabelsConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['values'] });
  return { args, values: args.stringMap('values', true)! };
}

export function compileStaticLabels(block: EvaluatedBlock): CompiledStage {
  const { args, values } = readStaticLabelsConfig(block);
  for (const name of values.keys()) {
    if (!isValidLabelName(name)) throw buildError(args, `invalid label name: ${name}`, 'values');
  }
  const pairs: [string, string][] = [];
  for (const [name, v] of values) {
    if (v === null || v === '') continue;
    if (!isValidLabelValue(v)) throw buildError(args, `invalid label value: ${v}`, 'values');
    pairs.push([name, v]);
  }
  return mutatingStage(block, (entry) => {
    for (const [k, v] of pairs) entry.labels.set(k, v);
  });
}
