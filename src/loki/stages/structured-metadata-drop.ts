// stage.structured_metadata_drop (stages/structured_metadata_drop.go): removes the named
// structured metadata entries.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function compileStructuredMetadataDrop(block: EvaluatedBlock): CompiledStage {
  const args = new StageArgs(block, { required: ['values'] });
  const values = args.stringList('values')!;
  if (values.length < 1) throw buildError(args, 'structured_metadata_drop stage config cannot be empty', 'values');
  return mutatingStage(block, (e) => {
    for (const v of values) e.structuredMetadata.delete(v);
  });
}
