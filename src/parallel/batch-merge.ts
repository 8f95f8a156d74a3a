// Joins the outputs of batches, taken in input order, into the output of one run: stdout as the
// batches wrote it, stderr with each unknown-mark warning printed once per run (a batch only knows
// the warnings it printed itself), and the run's statistics as the sums of the batches'.
import { Buffer } from 'node:buffer';
import type { RunChunk, RunStats } from '../loki/run-stream.ts';
import type { BatchOutput } from './batch-run.ts';

export class BatchMerger {
  readonly stats: RunStats = { entries: 0, records: 0, dropped: 0, errors: 0, unknown: 0 };
  private readonly seenWarnings = new Set<string>();

  /** The next batch's output, as run chunks. Batches must come in input order. */
  chunks(out: BatchOutput): RunChunk[] {
    // Every figure of RunStats is a count over the lines: the run's is the sum of the batches'.
    const sums = this.stats as unknown as Record<string, number>;
    for (const [k, v] of Object.entries(out.stats)) if (typeof v === 'number') sums[k] = (sums[k] ?? 0) + v;
    const result: RunChunk[] = [];
    for (const c of out.chunks) {
      if (c.stream === 'stdout') {
        // Structured cloning delivers plain Uint8Arrays; the consumer expects Buffers.
        const p = out.stdout[c.piece]!;
        result.push({ stream: 'stdout', data: Buffer.from(p.buffer, p.byteOffset, p.byteLength) });
        continue;
      }
      const data = c.warnings ? this.dropRepeatedWarnings(c.data, c.warnings) : c.data;
      if (data !== '') result.push({ stream: 'stderr', data });
    }
    return result;
  }

  private dropRepeatedWarnings(data: string, warnings: readonly { start: number; end: number; key: string }[]): string {
    let kept = '';
    let pos = 0;
    for (const w of warnings) {
      if (!this.seenWarnings.has(w.key)) {
        this.seenWarnings.add(w.key);
        continue;
      }
      kept += data.slice(pos, w.start);
      pos = w.end;
    }
    return pos === 0 ? data : kept + data.slice(pos);
  }
}
