// `run` on several threads: the main thread reads the input and cuts it into batches of whole
// lines (batch-cutter.ts), the workers run the batches (batch-run.ts), and the main thread hands
// their output on strictly in input order (batch-merge.ts) — the same chunks, to the same
// consumer, as runStream's, so the caller cannot tell the difference except by speed.
//
// Memory is bounded by a fixed number of batch slots: a slot is taken before a batch is cut off
// the input and given back only once the consumer has taken that batch's output. When stdout is
// slow the consumer stops pulling, the slots run out, and input reading stops; nothing piles up.
// The pipeline must be splittable (eligibility.ts); the caller checks.
import type { TransferListItem } from 'node:worker_threads';
import type { RunChunk, RunStats } from '../loki/run-stream.ts';
import { BatchCutter, type InputBatch } from './batch-cutter.ts';
import { BatchMerger } from './batch-merge.ts';
import type { BatchOutput } from './batch-run.ts';
import { OrderedResults, Slots } from './ordered-results.ts';

export const DEFAULT_BATCH_BYTES = 1024 * 1024;

export interface ParallelRunOptions {
  /** Target size of a batch (a batch ends at the first line end past it). */
  batchBytes?: number;
  /** Batches in flight: cut and not yet written. Default: two per worker, plus one. */
  inFlight?: number;
  maxLineBytes?: number;
}

/** What runs the batches: a WorkerPool started with a `run` job (tests give their own). */
export interface BatchRunner {
  readonly size: number;
  run<R>(batch: InputBatch, transfer: readonly TransferListItem[]): Promise<R>;
}

/**
 * Runs the input through the pool's runner (a pool started with a `run` job) and yields the run's
 * output chunks in order; returns the run's statistics. The pool is not closed here.
 */
export async function* runParallel(input: AsyncIterable<Uint8Array>, pool: BatchRunner, opts: ParallelRunOptions = {}): AsyncGenerator<RunChunk, RunStats> {
  const results = new OrderedResults<BatchOutput>();
  const slots = new Slots(opts.inFlight ?? pool.size * 2 + 1);
  const iterator = input[Symbol.asyncIterator]();
  let stopped = false;

  const send = (batch: InputBatch): void => {
    pool.run<BatchOutput>(batch, [batch.data.buffer as ArrayBuffer]).then(
      (out) => results.put(batch.seq, out),
      (err) => results.fail(err, batch.seq),
    );
  };
  // Batches sent so far: where a failure to read the input takes its place in the output.
  let count = 0;
  const feed = async (): Promise<void> => {
    const cutter = new BatchCutter({ targetBytes: opts.batchBytes ?? DEFAULT_BATCH_BYTES, maxLineBytes: opts.maxLineBytes });
    // No slot, no next read: reading waits for the consumer. Read and not yet sent is at most one
    // input chunk, cut into batches, and the cutter's unfinished batch.
    const sendAll = async (batches: InputBatch[]): Promise<boolean> => {
      for (const b of batches) {
        if (!(await slots.acquire()) || stopped) return false;
        send(b);
        count++;
      }
      return true;
    };
    for (;;) {
      const r = await iterator.next();
      if (stopped) return;
      if (r.done) break;
      if (!(await sendAll(cutter.push(r.value)))) return;
    }
    if (!(await sendAll(cutter.end()))) return;
    results.close(count);
  };
  feed().catch((err: unknown) => results.fail(err, count));

  const merger = new BatchMerger();
  try {
    for (let seq = 0; ; seq++) {
      const out = await results.take(seq);
      if (out === undefined) return merger.stats;
      for (const chunk of merger.chunks(out)) yield chunk;
      slots.release();
    }
  } finally {
    stopped = true;
    slots.close();
    // Ends a read that is still waiting (stdin), as leaving a for-await loop would.
    void iterator.return?.()?.catch(() => {});
  }
}
