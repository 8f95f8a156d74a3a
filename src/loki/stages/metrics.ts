// stage.metrics (stages/metric.go, process/metric/*.go): defines Prometheus metrics from
// extracted values. It never changes the entry, so the simulation only checks the metric blocks
// the way Alloy's decoder does (required attributes, Validate messages) and passes entries on.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

const COMMON = ['description', 'source', 'prefix', 'max_idle_duration', 'value'];
const ONE_SECOND = 1_000_000_000n;
const DEFAULT_MAX_IDLE = 300n * ONE_SECOND;

function checkMetric(block: EvaluatedBlock): void {
  const kind = block.name.slice('metric.'.length);
  const args =
    kind === 'counter'
      ? new StageArgs(block, { required: ['name', 'action'], optional: [...COMMON, 'match_all', 'count_entry_bytes'] })
      : kind === 'gauge'
        ? new StageArgs(block, { required: ['name', 'action'], optional: COMMON })
        : new StageArgs(block, { required: ['name', 'buckets'], optional: COMMON });
  const maxIdle = args.durationNs('max_idle_duration') ?? DEFAULT_MAX_IDLE;
  if (maxIdle < ONE_SECOND) throw args.error('max_idle_duration must be greater or equal than 1s', 'max_idle_duration');
  const action = args.string('action');
  if (kind === 'counter') {
    if (action !== 'inc' && action !== 'add') throw args.error("the 'action' counter field must be either 'inc' or 'add'", 'action');
    const matchAll = args.bool('match_all');
    if (matchAll && args.string('value') !== '') {
      throw args.error("a 'counter' metric supports either 'match_all' or a 'value', but not both", 'match_all');
    }
    if (args.bool('count_entry_bytes') && (!matchAll || action !== 'add')) {
      throw args.error(
        "the 'count_entry_bytes' counter field must be specified along with match_all set to true or action set to 'add'",
        'count_entry_bytes',
      );
    }
  } else if (kind === 'gauge') {
    if (!['set', 'inc', 'dec', 'add', 'sub'].includes(action)) {
      throw args.error("the 'action' gauge field must be one of the following values: [set, inc, dec, add, sub]", 'action');
    }
  } else {
    const buckets = args.attr('buckets')!.value;
    if (!Array.isArray(buckets) || buckets.some((b) => typeof b !== 'number')) throw args.error('expected array of numbers', 'buckets');
  }
}

export function compileMetrics(block: EvaluatedBlock): CompiledStage {
  new StageArgs(block, { blocks: ['metric.counter', 'metric.gauge', 'metric.histogram'] });
  for (const m of block.blocks) checkMetric(m);
  return mutatingStage(block, () => {});
}
