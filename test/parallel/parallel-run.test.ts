// runParallel against runStream, in-process: batches run on "workers" that are runners of their
// own (as worker threads have) and finish in a scrambled order; the output must be the output of
// one runStream over the whole input, byte for byte, with the same statistics.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { buildLogPath, type LogPathRunner } from '../../src/loki/graph.ts';
import { passThroughScreen } from '../../src/loki/prefilter.ts';
import { runStream, type InputFormat, type OutputFormat, type PassThroughScreen } from '../../src/loki/run-stream.ts';
import type { InputBatch } from '../../src/parallel/batch-cutter.ts';
import { runBatch, type BatchRunOptions } from '../../src/parallel/batch-run.ts';
import { runParallel, type BatchRunner } from '../../src/parallel/parallel-run.ts';
import { collectRun, type RunOutput } from './run-output.ts';

const NOW = 1_700_000_000_000_000_000n;
const CONFIGS = {
  seed: { text: readFileSync(new URL('../../bench/rules/seed.alloy', import.meta.url), 'utf8'), start: 'loki.process.scrub_secrets' },
  stateless: { text: readFileSync(new URL('fixtures/stateless.alloy', import.meta.url), 'utf8'), start: 'loki.process.scrub' },
  twoSinks: { text: readFileSync(new URL('../loki/fixtures/drop-debug.alloy', import.meta.url), 'utf8'), start: 'loki.process.scrub' },
};
type ConfigName = keyof typeof CONFIGS;

interface Setup {
  config: ConfigName;
  inputFormat: InputFormat;
  outputFormat: OutputFormat;
  keepCr: boolean;
  maxLineBytes: number;
}

function build(config: ConfigName): { runner: LogPathRunner; passThrough?: PassThroughScreen } {
  const { text, start } = CONFIGS[config];
  const model = loadConfig(text, 'pipeline.alloy', { env: {} });
  const runner = buildLogPath(model, start, { nowNs: NOW });
  return { runner, passThrough: passThroughScreen(model, start, runner.paths) ?? undefined };
}

const LABELS = new Map([['app', 'web']]);

async function* chunks(input: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
}



function single(input: Buffer, chunkSize: number, s: Setup): Promise<RunOutput> {
  const { runner, passThrough } = build(s.config);
  return collectRun(runStream(chunks(input, chunkSize), runner, { inputFormat: s.inputFormat, outputFormat: s.outputFormat, labels: LABELS, keepCr: s.keepCr, maxLineBytes: s.maxLineBytes, now: () => NOW, passThrough }));
}

/**
 * Two in-process "workers", each with its own runner, taking batches in turn; a batch's result
 * comes back after delays[seq % delays.length] turns of the event loop, so later batches often
 * finish first. `finished` records the order in which they did.
 */
class ScrambledPool implements BatchRunner {
  readonly size = 2;
  readonly finished: number[] = [];
  private readonly workers: ReturnType<typeof build>[];
  private turn = 0;

  constructor(
    private readonly setup: Setup,
    private readonly delays: readonly number[],
  ) {
    this.workers = [build(setup.config), build(setup.config)];
  }

  async run<R>(batch: InputBatch): Promise<R> {
    const w = this.workers[this.turn++ % this.workers.length]!;
    const opts: BatchRunOptions = { inputFormat: this.setup.inputFormat, outputFormat: this.setup.outputFormat, labels: LABELS, keepCr: this.setup.keepCr, maxLineBytes: this.setup.maxLineBytes, nowNs: NOW };
    const out = await runBatch(w.runner, batch, opts, w.passThrough);
    for (let i = 0; i < this.delays[batch.seq % this.delays.length]!; i++) await new Promise((r) => setImmediate(r));
    this.finished.push(batch.seq);
    return out as R;
  }
}

function parallel(input: Buffer, chunkSize: number, s: Setup, batchBytes: number, delays: readonly number[], inFlight?: number): Promise<RunOutput> & { pool: ScrambledPool } {
  const pool = new ScrambledPool(s, delays);
  return Object.assign(collectRun(runParallel(chunks(input, chunkSize), pool, { batchBytes, maxLineBytes: s.maxLineBytes, inFlight })), { pool });
}

