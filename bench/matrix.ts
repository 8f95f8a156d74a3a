// The figures of bench/RESULTS.md: for each rule set, alloy-scrub's in-process `run` (text in,
// text out) per regex engine with and without prefilters, next to the Go baseline
// (bench/go-baseline: Go's regexp and text/template running Alloy's stage.replace) on the same
// corpus file, measured side by side in this one process run, repetitions interleaved. Medians of --reps repetitions,
// CPU time (process.cpuUsage / Go's getrusage) and wall time. Not a test: it prints Markdown.
//
//   npx tsx bench/matrix.ts [--mb 8] [--reps 5] [--sets seed,realistic,secretfilter] [--engines re2js,re2-wasm,re2]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureRun, type RunMeasurement } from '../src/bench/measure.ts';
import { availableEngines, type EngineName } from '../src/regex/index.ts';
import { corpusBuffer } from './corpus.ts';
import { runGoBaseline } from './go-baseline.ts';
import { RULE_SETS, loadRuleSetModel, replaceRules } from './rules.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '8' },
    reps: { type: 'string', default: '5' },
    sets: { type: 'string', default: 'seed,realistic,secretfilter' },
    engines: { type: 'string' },
    'no-off': { type: 'boolean', default: false },
  },
});
const reps = Number(values.reps);
const engines = (values.engines?.split(',') ?? availableEngines()) as EngineName[];
const { data, lines } = corpusBuffer(Number(values.mb) * 1024 * 1024, { seed: 1 });
const corpusFile = join(mkdtempSync(join(tmpdir(), 'bench-matrix-')), 'corpus.txt');
writeFileSync(corpusFile, data);
const mb = data.length / 1e6;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row {
  set: string;
  what: string;
  cpu: number;
  wall: number;
  passedThrough?: number;
}

const rows: Row[] = [];
const goCpu = new Map<string, number>();
const warm = data.subarray(0, 512 * 1024);

// Repetitions are interleaved (Go, then each alloy-scrub variant, then Go again…) so that a change
// in the machine's load during the run weighs on both sides of a ratio alike.
for (const set of RULE_SETS.filter((s) => values.sets.split(',').includes(s.name))) {
  const model = loadRuleSetModel(set);
  const goRules = set.name === 'secretfilter' ? null : replaceRules(model, set.component);
  const variants = engines.flatMap((engine) => (values['no-off'] ? [true] : [true, false]).map((prefilters) => ({ engine, prefilters })));
  for (const v of variants) await measureRun(model, set.component, warm, v); // JIT and caches warm
  const goRuns: { cpu: number; wall: number }[] = [];
  const runs = variants.map(() => [] as RunMeasurement[]);
  for (let i = 0; i < reps; i++) {
    if (goRules) {
      const t = runGoBaseline(goRules, corpusFile, 1).timing;
      goRuns.push({ cpu: t.cpu_s[0]!, wall: t.wall_s[0]! });
    }
    for (const [k, v] of variants.entries()) runs[k]!.push(await measureRun(model, set.component, data, v));
    process.stderr.write(`${set.name}: repetition ${i + 1} of ${reps} done\n`);
  }
  if (goRules) {
    rows.push({ set: set.name, what: 'Go baseline (regexp + text/template)', cpu: median(goRuns.map((r) => r.cpu)), wall: median(goRuns.map((r) => r.wall)) });
    goCpu.set(set.name, median(goRuns.map((r) => r.cpu)));
  }
  for (const [k, v] of variants.entries()) {
    const ms = runs[k]!;
    rows.push({
      set: set.name,
      what: `alloy-scrub ${v.engine}, prefilters ${v.prefilters ? 'on' : 'off'}`,
      cpu: median(ms.map((m) => m.cpuSeconds)),
      wall: median(ms.map((m) => m.wallSeconds)),
      passedThrough: ms[0]!.passedThrough,
    });
  }
}

console.log(`corpus: bench/corpus.ts seed 1, ${mb.toFixed(1)} MB, ${lines} lines; median of ${reps}; ${new Date().toISOString()}`);
console.log('');
console.log('| rule set | implementation | CPU s | MB/CPU-s | wall s | MB/s wall | lines/CPU-s | × Go (CPU) | lines passed through |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const go = goCpu.get(r.set);
  const ratio = go === undefined ? 'n/a' : `${(go / r.cpu).toFixed(2)}×`;
  const passed = r.passedThrough === undefined ? '' : `${((r.passedThrough / lines) * 100).toFixed(1)}%`;
  console.log(
    `| ${r.set} | ${r.what} | ${r.cpu.toFixed(3)} | ${(mb / r.cpu).toFixed(2)} | ${r.wall.toFixed(3)} | ${(mb / r.wall).toFixed(2)} | ${Math.round(lines / r.cpu).toLocaleString('en-US')} | ${ratio} | ${passed} |`,
  );
}
