import { describe, expect, it } from 'vitest';
import { AUTO_FUZZ_MIN_ENTRIES, AUTO_RUN_MIN_BYTES, autoFuzzWorkers, autoRunWorkers, parseWorkersOption, planWorkers } from '../../src/parallel/workers-option.ts';

const IDLE_FOUR = { cores: 4, load: 0.3 };
const BUSY_TWO = { cores: 2, load: 5.2 };

describe('--workers', () => {
  it('takes auto or a count from 1 to 64', () => {
    expect(parseWorkersOption('auto')).toEqual({ kind: 'auto' });
    expect(parseWorkersOption('3')).toEqual({ kind: 'count', count: 3 });
    for (const bad of ['0', '65', '-1', '1.5', 'two', '']) expect(typeof parseWorkersOption(bad)).toBe('string');
  });

  it('gives the asked number of workers to a pipeline that can be split', () => {
    expect(planWorkers({ kind: 'count', count: 3 }, null, 1)).toEqual({ workers: 3 });
  });

  it('runs on one thread, with a note saying why, when asked for workers for a pipeline that cannot be split', () => {
    const plan = planWorkers({ kind: 'count', count: 2 }, 'stage.limit at p.alloy:2:3 counts entries (rate limit)', 1);
    expect(plan.workers).toBe(1);
    expect(plan.note).toBe('alloy-scrub: note: --workers 2: running on one thread, because stage.limit at p.alloy:2:3 counts entries (rate limit); only pipelines that treat every line on its own are split between threads\n');
  });

  it('runs on one thread without a note when auto meets a pipeline that cannot be split', () => {
    expect(planWorkers({ kind: 'auto' }, 'stage.cri joins partial lines', 4)).toEqual({ workers: 1 });
  });

  it('prints no note for --workers 1', () => {
    expect(planWorkers({ kind: 'count', count: 1 }, 'stage.cri joins partial lines', 4)).toEqual({ workers: 1 });
  });
});

describe('auto', () => {
  it('uses the idle cores besides the one of the main thread, at most four, for a large input file', () => {
    expect(autoRunWorkers(AUTO_RUN_MIN_BYTES, IDLE_FOUR)).toBe(2);
    expect(autoRunWorkers(AUTO_RUN_MIN_BYTES, { cores: 16, load: 0 })).toBe(4);
  });

  it('stays on one thread for an input below the size where workers pay', () => {
    expect(autoRunWorkers(AUTO_RUN_MIN_BYTES - 1, IDLE_FOUR)).toBe(1);
  });

  it('stays on one thread for a stream whose size is not known', () => {
    expect(autoRunWorkers(null, IDLE_FOUR)).toBe(1);
  });

  it('stays on one thread when fewer than two cores besides the one of the main thread are idle', () => {
    expect(autoRunWorkers(10 * AUTO_RUN_MIN_BYTES, { cores: 8, load: 5.5 })).toBe(1);
  });

  it('stays on one thread on a 2-core machine, idle or busy', () => {
    expect(autoRunWorkers(10 * AUTO_RUN_MIN_BYTES, { cores: 2, load: 0 })).toBe(1);
    expect(autoRunWorkers(10 * AUTO_RUN_MIN_BYTES, BUSY_TWO)).toBe(1);
  });

  it('spreads a long fuzz over the idle cores, and keeps a short one on one thread', () => {
    expect(autoFuzzWorkers(AUTO_FUZZ_MIN_ENTRIES, IDLE_FOUR)).toBe(2);
    expect(autoFuzzWorkers(AUTO_FUZZ_MIN_ENTRIES - 1, IDLE_FOUR)).toBe(1);
    expect(autoFuzzWorkers(AUTO_FUZZ_MIN_ENTRIES, BUSY_TWO)).toBe(1);
  });
});
