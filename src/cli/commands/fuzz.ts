// `alloy-scrub fuzz FILE`: property-based search for leaks. Generates secrets in many contexts,
// runs them through the pipeline that starts at a component (the project's simulation), and
// prints each distinct leak shrunk to a minimal line with the command that replays it, the
// coverage matrix and the over-redaction rate. Exit 1 when a leak was found or an entry could
// not be decided (something on the path is not simulated), 0 otherwise, 2 for usage errors.
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import type { ConfigModel } from '../../config/model.ts';
import { buildLogPath, chooseStartComponent, validateLogComponents, type LogPathRunner } from '../../loki/graph.ts';
import { CONTEXTS } from '../../fuzz/contexts/catalog.ts';
import { DEFAULT_RUNS, FUZZ_TIME_NS, fuzzLogPath, fuzzSettings, replay, selectCells, type FuzzLeak, type FuzzOptions, type FuzzReport } from '../../fuzz/engine.ts';
import { DEFAULT_MIN_FRAGMENT } from '../../fuzz/leak.ts';
import { maskOccurrences, maskOutput, maskSecret } from '../../fuzz/mask.ts';
import { fuzzReportJson } from '../../fuzz/report-json.ts';
import { fuzzReportPretty } from '../../fuzz/report-pretty.ts';
import { SECRET_TYPES } from '../../fuzz/secrets/catalog.ts';
import { availableEngines, getDefaultEngine, setDefaultEngine, type EngineName } from '../../regex/index.ts';
import { splitBlocker } from '../../parallel/eligibility.ts';
import { fuzzParallel } from '../../parallel/parallel-fuzz.ts';
import { pipelineSpec } from '../../parallel/pipeline-spec.ts';
import { autoFuzzWorkers, parseWorkersOption, planWorkers } from '../../parallel/workers-option.ts';
import { WorkerPool } from '../../parallel/worker-pool.ts';
import { configFailure, configRelativeReader, loadCommandConfig, renderDiagnostics } from '../config-loading.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, usageError } from '../exit.ts';
import { parseLabelsOption } from '../labels-option.ts';

interface FuzzCliOptions {
  component?: string;
  runs: string;
  seed?: string;
  secrets?: string;
  contexts?: string;
  minFragment: string;
  format: 'pretty' | 'json';
  replay?: string;
  reveal?: boolean;
  labels?: string;
  list?: boolean;
  engine?: string;
  workers: string;
}

export function register(program: Command): void {
  program
    .command('fuzz')
    .description('property-based search for leaks: generated secrets in many log formats through the pipeline')
    .argument('[file]', 'Alloy configuration file')
    .option('--component <id>', 'component to start at, e.g. loki.process.scrub_secrets (default: the only loki.process)')
    .option('--runs <n>', 'entries per secret type × context cell', String(DEFAULT_RUNS))
    .option('--seed <s>', 'fast-check seed (a 32-bit integer); default: a random one, printed')
    .option('--secrets <types>', 'comma-separated secret types (default: all; see --list)')
    .option('--contexts <ctxs>', 'comma-separated contexts (default: all; see --list)')
    .option('--min-fragment <n>', 'a surviving fragment of a secret this long counts as a leak', String(DEFAULT_MIN_FRAGMENT))
    .addOption(new Option('--format <format>', 'report format').choices(['pretty', 'json']).default('pretty'))
    .option('--replay <path>', "replay one counterexample by fast-check's path (needs --seed and one --secrets and --contexts)")
    .option('--reveal', 'print secrets unmasked')
    .option('--labels <json>', 'stream labels for every entry, as a JSON object of strings')
    .option('--engine <name>', `regex engine (${availableEngines().join(', ')}; default ${getDefaultEngine()})`)
    .option('--workers <n|auto>', 'worker threads to spread the cells over; the report is the same (auto: one, unless 200 000+ entries and 3+ cores are idle)', 'auto')
    .option('--list', 'list the secret types and contexts, and exit')
    .action(async (file: string | undefined, opts: FuzzCliOptions) => {
      process.exitCode = await fuzzCommand(file, opts);
    });
}

let stdoutGuarded = false;

/** A reader that stops early (`| head`) closes the pipe: the report is cut short, not an error. */
function tolerateClosedStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

