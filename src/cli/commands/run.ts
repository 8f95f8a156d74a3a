// `alloy-scrub run FILE`: streams log lines (stdin or --input) through the log path that starts at
// a component and writes what reaches the sinks. Formats and the treatment of dropped entries are
// described in src/loki/run-stream.ts. Exit 0 when every input entry was processed, 1 when a
// config error or an unreadable input line was met, 2 for usage errors.
import { once } from 'node:events';
import { createReadStream, fstatSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { buildLogPath, chooseStartComponent, validateLogComponents, type LogPathRunner } from '../../loki/graph.ts';
import { passThroughScreen } from '../../loki/prefilter.ts';
import { runStream, type InputFormat, type OutputFormat, type RunChunk, type RunStats } from '../../loki/run-stream.ts';
import { splitBlocker } from '../../parallel/eligibility.ts';
import { runParallel } from '../../parallel/parallel-run.ts';
import { pipelineSpec } from '../../parallel/pipeline-spec.ts';
import { autoRunWorkers, parseWorkersOption, planWorkers } from '../../parallel/workers-option.ts';
import { WorkerPool } from '../../parallel/worker-pool.ts';
import { configFailure, configRelativeReader, loadCommandConfig, renderDiagnostics } from '../config-loading.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, usageError } from '../exit.ts';
import { parseLabelsOption } from '../labels-option.ts';

interface RunOptions {
  component?: string;
  labels?: string;
  input?: string;
  inputFormat: InputFormat;
  format: OutputFormat;
  keepCr?: boolean;
  workers: string;
}

export function register(program: Command): void {
  program
    .command('run')
    .description('stream log lines through the pipeline that starts at a component and print what comes out')
    .argument('<file>', 'Alloy configuration file')
    .option('--component <id>', 'component to start at, e.g. loki.process.scrub_secrets (default: the only loki.process)')
    .option('--labels <json>', 'stream labels for every entry, as a JSON object of strings')
    .option('--input <file>', 'read log lines from this file instead of stdin ("-" for stdin)')
    .addOption(new Option('--input-format <format>', 'text: one entry per line; jsonl: {"line":…,"labels":{…}} per line').choices(['text', 'jsonl']).default('text'))
    .addOption(new Option('--format <format>', 'text: the lines; jsonl: {"line","labels","extracted","dropped"} per entry').choices(['text', 'jsonl']).default('text'))
    .option('--keep-cr', 'keep a CR before LF as part of the line (default: removed, as loki.source.file does)')
    .option('--workers <n|auto>', 'worker threads to spread the lines over, output in input order (auto: one, unless the input is a file of 64 MiB or more and 3+ cores are idle)', 'auto')
    .action(async (file: string, opts: RunOptions) => {
      process.exitCode = await runCommand(file, opts);
    });
}

async function runCommand(file: string, opts: RunOptions): Promise<number> {
  const labels = parseLabelsOption(opts.labels, 'alloy-scrub');
  const workersOption = parseWorkersOption(opts.workers);
  if (typeof workersOption === 'string') throw usageError(`alloy-scrub: ${workersOption}`);
  const input = await openInput(opts.input);
  const { model, source } = loadCommandConfig(file);
  // Alloy refuses a config with any invalid component, on this path or not.
  const invalid = validateLogComponents(model, { readFile: configRelativeReader(file) });
  if (invalid.length > 0) throw new CliExit(EXIT_FINDING, renderDiagnostics(invalid.map((e) => e.toDiagnostic()), source, file));
  const start = chooseStartComponent(model, opts.component);
  if (!start.ok) {
    const list = start.choices.length > 0 ? `\ncomponents to start at:\n${start.choices.map((c) => `  ${c}`).join('\n')}` : '';
    throw usageError(`alloy-scrub: ${start.message}${list}`);
  }
  // One clock for the whole run: entries without a timestamp are stamped with it (as a source
  // stamps what it reads) and stages that compare with "now" see the same instant.
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  let runner: LogPathRunner;
  try {
    runner = buildLogPath(model, start.id, { nowNs, readFile: configRelativeReader(file) });
  } catch (err) {
    throw configFailure(err, source, file);
  }
  const plan = planWorkers(workersOption, splitBlocker(model, start.id), autoRunWorkers(await inputBytes(opts.input)));
  if (plan.note) process.stderr.write(plan.note);
  if (plan.workers > 1) {
    // Each worker builds the same runner from the same text, clock and options.
    const pool = new WorkerPool(plan.workers, {
      kind: 'run',
      pipeline: pipelineSpec({ configFile: file, configSource: source, startId: start.id, nowNs, readFiles: true }),
      run: { inputFormat: opts.inputFormat, outputFormat: opts.format, labels, keepCr: opts.keepCr, nowNs },
      passThrough: true,
    });
    try {
      const stats = await pump(runParallel(input, pool));
      return stats.errors > 0 ? EXIT_FINDING : EXIT_OK;
    } finally {
      await pool.close();
    }
  }
  const passThrough = passThroughScreen(model, start.id, runner.paths) ?? undefined;
  const stats = await pump(runStream(input, runner, { inputFormat: opts.inputFormat, outputFormat: opts.format, labels, keepCr: opts.keepCr, now: () => nowNs, passThrough }));
  return stats.errors > 0 ? EXIT_FINDING : EXIT_OK;
}

/** Size of the input when it is a regular file (--input, or stdin redirected from one), else null. */
async function inputBytes(path: string | undefined): Promise<number | null> {
  try {
    const st = path === undefined || path === '-' ? fstatSync(0) : await stat(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

async function openInput(path: string | undefined): Promise<AsyncIterable<Uint8Array>> {
  if (path === undefined || path === '-') {
    if (process.stdin.isTTY) process.stderr.write('alloy-scrub: reading log lines from the terminal; end with Ctrl-D (or use --input FILE)\n');
    return process.stdin;
  }
  try {
    await access(path, constants.R_OK);
  } catch (err) {
    throw usageError(`alloy-scrub: cannot read ${path}: ${(err as Error).message}`);
  }
  return createReadStream(path, { highWaterMark: 256 * 1024 });
}

/** Writes the run's output, waiting for stdout to drain; stops quietly when stdout is closed. */
async function pump(gen: AsyncGenerator<RunChunk, RunStats>): Promise<RunStats> {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  };
  process.stdout.on('error', onError);
  try {
    for (;;) {
      const r = await gen.next();
      if (r.done) return r.value;
      if (r.value.stream === 'stderr') {
        process.stderr.write(r.value.data);
      } else if (!closed && !process.stdout.write(r.value.data)) {
        // once() rejects when 'error' fires while waiting; a closed pipe ends the run quietly.
        // The abort removes the listener of the once() that lost the race (they piled up, one
        // per drain, on long fast runs: MaxListenersExceededWarning).
        const settled = new AbortController();
        await Promise.race([once(process.stdout, 'drain', { signal: settled.signal }), once(process.stdout, 'close', { signal: settled.signal })])
          .catch((err: NodeJS.ErrnoException) => {
            if (err.code === 'EPIPE') closed = true;
            else throw err;
          })
          .finally(() => settled.abort());
      }
      if (closed) {
        await gen.return({ entries: 0, records: 0, dropped: 0, errors: 0, unknown: 0 });
        throw new CliExit(EXIT_OK);
      }
    }
  } finally {
    process.stdout.off('error', onError);
  }
}
