// stage.metrics (stages/metric.go): defines Prometheus metrics from extracted values. It never
// changes the entry, so the simulation only checks the block's shape and passes entries through.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function compileMetrics(block: EvaluatedBlock): CompiledStage {
  new StageArgs(block, { blocks: ['metric.counter', 'metric.gauge', 'metric.histogram'] });
  return mutatingStage(block, () => {});
}
