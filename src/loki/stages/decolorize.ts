// stage.decolorize (stages/decolorize.go): removes ANSI escape sequences with Alloy's pattern.
import type { EvaluatedBlock } from '../../config/model.ts';
import { compileRegex } from '../../regex/index.ts';
import { StageArgs } from './args.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

// The same pattern as Alloy's ansiPattern (an ESC or CSI, then a colour/cursor sequence).
export const ANSI_PATTERN =
  '[\u001B\u009B][[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\u0007)|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))';

export function compileDecolorize(block: EvaluatedBlock): CompiledStage {
  new StageArgs(block, {});
  const re = compileRegex(ANSI_PATTERN);
  return mutatingStage(block, (entry) => {
    entry.line = re.replaceAllLiteralString(entry.line, '');
  });
}
