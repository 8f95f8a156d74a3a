// Fuzz throughput: entries per second through the seed's hardening config and the corrected
// config, every secret type in every context, measured as wall time and as this process's CPU
// time (the machine is shared: CPU time is the figure that does not depend on other load).
// Usage: npx tsx bench/fuzz.ts [runs-per-cell=100] [seed=1]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { buildLogPath } from '../src/loki/graph.ts';
import { FUZZ_TIME_NS, fuzzLogPath } from '../src/fuzz/engine.ts';
import { availableEngines, getDefaultEngine, setDefaultEngine, type EngineName } from '../src/regex/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 100);
const seed = Number(process.argv[3] ?? 1);
const CONFIGS = ['samples/configs/seed-hardening.alloy', 'samples/corrected/hardening-corrected.alloy'];

function measure(file: string, shrinkBudget: number): { entries: number; wall: number; cpu: number; leaks: number } {
  const path = resolve(ROOT, file);
  const model = loadConfig(readFileSync(path, 'utf8'), path, { env: {} });
  const runner = buildLogPath(model, 'loki.process.scrub_secrets', { nowNs: FUZZ_TIME_NS });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fuzzLogPath(runner, { seed, runs, shrinkBudget });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  return { entries: r.entries, wall, cpu: (c.user + c.system) / 1e6, leaks: r.leaks.length };
}

const engines: EngineName[] = [getDefaultEngine(), ...availableEngines().filter((e) => e !== getDefaultEngine() && e === 're2')];
console.log(`fuzz throughput, ${runs} runs per cell, seed ${seed}`);
for (const engine of engines) {
  setDefaultEngine(engine);
  for (const file of CONFIGS) {
    // Warm-up: compile caches and JIT, as a long fuzz run would be.
    measure(file, 0);
    for (const [label, budget] of [['no shrinking', 0], ['with shrinking', undefined]] as const) {
      const m = measure(file, budget ?? 400);
      console.log(
        `${engine.padEnd(6)} ${file.padEnd(46)} ${label.padEnd(15)} ${String(m.entries).padStart(6)} entries  ` +
          `${(m.entries / m.wall).toFixed(0).padStart(6)} entries/s wall  ${(m.entries / m.cpu).toFixed(0).padStart(6)} entries/s CPU  (${m.leaks} leaks)`,
      );
    }
  }
}