async function fuzzCommand(file: string | undefined, opts: FuzzCliOptions): Promise<number> {
  tolerateClosedStdout();
  if (opts.list) {
    process.stdout.write(listing());
    return EXIT_OK;
  }
  if (file === undefined) throw usageError('alloy-scrub fuzz: missing the configuration file argument');
  const runs = positiveInt(opts.runs, '--runs', 1_000_000);
  const minFragment = positiveInt(opts.minFragment, '--min-fragment', 1_000_000);
  const seed = opts.seed === undefined ? randomSeed() : seedValue(opts.seed);
  const secrets = names(opts.secrets, SECRET_TYPES.map((t) => t.id), '--secrets');
  const contexts = names(opts.contexts, CONTEXTS.map((c) => c.id), '--contexts');
  const labels = parseLabelsOption(opts.labels, 'alloy-scrub fuzz');
  const workersOption = parseWorkersOption(opts.workers);
  if (typeof workersOption === 'string') throw usageError(`alloy-scrub fuzz: ${workersOption}`);
  if (opts.engine !== undefined) {
    // Every backend passes the same Go-semantics differential suite; the choice is speed only.
    if (!availableEngines().includes(opts.engine as EngineName)) throw usageError(`alloy-scrub fuzz: --engine ${opts.engine}: not available here (available: ${availableEngines().join(', ')})`);
    setDefaultEngine(opts.engine as EngineName);
  }
  if (opts.replay !== undefined) {
    if (opts.seed === undefined) throw usageError('alloy-scrub fuzz: --replay needs the --seed of the run that found the leak');
    if (secrets?.length !== 1 || contexts?.length !== 1) throw usageError('alloy-scrub fuzz: --replay needs exactly one --secrets type and one --contexts context');
    if (!/^\d+(?::\d+)*$/.test(opts.replay)) throw usageError(`alloy-scrub fuzz: --replay ${opts.replay}: not a fast-check path (numbers separated by ':')`);
  }
  if (selectCells(secrets, contexts).length === 0) throw usageError('alloy-scrub fuzz: no selected context can carry the selected secret types (free text carries only self-evident secrets)');
  const { runner, startId, model, source } = buildRunner(file, opts.component);
  if (opts.replay !== undefined) return replayCommand(runner, { seed, secretType: secrets![0]!, context: contexts![0]!, path: opts.replay, minFragment, labels }, opts);

  const plan = planWorkers(workersOption, splitBlocker(model, startId), autoFuzzWorkers(selectCells(secrets, contexts).length * runs));
  if (plan.note) process.stderr.write(plan.note);
  const bar = progressBar();
  let report: FuzzReport;
  try {
    const fuzzOpts: FuzzOptions = {
      seed,
      runs,
      secrets,
      contexts,
      minFragment,
      labels,
      onProgress: bar
        ? (done, total) => {
            bar.setTotal(total);
            bar.update(done);
          }
        : undefined,
    };
    if (plan.workers > 1) {
      // Each worker builds the same runner; each cell has its own seed: the report is the same.
      const pool = new WorkerPool(plan.workers, {
        kind: 'fuzz',
        pipeline: pipelineSpec({ configFile: file, configSource: source, startId, nowNs: FUZZ_TIME_NS, readFiles: true }),
        fuzz: fuzzSettings(fuzzOpts),
      });
      try {
        report = await fuzzParallel(pool, fuzzOpts);
      } finally {
        await pool.close();
      }
    } else {
      report = fuzzLogPath(runner, fuzzOpts);
    }
  } finally {
    bar?.stop();
  }
  const replayCmd = (leak: FuzzLeak): string =>
    ['alloy-scrub fuzz', shellQuote(file), '--component', startId, '--secrets', leak.secretType, '--contexts', leak.context, '--seed', String(leak.seed), ...(minFragment !== DEFAULT_MIN_FRAGMENT ? ['--min-fragment', String(minFragment)] : []), ...(opts.labels !== undefined ? ['--labels', shellQuote(opts.labels)] : []), ...(opts.engine !== undefined ? ['--engine', opts.engine] : []), '--replay', leak.path].join(' ');
  if (opts.format === 'json') process.stdout.write(JSON.stringify(fuzzReportJson(report, { reveal: opts.reveal === true })) + '\n');
  else {
    process.stdout.write(`alloy-scrub fuzz ${file}: ${startId}, seed ${seed}, ${runs} runs per cell, min fragment ${minFragment}\n\n`);
    process.stdout.write(fuzzReportPretty(report, { reveal: opts.reveal === true, color: process.stdout.isTTY === true && !process.env.NO_COLOR, replayCommand: replayCmd }));
  }
  const undecided = report.coverage.some((c) => c.unknown > 0);
  return report.leaks.length > 0 || undecided ? EXIT_FINDING : EXIT_OK;
}

