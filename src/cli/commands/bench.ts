// `alloy-scrub bench FILE`: how fast the pipeline that starts at a component scrubs log lines, in
// this process on this machine: MB/s and lines/s of an in-process `run` (text in, text out) with
// the prefilters on and off, the CPU time of each stage (which rule costs most) and how often each
// rule's literal screen lets a line through to its regexp. Input is --input or a generated corpus
// (bench/corpus.ts' generator). With several --workers, the run is measured on that many worker
// threads too (prefilters on), next to the single-thread figures. Exit 0, 1 for a config error, 2
// for usage errors.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
// The generator lives with the benchmark suite (bench/corpus.ts); the command reuses it.
import { corpusSample } from '../../../bench/corpus.ts';
import { decodeLines, measureRun, measureRunParallel, measureStages, type ParallelRunMeasurement, type RunMeasurement, type StageCost } from '../../bench/measure.ts';
import { buildLogPath, chooseStartComponent, validateLogComponents } from '../../loki/graph.ts';
import { splitBlocker } from '../../parallel/eligibility.ts';
import { autoRunWorkers, parseWorkersOption, planWorkers } from '../../parallel/workers-option.ts';
import { availableEngines, getDefaultEngine, type EngineName } from '../../regex/index.ts';
import { configFailure, configRelativeReader, loadCommandConfig, renderDiagnostics } from '../config-loading.ts';
import { CliExit, EXIT_FINDING, usageError } from '../exit.ts';

interface BenchOptions {
  component?: string;
  input?: string;
  engine?: string;
  format: 'pretty' | 'json';
  lines: string;
  workers: string;
}

export function register(program: Command): void {
  program
    .command('bench')
    .description('throughput (MB/s, lines/s) of the pipeline at a component, per stage and per rule, with and without prefilters')
    .argument('<file>', 'Alloy configuration file')
    .option('--component <id>', 'component to start at, e.g. loki.process.scrub_secrets (default: the only loki.process)')
    .option('--input <file>', 'log lines to use (default: a generated corpus)')
    .option('--engine <name>', `regex engine (${availableEngines().join(', ')}; default ${getDefaultEngine()})`)
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--lines <n>', 'lines of generated corpus when no --input is given', '20000')
    .option('--workers <n|auto>', 'also measure the run on this many worker threads (auto: as many as run would use for this input)', 'auto')
    .action(async (file: string, opts: BenchOptions) => {
      const report = await benchCommand(file, opts);
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatBench(report));
    });
}

export interface BenchReport {
  file: string;
  component: string;
  input: string;
  engine: EngineName;
  withPrefilters: RunFigures;
  withoutPrefilters: RunFigures;
  /** The run on worker threads (prefilters on), when more than one is used. */
  parallel: ParallelFigures | null;
  stages: StageCost[] | null;
}

interface RunFigures extends RunMeasurement {
  mbPerSecond: number;
  linesPerSecond: number;
  /** Figures per CPU second: what one core does, whatever else the machine is running. */
  mbPerCpuSecond: number;
}

interface ParallelFigures extends ParallelRunMeasurement {
  mbPerSecond: number;
  linesPerSecond: number;
  /** CPU time of every thread: what the parallel run costs in all. */
  mbPerCpuSecond: number;
}

