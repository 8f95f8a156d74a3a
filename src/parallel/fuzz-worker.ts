// The worker's side of a parallel `fuzz`: the runner built once, then one fuzz cell (or the
// clean-line measure) per task. Each cell has its own seed, so where it runs does not change it.
import { fuzzCell, fuzzClean, selectCells } from '../fuzz/engine.ts';
import { buildFromSpec } from './pipeline-spec.ts';
import type { WorkerJob } from './protocol.ts';
import type { TaskHandler } from './worker-entry.ts';

/** One cell by its ids, or the clean-line measure. */
export type FuzzTask = { kind: 'cell'; secretType: string; context: string } | { kind: 'clean' };

export function fuzzWorker(job: Extract<WorkerJob, { kind: 'fuzz' }>): TaskHandler {
  const { runner } = buildFromSpec(job.pipeline);
  return async (task) => {
    const t = task as FuzzTask;
    if (t.kind === 'clean') return { result: fuzzClean(runner, job.fuzz), transfer: [] };
    const cell = selectCells([t.secretType], [t.context])[0];
    if (!cell) throw new Error(`no fuzz cell ${t.secretType} × ${t.context}`);
    return { result: fuzzCell(runner, cell, job.fuzz), transfer: [] };
  };
}
