// Throughput of `alloy-scrub run`: MB/s and lines/s on a generated corpus (bench/corpus.ts)
// through the seed hardening config, next to the floor (reading and splitting the same bytes
// without running anything). Not a test: it prints a table.
//
//   npx tsx bench/run.ts [--mb 16] [--seed 1] [--config FILE] [--component ID] [--reps 3] [--no-cli]
//
// Scenarios
//   split+decode   LineSplitter + decodeLine only: what Node needs to read the bytes (the floor)
//   run text→text  runStream in-process, output discarded
//   run text→jsonl runStream in-process with jsonl records
//   runner only    the same, through a loki.process without stages: the cost of the runner itself
//   cli text→text  ./bin/alloy-scrub run as a user runs it (process start, config load, pipes)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load.ts';
import { buildLogPath, chooseStartComponent } from '../src/loki/graph.ts';
import { LineSplitter, decodeLine } from '../src/loki/line-codec.ts';
import { runStream, type OutputFormat } from '../src/loki/run-stream.ts';
import { corpusBuffer } from './corpus.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHUNK = 256 * 1024;

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
    config: { type: 'string' },
    component: { type: 'string' },
    reps: { type: 'string', default: '3' },
    'no-cli': { type: 'boolean', default: false },
  },
});

const configFile =
  values.config ??
  [resolve(root, 'samples/configs/seed-hardening.alloy'), resolve(root, 'test/loki/fixtures/seed-hardening.alloy')].find((f) => existsSync(f))!;
const model = loadConfig(readFileSync(configFile, 'utf8'), configFile, { env: {} });
const start = chooseStartComponent(model, values.component);
if (!start.ok) throw new Error(`${start.message}: ${start.choices.join(', ')}`);

const { data, lines } = corpusBuffer(Number(values.mb) * 1024 * 1024, { seed: Number(values.seed) });
const reps = Number(values.reps);

function* chunksOf(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK);
}

async function* asyncChunks(buf: Buffer): AsyncGenerator<Buffer> {
  yield* chunksOf(buf);
}

function splitDecode(buf: Buffer): number {
  const s = new LineSplitter();
  let n = 0;
  for (const c of chunksOf(buf)) for (const l of s.push(c)) if (l.kind === 'line') n += decodeLine(l.bytes).length;
  for (const l of s.end()) if (l.kind === 'line') n += decodeLine(l.bytes).length;
  return n;
}

const emptyModel = loadConfig('loki.process "empty" {\n  forward_to = []\n}\n', 'empty.alloy', { env: {} });

async function runInProcess(buf: Buffer, format: OutputFormat, m = model, id = start.ok ? start.id : ''): Promise<number> {
  const runner = buildLogPath(m, id, { nowNs: 1_700_000_000_000_000_000n });
  let bytes = 0;
  for await (const chunk of runStream(asyncChunks(buf), runner, { outputFormat: format, now: () => 1_700_000_000_000_000_000n })) {
    if (chunk.stream === 'stdout') bytes += chunk.data.length;
  }
  return bytes;
}

function runCli(buf: Buffer): Promise<void> {
  return new Promise((ok, fail) => {
    const args = ['run', configFile, ...(values.component ? ['--component', values.component] : [])];
    // stderr is kept for the failure message only (config warnings would repeat on every rep).
    const child = spawn(resolve(root, 'bin/alloy-scrub'), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`alloy-scrub run exited with ${code}: ${stderr}`))));
    child.stdin.end(buf);
  });
}

async function measure(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const warm = data.subarray(0, Math.min(data.length, 1024 * 1024));
splitDecode(warm);
await runInProcess(warm, 'text');
await runInProcess(warm, 'jsonl');

const rows: Array<[string, number]> = [
  ['split+decode (floor)', await measure(() => splitDecode(data))],
  ['run text→text', await measure(() => runInProcess(data, 'text'))],
  ['run text→jsonl', await measure(() => runInProcess(data, 'jsonl'))],
  ['runner only (no stages) text→text', await measure(() => runInProcess(data, 'text', emptyModel, 'loki.process.empty'))],
];
if (!values['no-cli']) rows.push(['cli text→text', await measure(() => runCli(data))]);

const mb = data.length / (1024 * 1024);
console.log(`corpus: ${mb.toFixed(1)} MiB, ${lines} lines, seed ${values.seed}; config ${configFile.replace(`${root}/`, '')} from ${start.id}; median of ${reps}`);
console.log('');
console.log('| scenario | seconds | MiB/s | lines/s |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, s] of rows) {
  console.log(`| ${name} | ${s.toFixed(3)} | ${(mb / s).toFixed(1)} | ${Math.round(lines / s).toLocaleString('en-US')} |`);
}
