// Builds and runs the Go baseline (bench/go-baseline/main.go): Alloy's stage.replace algorithm
// on Go's own regexp and text/template. Used by the benchmark runner (timings) and by
// test/bench (byte-identical output, the differential oracle).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplaceRule } from './rules.ts';

const here = dirname(fileURLToPath(import.meta.url));
let built: string | undefined;

/** Compiles the baseline once per process (Go stdlib only, no module needed). */
export function buildGoBaseline(): string {
  if (built) return built;
  const outDir = resolve(here, '.bin');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, 'go-baseline');
  execFileSync('go', ['build', '-o', out, join(here, 'go-baseline', 'main.go')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GO111MODULE: 'off', GOCACHE: process.env.GOCACHE ?? join(outDir, '.gocache') },
  });
  built = out;
  return out;
}

export interface GoTiming {
  lines: number;
  bytes: number;
  /** One figure per repetition of the processing loop. */
  wall_s: number[];
  cpu_s: number[];
}

/** Runs the rules over the corpus file; returns the output bytes and the timing report. */
export function runGoBaseline(rules: ReplaceRule[], inputFile: string, reps = 1): { output: Buffer; timing: GoTiming } {
  const bin = buildGoBaseline();
  const dir = mkdtempSync(join(tmpdir(), 'go-baseline-'));
  const rulesFile = join(dir, 'rules.json');
  const outFile = join(dir, 'out.txt');
  writeFileSync(rulesFile, JSON.stringify(rules));
  const r = spawnSync(bin, ['-rules', rulesFile, '-input', inputFile, '-output', outFile, '-reps', String(reps)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 20,
  });
  const report = r.stderr.toString('utf8');
  if (r.status !== 0) throw new Error(`go-baseline exited with ${r.status}: ${report}`);
  return { output: readFileSync(outFile), timing: JSON.parse(report) as GoTiming };
}
