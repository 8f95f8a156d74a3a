// The worker's side of a parallel `run`: the runner and the pass-through screen built once, as
// the main thread built its own, then one runBatch per batch received.
import { Buffer } from 'node:buffer';
import { passThroughScreen } from '../loki/prefilter.ts';
import type { InputBatch } from './batch-cutter.ts';
import { outputTransferList, runBatch } from './batch-run.ts';
import { buildFromSpec } from './pipeline-spec.ts';
import type { WorkerJob } from './protocol.ts';
import type { TaskHandler } from './worker-entry.ts';

/**
 * Fault injection for the tests of failure handling: the worker thread crashes (an uncaught
 * exception, as a bug or an engine failure would raise) when it receives the batch with this
 * sequence number.
 */
const CRASH_AT_BATCH = process.env.ALLOY_SCRUB_TEST_WORKER_CRASH_AT_BATCH;

export function runWorker(job: Extract<WorkerJob, { kind: 'run' }>): TaskHandler {
  const { model, runner } = buildFromSpec(job.pipeline);
  const passThrough = job.passThrough ? (passThroughScreen(model, job.pipeline.startId, runner.paths) ?? undefined) : undefined;
  return async (task) => {
    const batch = task as InputBatch;
    if (CRASH_AT_BATCH !== undefined && Number(CRASH_AT_BATCH) === batch.seq) {
      setImmediate(() => {
        throw new Error(`injected crash at batch ${batch.seq} (ALLOY_SCRUB_TEST_WORKER_CRASH_AT_BATCH)`);
      });
      return new Promise(() => {});
    }
    // Structured cloning delivers the Buffer as a plain Uint8Array over the transferred memory.
    const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
    const out = await runBatch(runner, { ...batch, data }, job.run, passThrough);
    return { result: out, transfer: outputTransferList(out) };
  };
}