function buildRunner(file: string, component: string | undefined): { runner: LogPathRunner; startId: string; model: ConfigModel; source: string } {
  const { model, source } = loadCommandConfig(file);
  const readFile = configRelativeReader(file);
  // Alloy refuses a config with any invalid component: fuzzing one proves nothing.
  const invalid = validateLogComponents(model, { readFile, nowNs: FUZZ_TIME_NS });
  if (invalid.length > 0) throw new CliExit(EXIT_FINDING, renderDiagnostics(invalid.map((e) => e.toDiagnostic()), source, file));
  const start = chooseStartComponent(model, component);
  if (!start.ok) {
    const list = start.choices.length > 0 ? `\ncomponents to start at:\n${start.choices.map((c) => `  ${c}`).join('\n')}` : '';
    throw usageError(`alloy-scrub: ${start.message}${list}`);
  }
  try {
    // Built once: every generated entry goes through the same compiled pipeline.
    return { runner: buildLogPath(model, start.id, { nowNs: FUZZ_TIME_NS, readFile }), startId: start.id, model, source };
  } catch (err) {
    throw configFailure(err, source, file);
  }
}

function replayCommand(runner: LogPathRunner, r: { seed: number; secretType: string; context: string; path: string; minFragment: number; labels: Map<string, string> }, opts: FuzzCliOptions): number {
  let result: ReturnType<typeof replay>;
  try {
    result = replay(runner, r);
  } catch (err) {
    throw usageError(`alloy-scrub fuzz: --replay: ${(err as Error).message}`);
  }
  const { entry, verdict } = result;
  const forms = entry.secrets.flatMap((p) => p.forms);
  const reveal = opts.reveal === true;
  const line = reveal ? entry.line : maskOccurrences(entry.line, forms);
  const secret = entry.secrets[0] ? (reveal ? entry.secrets[0].sample.secret : maskSecret(entry.secrets[0].sample.secret)) : '';
  const output = verdict.kind === 'redacted' ? undefined : reveal ? verdict.output.entry.line : maskOutput(verdict.output.entry.line, forms, r.minFragment);
  if (opts.format === 'json') {
    const doc = {
      replay: {
        secret_type: r.secretType,
        context: r.context,
        seed: r.seed,
        path: r.path,
        line,
        secret,
        verdict: verdict.kind,
        ...(verdict.kind !== 'redacted' ? { sink: verdict.output.sink, output } : {}),
        ...(verdict.kind === 'unknown' ? { reasons: verdict.reasons } : {}),
      },
    };
    process.stdout.write(JSON.stringify(doc) + '\n');
  } else {
    const lines = [`replay ${r.secretType} in ${r.context}, seed ${r.seed}, path ${r.path}`, `  secret  ${secret}`, `  line    ${JSON.stringify(line)}`];
    if (verdict.kind === 'leaked') lines.push(`  LEAK at ${verdict.output.sink} (${verdict.site.where})`, `  output  ${JSON.stringify(output)}`);
    else if (verdict.kind === 'unknown') lines.push(`  UNKNOWN at ${verdict.output.sink}: ${verdict.reasons.join('; ')}`);
    else lines.push(verdict.dropped ? '  redacted: the entry reached no sink (dropped)' : '  redacted: no sink received the secret');
    process.stdout.write(lines.join('\n') + '\n');
  }
  return verdict.kind === 'redacted' ? EXIT_OK : EXIT_FINDING;
}

/** The argument as one word for a POSIX shell. */
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function listing(): string {
  const lines = ['secret types:'];
  for (const t of SECRET_TYPES) lines.push(`  ${t.id.padEnd(24)} ${t.title} (${t.kind}; detector ${t.detector})`);
  lines.push('contexts:');
  for (const c of CONTEXTS) lines.push(`  ${c.id.padEnd(24)} ${c.title}`);
  return lines.join('\n') + '\n';
}

function progressBar(): cliProgress.SingleBar | undefined {
  // Only for a person watching: a progress bar in a CI log or a pipe is noise.
  if (process.stderr.isTTY !== true) return undefined;
  const bar = new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'fuzzing [{bar}] {percentage}% {value}/{total} entries' }, cliProgress.Presets.shades_classic);
  bar.start(1, 0);
  return bar;
}

function positiveInt(text: string, flag: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw usageError(`alloy-scrub fuzz: ${flag} must be an integer from 1 to ${max}, not ${JSON.stringify(text)}`);
  return Number(text);
}

function seedValue(text: string): number {
  if (!/^-?\d+$/.test(text) || Number(text) < -(2 ** 31) || Number(text) >= 2 ** 31) throw usageError(`alloy-scrub fuzz: --seed must be a 32-bit integer, not ${JSON.stringify(text)}`);
  return Number(text);
}

function randomSeed(): number {
  return (Math.random() * 2 ** 32) | 0;
}

function names(list: string | undefined, known: string[], flag: string): string[] | undefined {
  if (list === undefined) return undefined;
  const wanted = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = wanted.filter((w) => !known.includes(w));
  if (unknown.length > 0 || wanted.length === 0) throw usageError(`alloy-scrub fuzz: ${flag}: unknown ${unknown.join(', ') || '(empty list)'}; choose from ${known.join(', ')}`);
  return wanted;
}

