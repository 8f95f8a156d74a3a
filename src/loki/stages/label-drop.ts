// stage.label_drop (stages/label_drop.go): removes the named labels.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function compileLabelDrop(block: EvaluatedBlock): CompiledStage {
  const args = new StageArgs(block, { required: ['values'] });
  const values = args.stringList('values')!;
  if (values.length < 1) throw buildError(args, 'labeldrop stage config cannot be empty', 'values');
  return mutatingStage(block, (entry) => {
    for (const v of values) entry.labels.delete(v);
  });
}
