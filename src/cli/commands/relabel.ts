// `alloy-scrub relabel FILE`: metric series (exposition format) or label sets / targets (JSON)
// through the relabel rules of a component and the components it forwards to. One output per input
// in input order; a dropped series says which rule dropped it. Exit 0 when every input was
// relabelled, 1 for a config error or a malformed input, 2 for usage errors.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { decodeLine, encodeLine } from '../../loki/line-codec.ts';
import { ExpositionError } from '../../relabel/exposition.ts';
import { LabelJsonError } from '../../relabel/label-json.ts';
import { chooseRelabelStart, runSeries, type SeriesFormat } from '../../relabel/series-run.ts';
import { configFailure, loadCommandConfig } from '../config-loading.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, usageError } from '../exit.ts';

interface RelabelOptions {
  component?: string;
  input?: string;
  inputFormat?: SeriesFormat;
  format?: SeriesFormat;
}

/** Inputs larger than this are refused rather than read into memory. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export function register(program: Command): void {
  program
    .command('relabel')
    .description('run metric series or label sets through the relabel rules of a component and print the result')
    .argument('<file>', 'Alloy configuration file')
    .option('--component <id>', 'relabel component to start at, e.g. prometheus.relabel.drop_pii_labels (default: the only one)')
    .option('--input <file>', 'read series from this file instead of stdin ("-" for stdin)')
    .addOption(
      new Option('--input-format <format>', 'prom: exposition format (text or OpenMetrics); jsonl: {"labels":{…}} per line, or a JSON list of targets').choices([
        'prom',
        'jsonl',
      ]),
    )
    .addOption(new Option('--format <format>', 'prom: series; jsonl: {"labels":{…}|null,"keep":bool} per input (default: the input format)').choices(['prom', 'jsonl']))
    .action((file: string, opts: RelabelOptions) => {
      process.exitCode = relabelCommand(file, opts);
    });
}

function relabelCommand(file: string, opts: RelabelOptions): number {
  const { model, source } = loadCommandConfig(file);
  const start = chooseRelabelStart(model, opts.component);
  if (!start.ok) {
    const list = start.choices.length > 0 ? `\nrelabel components:\n${start.choices.map((c) => `  ${c}`).join('\n')}` : '';
    throw usageError(`alloy-scrub: ${start.message}${list}`);
  }
  const { name, text } = readInput(opts.input);
  const inputFormat = opts.inputFormat ?? guessFormat(opts.input, text);
  const outputFormat = opts.format ?? inputFormat;
  let result;
  try {
    result = runSeries(model, start.id, text, { inputFormat, outputFormat });
  } catch (err) {
    if (err instanceof ExpositionError) throw new CliExit(EXIT_FINDING, `${name}:${err.line}:${err.column}: ${err.message}`);
    if (err instanceof LabelJsonError) throw new CliExit(EXIT_FINDING, `${name}:${err.line}: ${err.message}`);
    throw configFailure(err, source, file);
  }
  process.stdout.write(encodeLine(result.text));
  if (result.unknown > 0) {
    process.stderr.write(`alloy-scrub: ${result.unknown} of ${result.inputs} results depend on something alloy-scrub cannot know before Alloy runs (see "unknown")\n`);
  }
  return EXIT_OK;
}

function readInput(path: string | undefined): { name: string; text: string } {
  const name = path === undefined || path === '-' ? '<stdin>' : path;
  try {
    const buf = readFileSync(path === undefined || path === '-' ? 0 : path);
    if (buf.length > MAX_INPUT_BYTES) throw usageError(`alloy-scrub: ${name} is larger than ${MAX_INPUT_BYTES} bytes`);
    // Invalid UTF-8 bytes survive as escapes (see regex/types.ts), so hashmod and the output see
    // the bytes Alloy would.
    return { name, text: decodeLine(buf) };
  } catch (err) {
    if (err instanceof CliExit) throw err;
    throw usageError(`alloy-scrub: cannot read ${name}: ${(err as Error).message}`);
  }
}

function guessFormat(path: string | undefined, text: string): SeriesFormat {
  const ext = path === undefined ? '' : extname(path).toLowerCase();
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.prom' || ext === '.om' || ext === '.txt') return 'prom';
  // `{…}` may start a series without a metric name too: it is JSON only if the first line parses.
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return 'jsonl';
  if (trimmed.startsWith('{')) {
    try {
      JSON.parse(trimmed.split('\n', 1)[0]!);
      return 'jsonl';
    } catch {
      return 'prom';
    }
  }
  return 'prom';
}
