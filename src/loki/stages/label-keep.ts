// stage.label_keep (stages/label_keep.go): removes every label not named.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function compileLabelKeep(block: EvaluatedBlock): CompiledStage {
  const args = new StageArgs(block, { required: ['values'] });
  const values = args.stringList('values')!;
  if (values.length < 1) throw buildError(args, 'labelallow stage config cannot be empty', 'values');
  const keep = new Set(values);
  return mutatingStage(block, (entry) => {
    for (const k of [...entry.labels.keys()]) if (!keep.has(k)) entry.labels.delete(k);
  });
}
