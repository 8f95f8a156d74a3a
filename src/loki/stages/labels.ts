// stage.labels (stages/labels.go): sets labels from extracted values (or, with
// source_type = "structured_metadata", from structured metadata). A null or empty source means
// "the extracted key of the same name". Values that cannot be converted are skipped.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, sourceString } from './common.ts';
import { isValidLabelName, isValidLabelValue } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readLabelsConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['values'], optional: ['source_type'] });
  const sourceType = args.string('source_type');
  if (sourceType !== '' && !['line', 'label', 'structured_metadata', 'extracted'].includes(sourceType)) {
    throw args.error(`unknown source_type: ${sourceType}`, 'source_type');
  }
  return { args, values: args.stringMap('values', true)!, sourceType: sourceType === '' ? 'extracted' : sourceType };
}

export function compileLabels(block: EvaluatedBlock): CompiledStage {
  const { args, values, sourceType } = readLabelsConfig(block);
  if (sourceType !== 'extracted' && sourceType !== 'structured_metadata') {
    throw buildError(args, `invalid labels source_type: ${sourceType}. Can only be 'extracted' or 'structured_metadata'`, 'source_type');
  }
  const mapping = new Map<string, string>();
  for (const [name, src] of values) {
    if (!isValidLabelName(name)) throw buildError(args, `invalid label name: ${name}`, 'values');
    mapping.set(name, src === null || src === '' ? name : src);
  }
  return mutatingStage(block, (entry) => {
    for (const [name, src] of mapping) {
      const v = sourceType === 'extracted' ? sourceString(entry.extracted, src) : entry.structuredMetadata.get(src);
      if (v !== undefined && isValidLabelValue(v)) entry.labels.set(name, v);
    }
  });
}
