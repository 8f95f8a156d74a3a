// What a run wrote, collected from runStream or runParallel, for comparing the two.
import { Buffer } from 'node:buffer';
import type { RunChunk, RunStats } from '../../src/loki/run-stream.ts';

export interface RunOutput {
  stdout: Buffer;
  stderr: string;
  stats: RunStats;
}

export async function collectRun(gen: AsyncGenerator<RunChunk, RunStats>): Promise<RunOutput> {
  const out: Buffer[] = [];
  let stderr = '';
  for (;;) {
    const r = await gen.next();
    if (r.done) return { stdout: Buffer.concat(out), stderr, stats: r.value };
    if (r.value.stream === 'stdout') out.push(r.value.data);
    else stderr += r.value.data;
  }
}
