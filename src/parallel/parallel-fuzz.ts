// `fuzz` on several threads: every cell (secret type × context) and the clean-line measure is a
// task for the pool; results are put back in matrix order, so the report is the one a single
// thread makes. That holds because each cell draws from its own seed and the pipeline keeps no
// state between entries (eligibility.ts; the caller checks).
import { fuzzReport, fuzzSettings, selectCells, type CellResult, type CleanResult, type FuzzOptions, type FuzzReport } from '../fuzz/engine.ts';
import type { FuzzTask } from './fuzz-worker.ts';
import type { WorkerPool } from './worker-pool.ts';

/** Runs the fuzz on a pool started with a `fuzz` job made from the same options. */
export async function fuzzParallel(pool: WorkerPool, opts: FuzzOptions): Promise<FuzzReport> {
  const settings = fuzzSettings(opts);
  const cells = selectCells(opts.secrets, opts.contexts);
  const total = cells.length * settings.runs + settings.cleanRuns;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, total);
  };
  // The clean-line measure costs about as much as five cells: started first, it does not trail.
  const clean = pool.run<CleanResult>({ kind: 'clean' } satisfies FuzzTask).then((r) => {
    if (settings.cleanRuns > 0) progress(settings.cleanRuns);
    return r;
  });
  const results = cells.map((c) =>
    pool.run<CellResult>({ kind: 'cell', secretType: c.type.id, context: c.context.id } satisfies FuzzTask).then((r) => {
      progress(settings.runs);
      return r;
    }),
  );
  const [cleanResult, ...cellResults] = await Promise.all([clean, ...results]);
  return fuzzReport(settings, cellResults as CellResult[], cleanResult as CleanResult);
}
