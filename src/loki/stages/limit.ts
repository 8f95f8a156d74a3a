// stage.limit (stages/limit.go): a token bucket (rate per second, burst), optionally one per value
// of `by_label_name`. Alloy's bucket refills with wall-clock time; the simulation assumes every
// entry arrives at the same instant, so the first `burst` entries pass and, with drop = true, the
// rest are dropped — marked unknown, because at a real arrival rate Alloy might have kept them.
// With drop = false Alloy waits instead of dropping, so every entry is forwarded (later).
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { addMark, describeWhere, forward, markOf, type CompiledStage } from './stage.ts';

export function readLimitConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['rate', 'burst'], optional: ['drop', 'by_label_name', 'max_distinct_labels'] });
  return {
    args,
    cfg: {
      rate: args.number('rate'),
      burst: args.int('burst'),
      drop: args.bool('drop'),
      byLabelName: args.string('by_label_name'),
      maxDistinctLabels: args.int('max_distinct_labels'),
    },
  };
}

export function compileLimit(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readLimitConfig(block);
  if (cfg.rate <= 0 || cfg.burst <= 0) throw buildError(args, 'limit stage failed to parse rate or burst');
  if (cfg.byLabelName !== '' && !cfg.drop) throw buildError(args, 'when ratelimiting by label, drop must be true', 'by_label_name');
  const where = describeWhere(block);
  const used = new Map<string, number>();
  const mark = markOf(block, `${where}: rate limit simulated with all entries arriving at once; at a real arrival rate Alloy may keep this entry`);
  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry) {
      let key = '';
      if (cfg.byLabelName !== '') {
        const v = entry.labels.get(cfg.byLabelName);
        if (v === undefined) return forward(entry); // no label, no limit
        key = v;
      }
      const n = used.get(key) ?? 0;
      if (n < cfg.burst) {
        used.set(key, n + 1);
        return forward(entry);
      }
      if (!cfg.drop) return forward(entry);
      addMark(entry, mark);
      return [{ kind: 'drop', entry, by: where, reason: 'ratelimit_drop_stage', range: block.range }];
    },
  };
}