async function benchCommand(file: string, opts: BenchOptions): Promise<BenchReport> {
  const engine = (opts.engine ?? getDefaultEngine()) as EngineName;
  if (!availableEngines().includes(engine)) throw usageError(`alloy-scrub: --engine ${opts.engine}: not available here (available: ${availableEngines().join(', ')})`);
  const lineCount = Number(opts.lines);
  if (!Number.isInteger(lineCount) || lineCount <= 0) throw usageError('alloy-scrub: --lines must be a positive integer');
  const workersOption = parseWorkersOption(opts.workers);
  if (typeof workersOption === 'string') throw usageError(`alloy-scrub: ${workersOption}`);
  const { model, source } = loadCommandConfig(file);
  const invalid = validateLogComponents(model, { readFile: configRelativeReader(file) });
  if (invalid.length > 0) throw new CliExit(EXIT_FINDING, renderDiagnostics(invalid.map((e) => e.toDiagnostic()), source, file));
  const start = chooseStartComponent(model, opts.component);
  if (!start.ok) throw usageError(`alloy-scrub: ${start.message}${start.choices.length > 0 ? `\ncomponents to start at:\n${start.choices.map((c) => `  ${c}`).join('\n')}` : ''}`);
  try {
    buildLogPath(model, start.id, { readFile: configRelativeReader(file) });
  } catch (err) {
    throw configFailure(err, source, file);
  }

  let data: Buffer;
  let inputName: string;
  if (opts.input !== undefined) {
    try {
      data = readFileSync(opts.input);
    } catch (err) {
      throw usageError(`alloy-scrub: cannot read ${opts.input}: ${(err as Error).message}`);
    }
    inputName = opts.input;
  } else {
    data = Buffer.from(`${corpusSample(lineCount).map((l) => l.line).join('\n')}\n`, 'utf8');
    inputName = `generated corpus (${lineCount} lines, seed 1)`;
  }

  const plan = planWorkers(workersOption, splitBlocker(model, start.id), autoRunWorkers(data.length));
  if (plan.note) process.stderr.write(plan.note);
  const runs = plan.workers > 1 ? 3 : 2;
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'bench {phase} [{bar}] {percentage}%', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(data.length * runs, 0, { phase: 'run' });
  try {
    // Warm the JIT and the regex caches first, so neither setting pays for them.
    const warm = data.subarray(0, Math.min(data.length, 256 * 1024));
    await measureRun(model, start.id, warm, { engine, prefilters: true });
    await measureRun(model, start.id, warm, { engine, prefilters: false });
    const withP = await measureRun(model, start.id, data, { engine, prefilters: true, onChunk: (n) => bar?.update(n) });
    const withoutP = await measureRun(model, start.id, data, { engine, prefilters: false, onChunk: (n) => bar?.update(data.length + n) });
    const parallel =
      plan.workers > 1
        ? parallelFigures(await measureRunParallel({ file, source }, start.id, data, { engine, prefilters: true, workers: plan.workers, warm, onChunk: (n) => bar?.update(data.length * 2 + n) }))
        : null;
    bar?.update(data.length * runs, { phase: 'stages' });
    const stages = await measureStages(model, start.id, decodeLines(data), { engine, prefilters: true });
    return { file, component: start.id, input: inputName, engine, withPrefilters: figures(withP), withoutPrefilters: figures(withoutP), parallel, stages };
  } finally {
    bar?.stop();
  }
}

function figures(m: RunMeasurement): RunFigures {
  const mb = m.bytes / 1e6;
  return { ...m, mbPerSecond: mb / m.wallSeconds, linesPerSecond: m.lines / m.wallSeconds, mbPerCpuSecond: mb / m.cpuSeconds };
}

function parallelFigures(m: ParallelRunMeasurement): ParallelFigures {
  const mb = m.bytes / 1e6;
  return { ...m, mbPerSecond: mb / m.wallSeconds, linesPerSecond: m.lines / m.wallSeconds, mbPerCpuSecond: mb / m.cpuSeconds };
}

export function formatBench(r: BenchReport): string {
  const out: string[] = [];
  out.push(`${r.component} in ${r.file}`, `input: ${r.input}, ${(r.withPrefilters.bytes / 1e6).toFixed(2)} MB, ${r.withPrefilters.lines} lines; regex engine ${r.engine}`, '');
  const row = (name: string, f: RunFigures | ParallelFigures): string =>
    `  ${name.padEnd(20)} ${f.mbPerSecond.toFixed(2).padStart(8)} MB/s ${Math.round(f.linesPerSecond).toLocaleString('en-US').padStart(10)} lines/s ${f.mbPerCpuSecond.toFixed(2).padStart(8)} MB/CPU-s`;
  out.push(row('with prefilters', r.withPrefilters), row('without prefilters', r.withoutPrefilters));
  if (r.parallel) {
    out.push(`${row(`${r.parallel.workers} worker threads`, r.parallel)}  (prefilters on; CPU of all threads; start-up ${r.parallel.startupSeconds.toFixed(2)} s not included)`);
  }
  const skipped = r.withPrefilters.passedThrough;
  out.push(`  lines passed through unchanged by the prefilter, without running the pipeline: ${skipped} (${pct(skipped / Math.max(1, r.withPrefilters.lines))})`);
  if (r.stages) {
    out.push('', 'per stage (CPU time, stages in order over all lines; prefilters on):');
    const costliest = r.stages.reduce((a, b) => (b.cpuSeconds > a.cpuSeconds ? b : a), r.stages[0]!);
    for (const s of r.stages) {
      const screen = s.screenHitRate === null ? 'no screen' : `screen lets ${pct(s.screenHitRate)} of lines through`;
      const mark = s === costliest ? '  ← costliest' : '';
      out.push(`  ${String(s.index).padStart(2)}. ${s.name.padEnd(14)} ${(s.cpuSeconds * 1000).toFixed(1).padStart(9)} ms ${pct(s.share).padStart(6)}  ${screen}${mark}`);
      if (s.expression) out.push(`      ${s.expression.length > 100 ? `${s.expression.slice(0, 97)}...` : s.expression}`);
    }
  } else {
    out.push('', `per-stage figures are given for loki.process only`);
  }
  return `${out.join('\n')}\n`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
