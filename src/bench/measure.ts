// Throughput measurement of a log pipeline, for `alloy-scrub bench` and bench/run.ts: the whole
// run (as `run` does it, text in and text out, in-process) and the cost of each stage, with the
// prefilters on or off. Figures are wall and CPU time of this process; nothing here is a test.
import { Buffer } from 'node:buffer';
import type { ConfigModel } from '../config/model.ts';
import { buildLogPath } from '../loki/graph.ts';
import { LineSplitter, decodeLine } from '../loki/line-codec.ts';
import { passThroughScreen, replaceExpressionScreen } from '../loki/prefilter.ts';
import { runStream } from '../loki/run-stream.ts';
import { compileStages } from '../loki/stages/index.ts';
import { readReplaceConfig } from '../loki/stages/replace.ts';
import { defaultContext } from '../loki/stages/stage.ts';
import { cloneEntry, newEntry, type LogEntry } from '../loki/types.ts';
import { getDefaultEngine, setDefaultEngine, type EngineName } from '../regex/index.ts';
import { setStagePrefilters } from '../loki/stages/prefilter-switch.ts';
import { runParallel } from '../parallel/parallel-run.ts';
import { pipelineSpec } from '../parallel/pipeline-spec.ts';
import { WorkerPool } from '../parallel/worker-pool.ts';

export const CHUNK_BYTES = 64 * 1024;
const NOW = 1_700_000_000_000_000_000n;

export interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

export interface RunMeasurement extends Timing {
  bytes: number;
  lines: number;
  outputBytes: number;
  /** Lines written out by the pass-through screen without running the pipeline. */
  passedThrough: number;
  engine: EngineName;
  prefilters: boolean;
}

export interface StageCost {
  index: number;
  name: string;
  /** The expression, for stages that have one. */
  expression?: string;
  /** Share of CPU time of all stages. */
  share: number;
  cpuSeconds: number;
  /** stage.replace: share of lines its literal screen lets through to the regexp (null: no screen). */
  screenHitRate: number | null;
}

export function timed<T>(fn: () => T): { value: T } & Timing {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const cpu = process.cpuUsage(c0);
  return { value, wallSeconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T } & Timing> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return { value, wallSeconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Runs `fn` with a default regex engine and the stage prefilters switched as asked. */
export async function withSettings<T>(engine: EngineName, prefilters: boolean, fn: () => Promise<T>): Promise<T> {
  const before = getDefaultEngine();
  setDefaultEngine(engine);
  const restore = setStagePrefilters(prefilters);
  try {
    return await fn();
  } finally {
    setDefaultEngine(before);
    restore();
  }
}

export function countLines(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return data.length > 0 && data[data.length - 1] !== 10 ? n + 1 : n;
}

/**
 * One in-process `run` over `data` (text in, text out), as the CLI does it. `onChunk` reports the
 * bytes consumed so far (for a progress bar).
 */
export async function measureRun(
  model: ConfigModel,
  startId: string,
  data: Buffer,
  opts: { engine: EngineName; prefilters: boolean; onChunk?: (consumed: number) => void },
): Promise<RunMeasurement> {
  return withSettings(opts.engine, opts.prefilters, async () => {
    const runner = buildLogPath(model, startId, { nowNs: NOW });
    const screen = opts.prefilters ? (passThroughScreen(model, startId, runner.paths) ?? undefined) : undefined;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; i < data.length; i += CHUNK_BYTES) {
        yield data.subarray(i, i + CHUNK_BYTES);
        opts.onChunk?.(Math.min(data.length, i + CHUNK_BYTES));
      }
    }
    let passedThrough = 0;
    const t = await timedAsync(async () => {
      let out = 0;
      const run = runStream(chunks(), runner, { now: () => NOW, passThrough: screen });
      for (;;) {
        const r = await run.next();
        if (r.done) {
          passedThrough = r.value.passedThrough ?? 0;
          return out;
        }
        if (r.value.stream === 'stdout') out += r.value.data.length;
      }
    });
    return {
      wallSeconds: t.wallSeconds,
      cpuSeconds: t.cpuSeconds,
      bytes: data.length,
      lines: countLines(data),
      outputBytes: t.value,
      passedThrough,
      engine: opts.engine,
      prefilters: opts.prefilters,
    };
  });
}

export interface ParallelRunMeasurement extends Timing {
  workers: number;
  bytes: number;
  lines: number;
  outputBytes: number;
  /** Wall time from starting the worker threads until each had built its runner (not in wallSeconds). */
  startupSeconds: number;
  engine: EngineName;
  prefilters: boolean;
}

