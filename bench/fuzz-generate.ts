// Generation cost alone: entries per second fast-check produces for every cell, without the
// pipeline (the fuzzer's own per-entry overhead). Usage: npx tsx bench/fuzz-generate.ts [runs]
import fc from 'fast-check';
import { selectCells } from '../src/fuzz/engine.ts';

const runs = Number(process.argv[2] ?? 100);
const cells = selectCells();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
for (const c of cells) {
  fc.check(
    fc.property(c.context.arbitrary(c.type), () => {
      n++;
      return true;
    }),
    { seed: 1, numRuns: runs },
  );
}
const wall = (performance.now() - t0) / 1000;
const cu = process.cpuUsage(cpu0);
console.log(`${n} entries generated: ${(n / wall).toFixed(0)} entries/s wall, ${(n / ((cu.user + cu.system) / 1e6)).toFixed(0)} entries/s CPU`);
