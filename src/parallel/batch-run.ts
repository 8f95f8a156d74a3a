// One batch of a parallel run, on the worker's side: runStream over the batch's lines with the
// run's options, numbering lines from the batch's first line, and everything it printed collected
// into one message for the main thread. Pure: no thread of its own, so tests can run it in-process.
import { Buffer } from 'node:buffer';
import type { LogPathRunner } from '../loki/graph.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../loki/line-codec.ts';
import { runStream, type InputFormat, type OutputFormat, type PassThroughScreen, type RunStats, type StderrWarning } from '../loki/run-stream.ts';
import type { InputBatch } from './batch-cutter.ts';

/** The options of a run that every batch shares (RunStreamOptions without the per-batch ones). */
export interface BatchRunOptions {
  inputFormat?: InputFormat;
  outputFormat?: OutputFormat;
  labels?: ReadonlyMap<string, string>;
  keepCr?: boolean;
  maxLineBytes?: number;
  /** The run's clock, read once in the main thread: every batch stamps with the same instant. */
  nowNs: bigint;
}

/** What a batch printed, in order. A stdout chunk is one of BatchOutput.stdout's pieces. */
export type BatchChunk = { stream: 'stdout'; piece: number } | { stream: 'stderr'; data: string; warnings?: StderrWarning[] };

export interface BatchOutput {
  seq: number;
  /** stdout bytes, each piece the only view of its ArrayBuffer (so it can be transferred). */
  stdout: Uint8Array[];
  chunks: BatchChunk[];
  stats: RunStats;
}

export async function runBatch(runner: LogPathRunner, batch: InputBatch, opts: BatchRunOptions, passThrough?: PassThroughScreen): Promise<BatchOutput> {
  const gen = runStream(toAsync(batchChunks(batch, opts.maxLineBytes)), runner, {
    inputFormat: opts.inputFormat,
    outputFormat: opts.outputFormat,
    labels: opts.labels,
    keepCr: opts.keepCr,
    maxLineBytes: opts.maxLineBytes,
    now: () => opts.nowNs,
    passThrough,
    firstLineNo: batch.firstLineNo,
    // The cutter removed the stream's BOM; a BOM at the start of a later batch is line content.
    keepBom: true,
    // Printed once per run: by the first batch.
    sinkNote: batch.seq === 0,
  });
  const stdout: Uint8Array[] = [];
  const chunks: BatchChunk[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { seq: batch.seq, stdout, chunks, stats: r.value };
    const c = r.value;
    if (c.stream === 'stdout') {
      chunks.push({ stream: 'stdout', piece: stdout.length });
      stdout.push(ownsItsMemory(c.data) ? c.data : new Uint8Array(c.data));
    } else {
      chunks.push(c.warnings ? { stream: 'stderr', data: c.data, warnings: c.warnings } : { stream: 'stderr', data: c.data });
    }
  }
}

/** Memory that can be moved to another thread: all of one ArrayBuffer (never Node's shared pool). */
function ownsItsMemory(b: Uint8Array): boolean {
  return b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
}

/** The ArrayBuffers of a batch's output, to transfer rather than copy. */
export function outputTransferList(out: BatchOutput): ArrayBuffer[] {
  return [...new Set(out.stdout.map((p) => p.buffer as ArrayBuffer))];
}

/**
 * The batch as input chunks: its bytes, with filler bytes (no LF) in place of each line the cutter
 * did not keep, so the worker's LineSplitter counts them and reports the line as too long.
 */
export function* batchChunks(batch: InputBatch, maxLineBytes: number | undefined): Generator<Buffer> {
  let pos = 0;
  for (const s of batch.skipped) {
    if (s.at > pos) yield batch.data.subarray(pos, s.at);
    pos = s.at;
    yield* filler(s.length, maxLineBytes);
  }
  if (pos < batch.data.length) yield batch.data.subarray(pos);
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function* filler(length: number, maxLineBytes = DEFAULT_MAX_LINE_BYTES): Generator<Buffer> {
  // A first piece over the limit makes the splitter give the line up at once, without holding
  // any of it. Zero bytes are never LF.
  const zeros = Buffer.alloc(Math.min(length, maxLineBytes + 2));
  for (let left = length; left > 0; left -= zeros.length) yield left >= zeros.length ? zeros : zeros.subarray(0, left);
}
