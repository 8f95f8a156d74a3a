// stage.sampling (stages/sampling.go, internal/sampling): keeps each entry with probability
// `rate`. Rate 0 drops everything and rate 1 keeps everything, exactly as Alloy. Between the two
// Alloy draws from math/rand; the simulation draws from a seeded PRNG (deterministic across runs)
// and marks every entry it drops as unknown: Alloy might have forwarded it, so its content still
// matters to a leak verdict.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { addMark, describeWhere, forward, markOf, type CompiledStage, type StageContext } from './stage.ts';

export function readSamplingConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['rate'], optional: ['drop_counter_reason'] });
  // SetToDefault fills the reason before decoding: an explicit "" stays "" (unlike stage.drop).
  return { args, rate: args.number('rate'), dropReason: args.string('drop_counter_reason', 'sampling_stage') };
}

/** mulberry32: a small, well-mixed 32-bit PRNG; enough for a reproducible stand-in. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function compileSampling(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  const { args, rate, dropReason } = readSamplingConfig(block);
  if (rate < 0 || rate > 1) {
    throw args.error(`sampling stage failed to parse rate,Sampling Rate must be between 0.0 and 1.0, received ${rate.toFixed(6)}`, 'rate');
  }
  const where = describeWhere(block);
  const random = prng(ctx.samplingSeed);
  const mark = markOf(block, `${where}: dropped by random sampling (rate ${rate}); Alloy keeps such an entry with probability ${rate}`);
  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry) {
      if (rate >= 1) return forward(entry);
      if (rate <= 0) return [{ kind: 'drop', entry, by: where, reason: dropReason, range: block.range }];
      if (random() < rate) return forward(entry);
      addMark(entry, mark);
      return [{ kind: 'drop', entry, by: where, reason: `${dropReason} (random sampling, simulated with a seeded PRNG)`, range: block.range }];
    },
  };
}