/** Lines with every per-line outcome, in text and as jsonl records, and bytes that matter to cutting. */
const content = fc.oneof(
  fc.constantFrom('plain line', 'password=hunter2 ok', 'DEBUG noise', 'uuid here', 'ts=2024-01-02T03:04:05 x', 'PASSWORD: x', 'token=abc', '{"msg":"hi"}', 'ünïcödé', ''),
  fc.constantFrom('{"line":"password=x","labels":{"app":"web"}}', '{"line":"uuid"}', '{"line":"DEBUG"}', '{"nope":1}', 'not json', '{"line":"ts=2024-01-02T03:04:05","timestamp":"2024-01-01T00:00:00Z"}'),
  // a BOM (at the start of the input or of a batch), invalid UTF-8, a long run of text
  fc.constantFrom('\xef\xbb\xbf', '\xff\xfe', '\x80', '\r'),
  fc.integer({ min: 1, max: 150 }).map((n) => 'x'.repeat(n)),
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '');
const inputArb = fc.array(fc.tuple(content, lineEnd), { maxLength: 40 }).map((ls) => Buffer.from(ls.map(([c, e]) => c + e).join(''), 'latin1'));
const setupArb: fc.Arbitrary<Setup> = fc.record({
  config: fc.constantFrom<ConfigName>('seed', 'stateless', 'twoSinks'),
  inputFormat: fc.constantFrom<InputFormat>('text', 'jsonl'),
  outputFormat: fc.constantFrom<OutputFormat>('text', 'jsonl'),
  keepCr: fc.boolean(),
  maxLineBytes: fc.integer({ min: 8, max: 120 }),
});

describe('runParallel', () => {
  test.prop([inputArb, setupArb, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 200 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 })], { numRuns: 400 })(
    'writes what one runStream over the whole input writes, however the batches are cut and finish',
    async (input, setup, chunkSize, batchBytes, delays) => {
      const plain = await single(input, chunkSize, setup);
      const split = await parallel(input, chunkSize, setup, batchBytes, delays);
      expect(split.stdout.toString('latin1')).toBe(plain.stdout.toString('latin1'));
      expect(split.stderr).toBe(plain.stderr);
      expect(split.stats).toEqual(plain.stats);
    },
  );

  it('keeps input order when later batches finish first', async () => {
    const input = Buffer.from(Array.from({ length: 40 }, (_, i) => `line ${i} password=p${i}\n`).join(''));
    const setup: Setup = { config: 'seed', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    // Even batches are held back three turns, odd ones not: 1 finishes before 0.
    const run = parallel(input, 50, setup, 60, [3, 0], 6);
    const out = await run;
    expect(run.pool.finished.indexOf(1)).toBeLessThan(run.pool.finished.indexOf(0));
    expect(out.stdout.toString()).toBe((await single(input, 50, setup)).stdout.toString());
  });

  it('prints each warning once per run, not once per batch', async () => {
    const input = Buffer.from('uuid 1\nuuid 2\nuuid 3\nuuid 4\n');
    const setup: Setup = { config: 'stateless', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    const out = await parallel(input, 100, setup, 1, [0]);
    expect(out.stderr.match(/warning: .*uuidv4/g)).toHaveLength(1);
    expect(out.stats.unknown).toBe(4);
  });

  it('numbers the lines of later batches as the whole input numbers them', async () => {
    const input = Buffer.from('a\nDEBUG one\nb\nc\nDEBUG two\n');
    const setup: Setup = { config: 'stateless', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    const out = await parallel(input, 100, setup, 1, [0]);
    expect(out.stderr).toMatch(/input line 2 dropped/);
    expect(out.stderr).toMatch(/input line 5 dropped/);
  });

  it('prints the note about several sinks once', async () => {
    const setup: Setup = { config: 'twoSinks', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    const out = await parallel(Buffer.from('a\nb\nc\n'), 2, setup, 1, [0]);
    expect(out.stderr.match(/note: entries reach 2 sinks/g)).toHaveLength(1);
  });

  it('fails with the error of a batch that failed, after the output of the batches before it', async () => {
    const setup: Setup = { config: 'seed', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    const good = new ScrambledPool(setup, [0]);
    const pool: BatchRunner = {
      size: 2,
      run: <R>(batch: InputBatch) => (batch.seq === 2 ? Promise.reject(new Error('worker thread 1 of 2 failed: boom')) : good.run<R>(batch)),
    };
    const gen = runParallel(chunks(Buffer.from('a\nb\nc\nd\n'), 100), pool, { batchBytes: 1 });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of gen) if (c.stream === 'stdout') seen.push(c.data.toString());
      })(),
    ).rejects.toThrow('worker thread 1 of 2 failed: boom');
    expect(seen).toEqual(['a\n', 'b\n']);
  });

  it('stops reading input when the consumer stops taking output', async () => {
    let read = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        read++;
        yield Buffer.from('line\n'.repeat(10));
      }
    }
    const setup: Setup = { config: 'seed', inputFormat: 'text', outputFormat: 'text', keepCr: false, maxLineBytes: 1000 };
    const gen = runParallel(endless(), new ScrambledPool(setup, [0]), { batchBytes: 50, inFlight: 3 });
    await gen.next();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    const readWhileWaiting = read;
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    // Three batches in flight, one chunk each: reading stopped at the slots, not at the input's end.
    expect(read).toBe(readWhileWaiting);
    expect(read).toBeLessThanOrEqual(5);
    await gen.return({ entries: 0, records: 0, dropped: 0, errors: 0, unknown: 0 });
  });
});
