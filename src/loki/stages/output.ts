// stage.output (stages/output.go): replaces the line with an extracted value. A missing key or a
// value that is not a string/number/bool leaves the line as it was — the original line, secrets
// and all, is then what Alloy forwards.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, sourceString } from './common.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readOutputConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['source'] });
  return { args, cfg: { source: args.string('source') } };
}

export function compileOutput(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readOutputConfig(block);
  if (cfg.source === '') throw buildError(args, 'output source value is required if output is specified', 'source');
  return mutatingStage(block, (entry) => {
    const s = sourceString(entry.extracted, cfg.source);
    if (s !== undefined) entry.line = s;
  });
}