/**
 * The same run as measureRun on `workers` worker threads (src/parallel/parallel-run.ts), timed
 * once the workers have started and run `warm` (JIT and regex caches, as measureRun's caller warms
 * the single thread). CPU time is the whole process's, every thread included.
 */
export async function measureRunParallel(
  config: { file: string; source: string },
  startId: string,
  data: Buffer,
  opts: { engine: EngineName; prefilters: boolean; workers: number; warm?: Buffer; onChunk?: (consumed: number) => void },
): Promise<ParallelRunMeasurement> {
  return withSettings(opts.engine, opts.prefilters, async () => {
    const started = await timedAsync(async () => {
      const pool = new WorkerPool(opts.workers, {
        kind: 'run',
        pipeline: pipelineSpec({ configFile: config.file, configSource: config.source, startId, nowNs: NOW, readFiles: false }),
        run: { nowNs: NOW },
        passThrough: opts.prefilters,
      });
      await pool.ready();
      return pool;
    });
    const pool = started.value;
    async function* chunks(bytes: Buffer, report?: (consumed: number) => void): AsyncGenerator<Buffer> {
      for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
        yield bytes.subarray(i, i + CHUNK_BYTES);
        report?.(Math.min(bytes.length, i + CHUNK_BYTES));
      }
    }
    const outputBytes = async (bytes: Buffer, report?: (consumed: number) => void): Promise<number> => {
      let out = 0;
      for await (const c of runParallel(chunks(bytes, report), pool)) if (c.stream === 'stdout') out += c.data.length;
      return out;
    };
    try {
      if (opts.warm) await outputBytes(opts.warm);
      const t = await timedAsync(() => outputBytes(data, opts.onChunk));
      return {
        workers: opts.workers,
        wallSeconds: t.wallSeconds,
        cpuSeconds: t.cpuSeconds,
        bytes: data.length,
        lines: countLines(data),
        outputBytes: t.value,
        startupSeconds: started.wallSeconds,
        engine: opts.engine,
        prefilters: opts.prefilters,
      };
    } finally {
      await pool.close();
    }
  });
}

/** Decoded lines of `data`, as entries would carry them. */
export function decodeLines(data: Buffer): string[] {
  const s = new LineSplitter();
  const out: string[] = [];
  for (const l of [...s.push(data), ...s.end()]) if (l.kind === 'line') out.push(decodeLine(l.bytes));
  return out;
}

/**
 * CPU time of each stage of a loki.process over the lines, the stages running in order as in the
 * pipeline (so each sees what the previous one made of the line). Only for loki.process.
 */
export async function measureStages(
  model: ConfigModel,
  startId: string,
  lines: readonly string[],
  opts: { engine: EngineName; prefilters: boolean },
): Promise<StageCost[] | null> {
  const component = model.components.get(startId);
  if (!component || component.componentName !== 'loki.process') return null;
  return withSettings(opts.engine, opts.prefilters, async () => {
    const stages = compileStages(component.blocks, defaultContext());
    const cpu = stages.map(() => 0);
    const hits = stages.map(() => 0);
    const screens = component.blocks.map((b) => {
      if (b.name !== 'stage.replace') return null;
      try {
        return replaceExpressionScreen(readReplaceConfig(b).cfg.expression);
      } catch {
        return null;
      }
    });
    // Stage by stage over all lines (one clock reading per stage, not per line): each stage gets
    // what the previous one made of every line, as in the pipeline.
    let entries: LogEntry[] = lines.map((l) => newEntry(l, [], NOW));
    for (let i = 0; i < stages.length; i++) {
      const screen = screens[i];
      if (screen) for (const e of entries) if (screen.mayMatchString(e.line)) hits[i]!++;
      const inputs = entries.map(cloneEntry);
      const t = timed(() => {
        const next: LogEntry[] = [];
        for (const e of inputs) for (const o of stages[i]!.process(e)) if (o.kind === 'forward') next.push(o.entry);
        return next;
      });
      cpu[i] = t.cpuSeconds;
      entries = t.value;
    }
    const total = cpu.reduce((a, b) => a + b, 0) || 1;
    return stages.map((s, i) => {
      const b = component.blocks[i]!;
      const expression = b.name === 'stage.replace' || b.name === 'stage.regex' ? String((b.attributes.get('expression')?.value as string | undefined) ?? '') : undefined;
      return {
        index: i + 1,
        name: s.name,
        expression,
        share: cpu[i]! / total,
        cpuSeconds: cpu[i]!,
        screenHitRate: screens[i] ? hits[i]! / lines.length : null,
      };
    });
  });
}
