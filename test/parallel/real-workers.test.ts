// The worker program itself (worker-entry.ts, started from the sources through worker-boot.mjs),
// on real worker threads: what a parallel run and a parallel fuzz give, and a crash.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { FUZZ_TIME_NS, fuzzLogPath, fuzzSettings, type FuzzOptions } from '../../src/fuzz/engine.ts';
import { buildLogPath } from '../../src/loki/graph.ts';
import { runStream } from '../../src/loki/run-stream.ts';
import { fuzzParallel } from '../../src/parallel/parallel-fuzz.ts';
import { runParallel } from '../../src/parallel/parallel-run.ts';
import { pipelineSpec } from '../../src/parallel/pipeline-spec.ts';
import { WorkerPool } from '../../src/parallel/worker-pool.ts';
import { collectRun } from './run-output.ts';

const NOW = 1_700_000_000_000_000_000n;
const FIXTURE = fileURLToPath(new URL('fixtures/stateless.alloy', import.meta.url));
const START = 'loki.process.scrub';
const LABELS = new Map([['app', 'web']]);
const SAMPLE = fileURLToPath(new URL('../../samples/configs/seed-hardening.alloy', import.meta.url));

const lines = ['plain', 'password=hunter2', 'DEBUG drop me', 'uuid one', '', 'crlf\r', '\xff\xfe', 'ts=2024-01-02T03:04:05 z', 'x'.repeat(300)];
const INPUT = Buffer.from(Array.from({ length: 2000 }, (_, i) => `${lines[i % lines.length]} ${i}`).join('\n') + '\nlast line without LF', 'latin1');

async function* chunks(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += 5000) yield data.subarray(i, i + 5000);
}


function runPool(): WorkerPool {
  return new WorkerPool(2, {
    kind: 'run',
    pipeline: pipelineSpec({ configFile: FIXTURE, configSource: readFileSync(FIXTURE, 'utf8'), startId: START, nowNs: NOW, readFiles: true }),
    run: { labels: LABELS, nowNs: NOW },
    passThrough: true,
  });
}

const CRASH_VAR = 'ALLOY_SCRUB_TEST_WORKER_CRASH_AT_BATCH';
afterEach(() => {
  delete process.env[CRASH_VAR];
});

describe('worker threads', () => {
  it('run the batches as one runStream runs the whole input', async () => {
    const model = loadConfig(readFileSync(FIXTURE, 'utf8'), FIXTURE, { env: {} });
    const single = await collectRun(runStream(chunks(INPUT), buildLogPath(model, START, { nowNs: NOW }), { labels: LABELS, now: () => NOW }));
    const pool = runPool();
    try {
      const split = await collectRun(runParallel(chunks(INPUT), pool, { batchBytes: 4096 }));
      expect(split.stdout.equals(single.stdout)).toBe(true);
      expect(split.stderr).toBe(single.stderr);
      expect(split.stats).toEqual(single.stats);
    } finally {
      await pool.close();
    }
  });

  it('end a run with the error of a worker that crashed, instead of waiting for its batch', async () => {
    process.env[CRASH_VAR] = '3';
    const pool = runPool();
    try {
      await expect(collectRun(runParallel(chunks(INPUT), pool, { batchBytes: 4096 }))).rejects.toThrow(/worker thread [12] of 2 failed: injected crash at batch 3/);
    } finally {
      await pool.close();
    }
  });

  it('fuzz cells with the report of a fuzz on one thread', async () => {
    const source = readFileSync(SAMPLE, 'utf8');
    const model = loadConfig(source, SAMPLE, { env: {} });
    const opts: FuzzOptions = { seed: 7, runs: 15, secrets: ['aws-access-key-id', 'bearer-token', 'email'], contexts: ['text', 'json', 'logfmt'] };
    const single = fuzzLogPath(buildLogPath(model, 'loki.process.scrub_secrets', { nowNs: FUZZ_TIME_NS }), opts);
    const pool = new WorkerPool(2, { kind: 'fuzz', pipeline: pipelineSpec({ configFile: SAMPLE, configSource: source, startId: 'loki.process.scrub_secrets', nowNs: FUZZ_TIME_NS, readFiles: true }), fuzz: fuzzSettings(opts) });
    try {
      expect(await fuzzParallel(pool, opts)).toEqual(single);
    } finally {
      await pool.close();
    }
  });
});
